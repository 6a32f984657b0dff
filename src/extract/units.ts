/** The unit or classifier after a number, and where it ends. */
export interface UnitMatch {
  unit: string
  end: number
}

/** Classifiers and units of measure that make a number a countable figure, longest first. */
const UNITS = [
  '个百分点', '平方公里', '平方米', '百分点', '人次', '户次', '场次', '批次', '万元', '亿元', '小时', '公里', '公斤', '部门',
  '%', '‰', '人', '名', '位', '家', '个', '户', '次', '场', '项', '条', '批', '辆', '幅', '件', '起', '支', '所', '座',
  '处', '间', '套', '台', '本', '册', '份', '篇', '期', '类', '种', '轮', '组', '队', '张', '块', '棵', '株', '盏', '元',
  '亩', '吨', '米', '倍', '袋', '箱', '床', '栋', '分',
].sort((a, b) => b.length - a.length)

/** What may not follow a classifier for it to be one: 家庭 is not 家, 次日 is not 次. */
const NOT_FOLLOWED_BY: Record<string, RegExp> = {
  人: /^[民员]/,
  名: /^[单称片录义誉牌额]/,
  家: /^[庭长属乡门风教]/,
  个: /^(月|工作日|季度|年度|小时|百分点)/,
  次: /^[日年]/,
  场: /^[所地景馆]/,
  项: /^目/,
  条: /^[件例]/,
  批: /^[准复示评]/,
  起: /^[来点步草始到着]/,
  处: /^[理置级于罚]/,
  所: /^[有在属谓得以]/,
  座: /^谈/,
  间: /^[隔断]/,
  台: /^[账阶]/,
  本: /^[地领报村镇]/,
  份: /^额/,
  类: /^似/,
  种: /^[植子]/,
  组: /^[织建成]/,
  队: /^伍/,
  支: /^[部持撑付出]/,
  期: /^(工程|项目)/,
  位: /^[于置]/,
  张: /^[集楼]/,
  米: /^面/,
  户: /^[籍口外]/,
}

/** Units whose number is never a measure in these reports (dates, times, ages, durations). */
const NON_MEASURE = /^(年|月|日|号|时|点|分钟|秒|岁|周岁|个月|个工作日|个季度|天|周|届|级|层|楼)/

/** The unit right at pos, or null; `chinese` numbers take no 分 (十分重要 is "very"). */
export function matchUnit(text: string, pos: number, chinese: boolean): UnitMatch | null {
  if (NON_MEASURE.test(text.slice(pos, pos + 4))) return null
  if (text[pos] === '个' && text.startsWith('个小时', pos)) return { unit: '小时', end: pos + 3 }
  for (const unit of UNITS) {
    if (!text.startsWith(unit, pos)) continue
    if (unit === '分' && chinese) return null
    const rest = text.slice(pos + unit.length, pos + unit.length + 3)
    if (NOT_FOLLOWED_BY[unit]?.test(rest)) return null
    return { unit, end: pos + unit.length }
  }
  return null
}

/** Units that count people, for unit compatibility between a figure and a metric. */
export const PERSON_UNITS = new Set(['人', '名', '位', '人次'])
