const zh = {
  signIn: '登录',
  signOut: '退出',
  signedIn: '{name}（{role}）',
  role: { viewer: '查看者', editor: '编辑', admin: '管理员' },
  roleIn: '{role}·{regions}',
  regionSep: '、',
  accounts: '账户',
}
const en: typeof zh = {
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedIn: '{name} ({role})',
  role: { viewer: 'viewer', editor: 'editor', admin: 'administrator' },
  roleIn: '{role} · {regions}',
  regionSep: ', ',
  accounts: 'Accounts',
}
export default { zh, en }
