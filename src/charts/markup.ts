/** ECharts tooltips are HTML: names and source titles come from data files, so escape them. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A silent dashed line across the plot at `value` of an axis: the enclosing region's figure (compare). */
export function dashedMarkLine(axis: 'xAxis' | 'yAxis', value: number, label: string, position: 'start' | 'insideEndTop', color: string) {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { type: 'dashed' as const, color },
    label: { formatter: label, position },
    data: [{ [axis]: value }],
  }
}
