const zh = {
  open: '历史',
  openLabel: '查看此数字的修改历史：{what}',
  heading: '此数字的历史',
  loading: '正在读取历史…',
  missing: '共享记录中没有找到这个数字，可能已被修改或撤回；刷新页面后再看。',
  failed: '未能读取历史。',
  withdrawn: '此数字已撤回，不再出现在图表中。',
}
const en: typeof zh = {
  open: 'History',
  openLabel: 'Show this figure’s history: {what}',
  heading: 'History of this figure',
  loading: 'Reading the history…',
  missing: 'The shared record has no such figure any more (corrected or withdrawn meanwhile?); reload the page.',
  failed: 'Could not read the history.',
  withdrawn: 'This figure is withdrawn and no longer charted.',
}
export default { zh, en }
