// Side-effect modules of echarts/lib that register one part each; imported lazily by src/charts/echarts.ts.
declare module 'echarts/lib/chart/bar'
declare module 'echarts/lib/chart/map'
declare module 'echarts/lib/component/visualMapPiecewise'
declare module 'echarts/lib/component/dataZoomInside'
declare module 'echarts/lib/component/dataZoomSlider'
declare module 'echarts/lib/component/aria'
declare module 'echarts/lib/component/markLine'
declare module 'echarts/lib/label/installLabelLayout' {
  export const installLabelLayout: Parameters<typeof import('echarts/core').use>[0]
}
