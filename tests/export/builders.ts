import { ObservationIndex } from '@/domain/observationIndex'
import { RegionTree } from '@/domain/regions'
import type { Metric, Observation, Qualifier, Region, Source } from '@/domain/types'
import { exportTexts } from '@/export/messages'
import type { ExportData, ExportQuery } from '@/export/viewExport'

/** A figure of `metric` for one region and period, from source s1 unless told. */
export function obs(region: string, period: string, value: number, extra: Partial<Observation> = {}): Observation {
  return { metric: 'coverage', region, period, value, qualifier: '=' as Qualifier, source: 's1', quote: `覆盖率${value}%`, ...extra }
}

const region = (code: string, name: string, level: Region['level'], parent: string | null): Region => ({ code, name, level, parent, aliases: [] })

export const REGIONS: Region[] = [
  region('371700', '菏泽市', 'city', null),
  region('371702', '牡丹区', 'county', '371700'),
  region('371726', '鄄城县', 'county', '371700'),
]

export const COVERAGE: Metric = {
  id: 'coverage',
  name: '党组织覆盖率',
  nameEn: 'Party-organisation coverage',
  unit: '%',
  kind: 'rate',
  temporal: 'stock',
  aggregate: { kind: 'none' },
  category: '党建',
  definition: '建立党组织的协会商会占比',
  aliases: [],
  target: 100,
}

export const SOURCE: Source = { id: 's1', title: '菏泽日报社会工作版', publication: '菏泽日报', date: '2025-01', author: '', file: '', url: '', note: '' }

/** Two counties over 2024–2025, one figure a lower bound. */
export function sampleObservations(): Observation[] {
  return [
    obs('371726', '2024', 60.5),
    obs('371726', '2025', 66.1),
    obs('371702', '2024', 55),
    obs('371702', '2025', 58, { qualifier: '>=', quote: '=SUM(A1) 58%以上' }),
  ]
}

/** Export data over the sample figures (or `observations`). */
export function exportData(observations = sampleObservations(), metrics: Metric[] = [COVERAGE]): ExportData {
  return {
    index: new ObservationIndex(observations, metrics),
    tree: new RegionTree(REGIONS),
    sourceById: new Map([[SOURCE.id, SOURCE]]),
    metricById: new Map(metrics.map((m) => [m.id, m])),
  }
}

/** A query for the coverage metric in Chinese, dated 2026-11-29. */
export function query(extra: Partial<ExportQuery> = {}): ExportQuery {
  return { metric: COVERAGE, regions: ['371726', '371702'], range: {}, demo: false, texts: exportTexts('zh'), exportDate: '2026-11-29', ...extra }
}
