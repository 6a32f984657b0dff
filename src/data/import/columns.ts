/** The columns an import understands; the first four are required. */
export const FIELDS = ['metric', 'region', 'period', 'value', 'unit', 'qualifier', 'source', 'quote'] as const
export type Field = (typeof FIELDS)[number]
export const REQUIRED_FIELDS: readonly Field[] = ['metric', 'region', 'period', 'value']

/** Which column (index into the header) holds each field; null when none does. */
export type ColumnMapping = Record<Field, number | null>

// Header words people use, compared after normalizeHeader.
const SYNONYMS: Record<Field, string[]> = {
  metric: ['指标', '指标名称', '指标名', '指标代码', '指标id', '项目', 'metric', 'metricid', 'indicator'],
  region: ['地区', '县区', '区县', '区域', '地区名称', '行政区', '行政区划', '地区代码', '区划代码', 'region', 'regioncode', 'area', 'county'],
  period: ['时间', '时期', '期间', '日期', '年份', '统计时间', '统计期', 'period', 'date', 'time', 'year'],
  value: ['数值', '数据', '值', '数量', '指标值', 'value', 'amount', 'number'],
  unit: ['单位', '计量单位', 'unit'],
  qualifier: ['限定', '限定词', '精确度', '修饰', 'qualifier'],
  source: ['来源', '出处', '数据来源', '资料来源', 'source'],
  quote: ['原文', '原句', '引文', '原文摘录', 'quote'],
}

/** Lower-cases and drops spaces, underscores and a bracketed note: `数值（%）` and `Metric ID` compare as 数值, metricid. */
function normalizeHeader(header: string): string {
  return header.replace(/[（(][^）)]*[）)]/g, '').replace(/[\s_\-*]/g, '').toLowerCase()
}

/** Matches headers to fields by their Chinese or English names; the first matching column wins. */
export function matchColumns(header: readonly string[]): ColumnMapping {
  const mapping = Object.fromEntries(FIELDS.map((f) => [f, null])) as ColumnMapping
  header.forEach((h, i) => {
    const key = normalizeHeader(h)
    const field = FIELDS.find((f) => SYNONYMS[f].includes(key))
    if (field && mapping[field] === null) mapping[field] = i
  })
  return mapping
}

/** Fields that two or more columns name (two 数值 columns, or 数值 and 值), with those columns' indexes. */
export function duplicateColumns(header: readonly string[]): { field: Field; columns: number[] }[] {
  return FIELDS.map((field) => ({ field, columns: header.flatMap((h, i) => (SYNONYMS[field].includes(normalizeHeader(h)) ? [i] : [])) })).filter((d) => d.columns.length > 1)
}

/** Required fields no column is mapped to. */
export function missingFields(mapping: ColumnMapping): Field[] {
  return REQUIRED_FIELDS.filter((f) => mapping[f] === null)
}
