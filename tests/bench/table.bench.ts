/**
 * The data table at 1 M observations with no filter: select the rows, sort them, make the visible page.
 * Run directly: npx tsx tests/bench/table.bench.ts
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ObservationIndex } from '../../src/domain/observationIndex'
import { RegionTree } from '../../src/domain/regions'
import { selectRows, sortRows, type TableSort } from '../../src/domain/tableRows'
import { round, summarize } from './stats'
import { benchData } from './synthetic'

/** Medians in ms over `runs`; `rows` is how many figures the table holds. */
export interface TableBench {
  rows: number
  open_ms: number
  sort_value_desc_ms: number
  sort_region_ms: number
  sort_metric_desc_ms: number
}

export async function benchTable(size = 1_000_000, runs = 5): Promise<TableBench> {
  const data = benchData(size)
  const index = new ObservationIndex(data.observations, data.metrics)
  const tree = new RegionTree(data.regions)
  const order = new Map(data.metrics.map((m, i) => [m.id, i]))
  const ctx = { metricOrder: (id: string) => order.get(id) ?? order.size, unit: () => '', sourceTitle: (id: string) => id }
  const all = { regions: [], from: null, to: null, metric: null }
  const time = (f: () => unknown) => {
    const ms: number[] = []
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now()
      f()
      ms.push(performance.now() - t0)
    }
    return round(summarize(ms).median, 1)
  }
  const ids = selectRows(index, all, tree)
  const sorted = (sort: TableSort) => () => index.observationsAt(sortRows(index, ids, sort, ctx), 0, 200)
  return {
    rows: ids.length,
    // What opening the 数据表 view costs: the selection, the default sort (by metric) and the first page.
    open_ms: time(() => index.observationsAt(sortRows(index, selectRows(index, all, tree), { key: 'metric', dir: 'asc' }, ctx), 0, 200)),
    sort_value_desc_ms: time(sorted({ key: 'value', dir: 'desc' })),
    sort_region_ms: time(sorted({ key: 'region', dir: 'asc' })),
    sort_metric_desc_ms: time(sorted({ key: 'metric', dir: 'desc' })),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(JSON.stringify(await benchTable()))
}
