import { defineStore } from 'pinia'
import { computed } from 'vue'
import { figureKey, parseFigureKey } from '@/domain/figureKey'
import type { Observation } from '@/domain/types'
import { useDatasetStore } from './dataset'
import { useFiltersStore } from './filters'

/** Which source the 来源 view shows and which figure in it to bring into view (the figure is the link's `figure`). */
export const useFocusStore = defineStore('focus', () => {
  const filters = useFiltersStore()
  const data = useDatasetStore()
  /** The focused figure, found in the data; null when the link's figure is not there. */
  const observation = computed<Observation | null>(() => {
    const f = filters.figure ? parseFigureKey(filters.figure) : null
    if (!f) return null
    const rows = data.index.observationsAt(data.index.rowIds(f.metric, [f.region]))
    return rows.find((o) => o.period === f.period && o.source === f.source) ?? null
  })
  const source = computed(() => observation.value?.source ?? filters.source)

  /** Opens a figure's source at that figure. */
  function open(o: Observation): void {
    filters.figure = figureKey(o)
    filters.source = null
  }

  /** Shows another source; the focused figure goes unless it is of that source. */
  function choose(id: string): void {
    if (observation.value?.source === id) return
    filters.figure = null
    filters.source = id
  }

  return { observation, source, open, choose }
})
