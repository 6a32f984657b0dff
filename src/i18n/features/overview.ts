const zh = {
  title: '关键指标',
  empty: '所选地区暂无指标数据',
  computed: '由下级地区推算',
  conflict: '来源不一致：{values}',
  vsPrevious: '较{period} {delta}',
  yearOnYear: '同比 {delta}',
  relative: '（{value}）',
  points: '个百分点',
  about: '约',
  open: '查看“{metric}”趋势',
  sparkline: '历次数值走势',
  briefing: '文字说明',
}

const en: typeof zh = {
  title: 'Key metrics',
  empty: 'No figures for the selected regions',
  computed: 'Computed from the regions below',
  conflict: 'Sources disagree: {values}',
  vsPrevious: 'vs {period}: {delta}',
  yearOnYear: 'Year on year: {delta}',
  relative: ' ({value})',
  points: ' pp',
  about: '≈',
  open: 'Open the trend of “{metric}”',
  sparkline: 'Figures over time',
  briefing: 'Summary',
}

export default { zh, en }
