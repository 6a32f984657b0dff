const zh = {
  notice: '演示数据，非真实统计',
  detail: '当前显示随机生成的演示数据包；切换回真实数据请取消“演示数据”。',
  switch: '演示数据',
}
const en: typeof zh = {
  notice: 'Demonstration data, not real statistics (演示数据，非真实统计)',
  detail: 'Showing the randomly generated demonstration package; untick “Demo data” to return to the real figures.',
  switch: 'Demo data',
}
export default { zh, en }
