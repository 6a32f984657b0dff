import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { CompareInput } from '@/charts/compare'
import { compareRow, compareRows, compareScope, periodsToCompare, type CompareRow } from '@/domain/compare'
import { formatValue } from '@/domain/format'
import { formatPeriod } from '@/domain/period'
import type { Metric } from '@/domain/types'
import { useDatasetStore } from '@/stores/dataset'
import { useFiltersStore } from '@/stores/filters'
import { useSelection } from './useSelection'

/** Display text of compare rows: value with qualifier (computed ones marked), and a tooltip line on their origin. */
export function useRowText() {
  const data = useDatasetStore()
  const { t, locale } = useI18n()
  const lang = computed(() => (locale.value === 'en' ? 'en' : 'zh'))

  function label(row: CompareRow, unit: string): string {
    const value = (v: number, q: CompareRow['qualifier']) => formatValue(Math.round(v * 10) / 10, q, unit, lang.value)
    if (row.status === 'missing') return t('compare.noData')
    if (row.status === 'conflict') return t('compare.conflict', { values: row.figures.map((f) => value(f.value, f.qualifier)).join(' / ') })
    const text = value(row.value!, row.qualifier)
    return row.status === 'computed' ? t('compare.computedValue', { value: text }) : text
  }

  function detail(row: CompareRow): string {
    const source = (id: string) => data.sourceById.get(id)?.title ?? id
    if (row.status === 'computed' && row.rollup) return t('compare.computedFrom', { n: row.rollup.contributors.length, missing: row.rollup.missing.length })
    return [...new Set(row.figures.map((f) => source(f.source)))].join('；')
  }

  const metricName = (m: Metric | undefined) => (m ? (lang.value === 'en' ? m.nameEn : m.name) : '')

  return { label, detail, lang, metricName }
}

/** A period the user may pick from `periods`; follows the latest while none is picked or the pick is not offered. */
export function usePickedPeriod(periods: Ref<string[]>) {
  const picked = ref<string | null>(null)
  const period = computed(() => (picked.value && periods.value.includes(picked.value) ? picked.value : (periods.value.at(-1) ?? null)))
  return { picked, period }
}

/** The regions to compare, the period (latest by default, or the one picked) and the ranked rows, as the chart wants them. */
export function useCompare(decal: Ref<boolean> = ref(false)) {
  const data = useDatasetStore()
  const filters = useFiltersStore()
  const { metric } = useSelection()
  const { t } = useI18n()
  const text = useRowText()

  const scope = computed(() => compareScope(filters.regions, data.tree))
  const periods = computed(() => (metric.value ? periodsToCompare(data.index, data.tree, metric.value, scope.value.regions) : []))
  const { picked, period } = usePickedPeriod(periods)
  const rows = computed(() => (metric.value && period.value ? compareRows(data.index, data.tree, metric.value.id, scope.value.regions, period.value) : []))
  const name = (code: string) => data.tree.get(code)?.name ?? code
  /** Regions without a figure at the period (all of them when no period has any), listed rather than dropped. */
  const missing = computed(() => (period.value ? rows.value.filter((r) => r.status === 'missing').map((r) => r.region) : scope.value.regions).map(name))

  const reference = computed(() => {
    const parent = scope.value.parent
    if (!parent || !metric.value || !period.value) return null
    const row = compareRow(data.index, data.tree, metric.value.id, parent, period.value)
    return row.status === 'reported' ? { value: row.value!, label: `${name(parent)} ${text.label(row, metric.value.unit)}` } : null
  })

  const input = computed<CompareInput>(() => {
    const unit = metric.value?.unit ?? ''
    const bars = rows.value.map((row) => ({ name: name(row.region), value: row.value, status: row.status, label: text.label(row, unit), detail: text.detail(row) }))
    const described = bars.filter((b) => b.value !== null).map((b) => `${b.name} ${b.label}`)
    const description = t('compare.description', {
      metric: text.metricName(metric.value),
      period: period.value ? formatPeriod(period.value, text.lang.value) : '',
      values: described.join('，') || t('compare.noData'),
      missing: missing.value.join('，') || '—',
    })
    return { unit, bars, reference: reference.value, description, decal: decal.value }
  })

  return { metric, scope, periods, period, picked, rows, missing, input }
}
