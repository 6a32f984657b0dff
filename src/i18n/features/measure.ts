// The trend's values / change switch, loaded with it just after the first chart.
const zh = {
  label: '显示',
  value: '数值',
  change: '较起点变化',
  percent: '较起点变化率',
}
const en: typeof zh = {
  label: 'Show',
  value: 'Values',
  change: 'Change since start',
  percent: 'Relative change',
}
export default { zh, en }
