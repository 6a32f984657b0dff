// The notice that names what a link held and the data did not (未知指标「…」已忽略): loaded only when a link needs it.
const zh = {
  notice: '链接中有数据里没有的内容：{items}',
  separator: '；',
  metric: '未知指标「{value}」已忽略',
  region: '未知地区代码「{value}」已忽略',
  from: '起始时间「{value}」无法识别，已忽略',
  to: '截止时间「{value}」无法识别，已忽略',
  at: '时间「{value}」无法识别，已显示最新时间',
  lang: '语言「{value}」无法识别，已忽略',
  table: '数据表形式「{value}」无法识别，已显示明细列表',
  sort: '排序「{value}」无法识别，已按默认顺序排列',
  source: '来源「{value}」在当前数据中找不到，已显示第一篇来源',
  figure: '数据「{value}」在当前数据中找不到，已显示来源全文',
  decal: '打印图案开关「{value}」无法识别，已忽略',
  embed: '嵌入开关「{value}」无法识别，已显示完整看板',
}
const en: typeof zh = {
  notice: 'The link names things the data does not have: {items}',
  separator: '; ',
  metric: 'unknown metric “{value}” ignored',
  region: 'unknown region code “{value}” ignored',
  from: 'start period “{value}” not understood, ignored',
  to: 'end period “{value}” not understood, ignored',
  at: 'period “{value}” not understood, showing the latest',
  lang: 'language “{value}” not understood, ignored',
  table: 'table form “{value}” not understood, showing the list',
  sort: 'sort “{value}” not understood, in the default order',
  source: 'source “{value}” not found in this data, showing the first',
  figure: 'figure “{value}” not found in this data, showing the whole source',
  decal: 'print pattern switch “{value}” not understood, ignored',
  embed: 'embedding switch “{value}” not understood, showing the whole dashboard',
}
export default { zh, en }
