/** Chinese messages: the default locale. */
export default {
  app: {
    title: '菏泽社会治理指标看板',
    subtitle: '每个数字均可追溯至报道原句',
    loading: '正在载入数据包…',
    loadFailed: '数据包载入失败：{error}',
    language: 'English',
    decal: '黑白打印图案',
    decalHint: '用花纹和线型区分系列，便于黑白打印',
  },
  chart: {
    noData: '所选地区暂无该指标数据',
    singlePoint: '仅一期数据',
    target: '目标 {value}',
    description: '{metric}趋势图。各地区最新值：{values}。',
    nonExact: '空心点为非精确值（余、约、以上等）',
    capped: '共 {total} 个地区有数据，图中为最新值最大的 {shown} 个；在“地区”中勾选可查看其他地区。',
  },
  data: {
  },
  views: {
    label: '视图',
    overview: '总览',
    trend: '趋势',
    compare: '对比',
    map: '地图',
    table: '数据表',
    sources: '来源',
    ingest: '报告录入',
    import: '导入数据',
    audit: '操作记录',
  },
}
