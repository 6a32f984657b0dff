import type { Translate } from '@/charts/compareInput'
import type { ChartData } from '@/charts/trendInput'
import { validatePackage } from '@/data/validate'
import { ObservationIndex } from '@/domain/observationIndex'
import { RegionTree } from '@/domain/regions'
import { SYNTHETIC_METRICS, SYNTHETIC_SOURCE, synthesizeObservations, synthesizeRegions } from '@/domain/synthesize'
import type { Dataset, Metric } from '@/domain/types'
import { createAppI18n } from '@/i18n'
import { viewPackage } from '../fixtures/package'

/** Chart data over a dataset, with its metrics by id. */
export type ViewData = ChartData & { metric: (id: string) => Metric }

function viewData(dataset: Pick<Dataset, 'regions' | 'metrics' | 'sources' | 'observations'>): ViewData {
  const metrics = new Map(dataset.metrics.map((m) => [m.id, m]))
  return {
    index: new ObservationIndex(dataset.observations, dataset.metrics),
    tree: new RegionTree(dataset.regions),
    sourceById: new Map(dataset.sources.map((s) => [s.id, s])),
    metric: (id) => metrics.get(id)!,
  }
}

/**
 * The fixture package plus 牡丹区, the 经开区 zone (no polygon) and a town of 鄄城县: activities in two counties
 * and the zone, and the town's numerator and denominator, so 鄄城县's coverage rate is computed (3/5 = 60%).
 */
export function fixtureViewData(): ViewData {
  const { dataset } = validatePackage(
    viewPackage([
      { metric: 'activities', region: '371726', period: '2025-01', value: 200 },
      { metric: 'with_org', region: '371726001', period: '2025-01', value: 3 },
      { metric: 'total', region: '371726001', period: '2025-01', value: 5 },
    ]),
  )
  return viewData(dataset)
}

/** A seeded synthetic city (合成市, 9 counties, 6 months from 2022-01) whose first figure a second source contradicts. */
export function syntheticViewData(): ViewData {
  const observations = synthesizeObservations({ regions: 9, periods: 6, seed: 1 })
  observations.push({ ...observations[0], value: observations[0].value + 7, source: 'other' })
  const source = { id: SYNTHETIC_SOURCE, title: '合成来源', publication: '', date: '', author: '', file: '', url: '', note: '' }
  return viewData({ regions: synthesizeRegions(9), metrics: [...SYNTHETIC_METRICS], sources: [source], observations })
}

/** vue-i18n's `t` over the app's messages, as the composables call it. */
export function appTranslate(locale: 'zh' | 'en'): Translate {
  const { t } = createAppI18n(locale === 'en' ? 'en' : 'zh-CN').global
  return (key, params) => t(key, params ?? {})
}
