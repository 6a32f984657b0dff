const zh = {
  title: '数据质量',
  none: '未发现问题。',
  count: '{n} 项',
  showRows: '查看这些数据',
  kind: {
    conflict: '数值冲突',
    rateRange: '比率超出 0–100',
    jump: '数值突变',
    missingCounties: '县区缺数',
    stale: '超过一年未更新',
  },
  text: {
    conflict: '{metric} · {regions} · {period}：各来源数值不一致',
    rateRange: '{metric} · {regions} · {period}：{value}% 超出 0–100',
    jump: '{metric} · {regions}：{from} 到 {to} 变化 {change}',
    jumpFactor: '{n} 倍',
    jumpPoints: '{n} 个百分点',
    missingCounties: '{metric}：{n} 个县区没有数据（{regions}）',
    stale: '{metric}：最新数据已是 {months} 个月前（{regions}）',
  },
  figure: '{value}（{period}，{source}）',
}

const en: typeof zh = {
  title: 'Data quality',
  none: 'No problems found.',
  count: '{n}',
  showRows: 'Show these figures',
  kind: {
    conflict: 'Conflicting values',
    rateRange: 'Rates outside 0–100',
    jump: 'Sudden jumps',
    missingCounties: 'Counties without figures',
    stale: 'Not updated for over a year',
  },
  text: {
    conflict: '{metric} · {regions} · {period}: sources disagree',
    rateRange: '{metric} · {regions} · {period}: {value}% is outside 0–100',
    jump: '{metric} · {regions}: changes by {change} from {from} to {to}',
    jumpFactor: 'a factor of {n}',
    jumpPoints: '{n} points',
    missingCounties: '{metric}: {n} counties have no figures ({regions})',
    stale: '{metric}: the latest figures are {months} months old ({regions})',
  },
  figure: '{value} ({period}, {source})',
}

export default { zh, en }
