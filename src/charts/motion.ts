/**
 * Short animations for every on-screen chart: ECharts' default second-long draw-in holds back the moment a chart
 * can be read (and its `finished` event); a filter change redraws in a fifth of a second.
 */
export const MOTION = { animationDuration: 300, animationDurationUpdate: 200 } as const
