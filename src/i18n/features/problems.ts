// The banner over a data package with problems: loaded only when a package has some.
const zh = {
  summary: '数据包有 {errors} 个错误、{warnings} 个提示；有问题的行已跳过，其余数据照常显示。',
  details: '查看详情',
}
const en: typeof zh = {
  summary: 'The data package has {errors} errors and {warnings} warnings; rows with problems were skipped, the rest is shown.',
  details: 'Details',
}
export default { zh, en }
