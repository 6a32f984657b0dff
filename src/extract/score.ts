import type { Figure } from './types'

/** One hand-labelled figure of gold/seed.jsonl. */
export interface GoldFigure {
  report: string
  metric: string
  region: string
  region_code: string | null
  period: string
  value: number
  unit: string
  qualifier: string
  quote: string
  optional?: boolean
}

/** A predicted figure paired with the labelled one it matches. */
export interface ScoredMatch {
  gold: GoldFigure
  predicted: Figure
  regionOk: boolean
  /** 'exact', or 'interval-end' when an interval ending at the labelled period stands for it (累计 since 2022). */
  period: 'exact' | 'interval-end' | 'wrong'
  /**
   * Given the labels' catalogue ids: 'right' when the predicted metric is the label's (or both have none), 'missed'
   * when the label has one and the prediction none, 'wrong' when the prediction names another catalogue metric.
   */
  metric?: 'right' | 'missed' | 'wrong'
}

export interface Score {
  precision: number
  recall: number
  f1: number
  truePositives: number
  falsePositives: Figure[]
  falseNegatives: GoldFigure[]
  /** Predictions that matched an optional label: neither rewarded nor penalised. */
  ignored: number
  matches: ScoredMatch[]
  regionAccuracy: number
  periodAccuracy: number
  /** Period matches that needed the interval-end leniency. */
  periodLenient: number
  /** Given the labels' catalogue ids: matches whose metric is right, and those filed under another metric. */
  metricAccuracy?: number
  wrongMetric?: ScoredMatch[]
  /**
   * Given the labels' catalogue ids, for matches where neither label nor prediction has a catalogue metric: how many
   * suggested names equal the label's name, and the sum of their character-pair overlaps (Dice, 0–1) with it.
   */
  suggestedNames?: { count: number; exact: number; overlap: number }
  /** Labels whose quote is not in the report text. */
  unlocated: GoldFigure[]
}

const sameValue = (a: number, b: number) => Math.abs(a - b) < 1e-9

/**
 * Scores predictions against labels of one report: a prediction matches a label when the values
 * are equal and their quotes overlap in the original text; each label and prediction match once.
 * `metricIds` (label metric name → catalogue id; a name not in it has none) also scores the metric.
 */
export function scoreFigures(text: string, predicted: Figure[], gold: GoldFigure[], metricIds?: ReadonlyMap<string, string>): Score {
  const unlocated: GoldFigure[] = []
  const located: { gold: GoldFigure; start: number; end: number }[] = []
  const taken = new Set<number>()
  for (const g of gold) {
    let at = text.indexOf(g.quote)
    while (at >= 0 && taken.has(at)) at = text.indexOf(g.quote, at + 1)
    if (at < 0) {
      unlocated.push(g)
      continue
    }
    taken.add(at)
    located.push({ gold: g, start: at, end: at + g.quote.length })
  }
  // Required labels claim their predictions first, so that an optional label never steals one.
  located.sort((a, b) => Number(a.gold.optional ?? false) - Number(b.gold.optional ?? false))
  const used = new Set<Figure>()
  const matches: ScoredMatch[] = []
  const falseNegatives: GoldFigure[] = [...unlocated.filter((g) => !g.optional)]
  let ignored = 0
  for (const { gold: g, start, end } of located) {
    const p = predicted.find((f) => !used.has(f) && sameValue(f.value, g.value) && f.start < end && start < f.end)
    if (!p) {
      if (!g.optional) falseNegatives.push(g)
      continue
    }
    used.add(p)
    if (g.optional) {
      ignored++
      continue
    }
    const metric = metricIds ? metricMatch(p.metric, metricIds.get(g.metric) ?? null) : undefined
    matches.push({ gold: g, predicted: p, regionOk: regionMatches(p, g), period: periodMatch(p.period, g.period), ...(metric ? { metric } : {}) })
  }
  const falsePositives = predicted.filter((f) => !used.has(f))
  const tp = matches.length
  const precision = tp + falsePositives.length ? tp / (tp + falsePositives.length) : 1
  const recall = tp + falseNegatives.length ? tp / (tp + falseNegatives.length) : 1
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  const ratio = (n: number) => (tp ? n / tp : 1)
  return {
    precision,
    recall,
    f1,
    truePositives: tp,
    falsePositives,
    falseNegatives,
    ignored,
    matches,
    regionAccuracy: ratio(matches.filter((m) => m.regionOk).length),
    periodAccuracy: ratio(matches.filter((m) => m.period !== 'wrong').length),
    periodLenient: matches.filter((m) => m.period === 'interval-end').length,
    ...(metricIds
      ? {
          metricAccuracy: ratio(matches.filter((m) => m.metric === 'right').length),
          wrongMetric: matches.filter((m) => m.metric === 'wrong'),
          suggestedNames: scoreNames(matches.filter((m) => m.metric === 'right' && m.predicted.metric === null)),
        }
      : {}),
    unlocated,
  }
}

function scoreNames(matches: ScoredMatch[]): NonNullable<Score['suggestedNames']> {
  const plain = (name: string) => name.replace(/[“”"'（）()]/g, '')
  const names = matches.map((m) => [plain(m.predicted.suggested_name ?? m.predicted.metric_name), plain(m.gold.metric)])
  return {
    count: names.length,
    exact: names.filter(([a, b]) => a === b).length,
    overlap: names.reduce((sum, [a, b]) => sum + pairOverlap(a, b), 0),
  }
}

/** Dice coefficient of two strings' character pairs: 1 for the same pairs, 0 for none in common. */
export function pairOverlap(a: string, b: string): number {
  const pairs = (s: string) => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2))
  const [pa, pb] = [pairs(a), pairs(b)]
  if (pa.length + pb.length === 0) return a === b ? 1 : 0
  const left = new Map<string, number>()
  for (const p of pb) left.set(p, (left.get(p) ?? 0) + 1)
  let shared = 0
  for (const p of pa) {
    const n = left.get(p) ?? 0
    if (n > 0) {
      shared++
      left.set(p, n - 1)
    }
  }
  return (2 * shared) / (pa.length + pb.length)
}

function metricMatch(predicted: string | null, labelled: string | null): ScoredMatch['metric'] {
  if (predicted === labelled) return 'right'
  return predicted === null ? 'missed' : 'wrong'
}

/** The label-name → catalogue-id map of a metric-ids JSON file (`{ "ids": { name: id } }`). */
export function parseMetricIds(json: string): Map<string, string> {
  const ids = (JSON.parse(json) as { ids?: Record<string, string> }).ids
  if (!ids || typeof ids !== 'object') throw new Error('metric ids: expected an object with "ids"')
  return new Map(Object.entries(ids))
}

function regionMatches(p: Figure, g: GoldFigure): boolean {
  if (g.region_code && p.region_code) return g.region_code === p.region_code
  return p.region === g.region
}

/** Exact, or an interval (2022/2025-01) whose end is the labelled period (2025-01). */
export function periodMatch(predicted: string, gold: string): ScoredMatch['period'] {
  if (predicted === gold) return 'exact'
  const slash = predicted.indexOf('/')
  if (slash >= 0 && !gold.includes('/') && predicted.slice(slash + 1) === gold) return 'interval-end'
  return 'wrong'
}

/** Parses gold JSONL, one labelled figure a line, skipping blank lines. */
export function parseGold(jsonl: string): GoldFigure[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as GoldFigure
      } catch {
        throw new Error(`gold line ${i + 1}: not valid JSON`)
      }
    })
}
