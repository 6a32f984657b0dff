import type { CompareStatus } from '@/domain/compare'
import type { ECOption } from './echarts'
import { dashedMarkLine, escapeHtml } from './markup'
import { MOTION } from './motion'
import { PALETTE } from './palette'

/** One bar: a region's value at the compared period, with its display text already made. */
export interface CompareBar {
  name: string
  /** null for regions without a figure (and conflicting ones): they keep a row with `label` as text. */
  value: number | null
  status: CompareStatus
  /** What the bar end says: '66.1%', '≥500次', '≈12家（推算）', '无数据'. */
  label: string
  /** Tooltip lines under the name (sources, how a value was computed). */
  detail: string
}

/** Everything buildCompareOption needs; bars arrive ranked. */
export interface CompareInput {
  unit: string
  bars: CompareBar[]
  /** The enclosing region's own figure, drawn as a line (全市 66.1%). */
  reference: { value: number; label: string } | null
  /** The chart's aria description, read by screen readers. */
  description: string
  /** Patterns on the bars, for black-and-white printing. */
  decal?: boolean
  animation?: boolean
  /** Counts: the value axis ticks whole numbers. */
  integer?: boolean
}

const REPORTED = PALETTE[0]
const COMPUTED = PALETTE[5]
/** Diagonal hatching that marks a computed bar, also in colour. */
const HATCH = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4, color: 'rgba(0,0,0,0.35)' }

/** Builds the ranked horizontal bar chart: largest on top, computed bars hatched, regions without a figure labelled at the bottom. */
export function buildCompareOption(input: CompareInput): ECOption {
  return {
    animation: input.animation ?? true,
    ...MOTION,
    aria: { enabled: true, label: { description: input.description }, decal: { show: input.decal ?? false } },
    // ECharts 6 keeps axis labels inside the chart by default (grid.outerBounds), so long county names are not clipped.
    grid: { left: 8, right: 120, top: 32, bottom: 24 },
    tooltip: { trigger: 'item', formatter: (p: unknown) => tooltipText((p as { dataIndex: number }).dataIndex) },
    xAxis: { type: 'value', name: input.unit, max: axisMax(input), minInterval: input.integer ? 1 : undefined },
    // Inverse, so the first (largest) bar is at the top.
    yAxis: { type: 'category', inverse: true, data: input.bars.map((b) => b.name), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        data: input.bars.map((bar) => ({
          value: bar.value ?? 0,
          itemStyle: bar.status === 'computed' ? { color: COMPUTED, decal: HATCH } : { color: REPORTED },
          label: {
            show: true,
            position: 'right' as const,
            formatter: bar.label,
            color: bar.value === null ? '#767676' : '#222',
          },
        })),
        // The y axis is inverted, so the line's start is its top end.
        markLine: input.reference ? dashedMarkLine('xAxis', input.reference.value, input.reference.label, 'start', '#555') : undefined,
      },
    ],
  }

  function tooltipText(i: number): string {
    const bar = input.bars[i]
    return [`<b>${escapeHtml(bar.name)}</b> ${escapeHtml(bar.label)}`, escapeHtml(bar.detail)].filter(Boolean).join('<br/>')
  }
}

/** Room for a reference line beyond every bar; otherwise ECharts' own rounded maximum. */
function axisMax(input: CompareInput): number | undefined {
  const top = Math.max(0, ...input.bars.map((b) => b.value ?? 0))
  return input.reference && input.reference.value > top ? Math.ceil(input.reference.value * 1.05) : undefined
}
