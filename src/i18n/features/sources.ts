const zh = {
  pick: '来源',
  published: '{publication}，{date}',
  noText: '该来源未随数据包提供原文，其数字无法在此标出。',
  highlighted: '文中标出 {n} 处数字。悬停查看指标、地区和时间，点击查看该地区该指标的趋势。',
  missing: '{n} 个数字的引文未在原文中找到：',
  tooltip: '{metric}｜{region}｜{period}｜{value}',
  none: '数据包中没有来源。',
  reportLabel: '报告原文',
}
const en: typeof zh = {
  pick: 'Source',
  published: '{publication}, {date}',
  noText: 'This source ships without its text, so its figures cannot be marked here.',
  highlighted: '{n} figures are marked. Hover for metric, region and period; click to see that region’s trend.',
  missing: '{n} quotes were not found in the text:',
  tooltip: '{metric} · {region} · {period} · {value}',
  none: 'The package has no sources.',
  reportLabel: 'Report text',
}
export default { zh, en }
