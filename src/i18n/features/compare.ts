const zh = {
  title: '{metric}（{period}）',
  scopeCounties: '各县区对比',
  scopeTowns: '{county}各镇街对比',
  scopeSelected: '所选地区对比',
  period: '时间',
  latest: '（最新）',
  noData: '无数据',
  noDataList: '无数据的地区（{n}个）：',
  conflict: '来源不一致：{values}',
  computedValue: '{value}（推算）',
  computedFrom: '由 {n} 个下级地区的数据推算，{missing} 个下级地区无数据',
  computedNote: '斜线条为由下级地区数据推算的值（比率按分子分母合计计算，从不取平均）',
  noPeriods: '所选地区暂无该指标数据',
  description: '{metric}，{period}，各地区数值由高到低：{values}。无数据：{missing}。',
}

const en: typeof zh = {
  title: '{metric} ({period})',
  scopeCounties: 'Counties compared',
  scopeTowns: 'Towns of {county} compared',
  scopeSelected: 'Selected regions compared',
  period: 'Period',
  latest: ' (latest)',
  noData: 'No data',
  noDataList: 'Regions without data ({n}): ',
  conflict: 'Sources disagree: {values}',
  computedValue: '{value} (computed)',
  computedFrom: 'Computed from {n} lower-level regions; {missing} have no figure',
  computedNote: 'Hatched bars are computed from lower-level figures (rates from summed numerators and denominators, never averaged)',
  noPeriods: 'No figures of this metric for the selected regions',
  description: '{metric}, {period}, regions from highest to lowest: {values}. No data: {missing}.',
}

export default { zh, en }
