import type { ExportMeta } from '@/charts/exportLayout'
import type { PeriodRange } from '@/domain/observationIndex'
import { formatPeriod } from '@/domain/period'
import type { Source } from '@/domain/types'
import { fill, type ExportTexts } from './messages'

/** What an export's header and footer are made from. */
export interface MetaInput {
  metricName: string
  unit: string
  /** Names of the regions shown; empty means every region. */
  regionNames: readonly string[]
  /** ISO bounds of what is shown (see periodBounds). */
  bounds: PeriodRange
  /** Sources of the figures shown, in the order to cite them. */
  sources: readonly Source[]
  demo: boolean
  /** ISO date of the export: `2026-11-29`. */
  exportDate: string
}

const MAX_NAMED_REGIONS = 6

/** The ISO bounds of a view: the chosen range, or else the first and last periods with figures (an interval's own ends). */
export function periodBounds(periods: readonly string[], range: PeriodRange): PeriodRange {
  const first = periods[0]?.split('/')[0]
  const last = periods[periods.length - 1]?.split('/').pop()
  return { from: range.from ?? first, to: range.to ?? last }
}

/** `2024年—2025年1月`, one period when both ends agree, '' when there is none. */
export function periodText(bounds: PeriodRange, texts: ExportTexts): string {
  const sides = [bounds.from, bounds.to].filter((s): s is string => !!s).map((s) => formatPeriod(s, texts.locale))
  return [...new Set(sides)].join(texts.export.periodSeparator)
}

/** `鄄城县、牡丹区`, `鄄城县等9地` past six names, or `全部地区`. */
export function regionsText(names: readonly string[], texts: ExportTexts): string {
  const m = texts.export
  if (names.length === 0) return m.allRegions
  if (names.length <= MAX_NAMED_REGIONS) return names.join(m.regionsSeparator)
  return fill(m.moreRegions, { first: names.slice(0, 3).join(m.regionsSeparator), n: names.length })
}

/** `数据来源：《…》（菏泽日报，2025-01）；…`: report titles with their publication and date. */
export function sourceText(sources: readonly Source[], texts: ExportTexts): string {
  const m = texts.export
  if (sources.length === 0) return m.noSource
  const items = sources.map((s) => {
    const details = [s.publication, s.date].filter(Boolean).join(m.detailSeparator)
    return fill(m.sourceTitle, { title: s.title }) + (details ? fill(m.sourceDetails, { details }) : '')
  })
  return fill(m.source, { sources: items.join(m.sourceSeparator) })
}

/** The translated, labelled texts an exported image carries. */
export function buildExportMeta(input: MetaInput, texts: ExportTexts): ExportMeta {
  const m = texts.export
  const period = periodText(input.bounds, texts)
  return {
    title: input.metricName,
    subtitle: [regionsText(input.regionNames, texts), period].filter(Boolean).join(' · '),
    unit: input.unit ? fill(m.unit, { unit: input.unit }) : '',
    source: sourceText(input.sources, texts),
    credit: fill(m.credit, { product: texts.product, date: input.exportDate }),
    demo: input.demo ? m.demo : '',
  }
}

/** Today as `2026-11-29` in the machine's own time zone (a briefing made at 7:00 in Heze is dated that day, not UTC's). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
