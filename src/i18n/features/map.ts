const zh = {
  loading: '正在载入底图…',
  loadFailed: '底图载入失败：{error}',
  schematic: '示意图，非标准地图',
  approval: '审图号：{approval}',
  zones: '无边界的功能区',
  counties: '县区数值',
  clickHint: '点击县区可筛选，再次点击取消',
  description: '{title}。各县区数值：{values}。',
}

const en: typeof zh = {
  loading: 'Loading the base map…',
  loadFailed: 'The base map failed to load: {error}',
  schematic: 'schematic, not a standard map',
  approval: 'Map approval no. {approval}',
  zones: 'Zones without a boundary',
  counties: 'County values',
  clickHint: 'Click a county to filter to it; click again to clear',
  description: '{title}. County values: {values}.',
}

export default { zh, en }
