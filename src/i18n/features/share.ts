// The 复制链接 button's messages, loaded after the first chart with the button.
const zh = {
  copyLink: '复制链接',
  copyLinkHint: '复制当前视图的链接，他人打开即见同一视图',
  linkCopied: '链接已复制',
  copyFailed: '无法复制，请复制地址栏中的链接',
}
const en: typeof zh = {
  copyLink: 'Copy link',
  copyLinkHint: 'Copy a link to this view: whoever opens it sees the same view',
  linkCopied: 'Link copied',
  copyFailed: 'Could not copy: copy the address bar instead',
}
export default { zh, en }
