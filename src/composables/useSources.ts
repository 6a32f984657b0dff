import { computed, watch } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { formatValue } from '@/domain/format'
import { highlightQuotes } from '@/domain/highlight'
import { formatPeriod } from '@/domain/period'
import type { Observation, Source } from '@/domain/types'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { useFocusStore } from '@/stores/focus'

/** A run of the report as the reader shows it: plain text, or a highlight with its figures and a tooltip. */
export interface ReaderSegment {
  key: number
  text: string
  figures: Observation[]
  title: string
  focused: boolean
}

const same = (a: Observation, b: Observation | null) =>
  !!b && a.metric === b.metric && a.region === b.region && a.period === b.period && a.source === b.source && a.quote === b.quote

/** The 来源 view's state: the chosen source (sources with text first), its report split into highlighted figures. */
export function useSources() {
  const data = useDatasetStore()
  const focus = useFocusStore()
  const { t, locale } = useI18n()

  const sources = computed<Source[]>(() => {
    const withText = (s: Source) => (data.dataset.reports[s.id] ? 0 : 1)
    return [...data.dataset.sources].sort((a, b) => withText(a) - withText(b))
  })
  const filters = useFiltersStore()
  // The chosen source is the focus store's, so a figure of another source does not stay in the link.
  const chosen = computed<string | null>({ get: () => focus.source, set: (id) => id && focus.choose(id) })
  // A link's figure the data does not hold is dropped with a notice, as an unknown metric is.
  watch(
    () => filters.figure !== null && focus.observation === null,
    (missing) => {
      if (!missing) return
      filters.dropped = [...filters.dropped, `figure=${filters.figure}`]
      filters.figure = null
    },
    { immediate: true },
  )
  const source = computed(() => sources.value.find((s) => s.id === chosen.value) ?? sources.value[0])
  const text = computed(() => (source.value ? (data.dataset.reports[source.value.id] ?? '') : ''))

  const describe = (o: Observation) => {
    const lang = locale.value === 'en' ? 'en' : 'zh'
    const m = data.metricById.get(o.metric)
    return t('sources.tooltip', {
      metric: m ? (lang === 'en' ? m.nameEn : m.name) : o.metric,
      region: data.tree.get(o.region)?.name ?? o.region,
      period: formatPeriod(o.period, lang),
      value: formatValue(o.value, o.qualifier, m?.unit ?? '', lang),
    })
  }

  const highlighted = computed(() => {
    const id = source.value?.id
    const figures = id ? data.index.bySource(id) : []
    return highlightQuotes(text.value, figures.map((o) => ({ quote: o.quote, item: o })))
  })
  const segments = computed<ReaderSegment[]>(() =>
    highlighted.value.segments.map((s, i) => ({
      key: s.start,
      // Report files often open with blank lines; they would push the text down under pre-wrap.
      text: i === 0 && s.items.length === 0 ? s.text.trimStart() : s.text,
      figures: s.items,
      title: s.items.map(describe).join('\n'),
      focused: s.items.some((o) => same(o, focus.observation)),
    })),
  )
  const marked = computed(() => segments.value.reduce((n, s) => n + s.figures.length, 0))
  const missing = computed(() => highlighted.value.missing.map(describe))

  return { sources, chosen, source, text, segments, marked, missing }
}
