const zh = {
  username: '用户名',
  password: '密码',
  submit: '登录',
  cancel: '取消',
  formLabel: '登录到共享记录',
  wrong: '用户名或密码不正确。',
  failed: '未能登录：{detail}',
  setupTitle: '创建第一个管理员账户',
  setupIntro: '此链接由 npm start 首次启动时打印，只能使用一次。用户名 2–40 个字母或数字，密码至少 10 位。',
  setupSubmit: '创建并登录',
  setupSpent: '此设置链接已用过或不正确。',
  setupInvalid: '用户名或密码不符合要求：{detail}',
}
const en: typeof zh = {
  username: 'User name',
  password: 'Password',
  submit: 'Sign in',
  cancel: 'Cancel',
  formLabel: 'Sign in to the shared record',
  wrong: 'Wrong user name or password.',
  failed: 'Could not sign in: {detail}',
  setupTitle: 'Create the first administrator',
  setupIntro: 'npm start printed this link on its first start; it works once. User name: 2–40 letters or digits; password: at least 10 characters.',
  setupSubmit: 'Create and sign in',
  setupSpent: 'This setup link has been used or is wrong.',
  setupInvalid: 'The user name or password does not qualify: {detail}',
}
export default { zh, en }
