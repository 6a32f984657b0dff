import { QUALIFIERS, type Observation } from './types'

/** Gives each distinct string a small integer, in order of first appearance. */
export class Interner {
  /** The distinct strings; a code is a position here. */
  readonly values: string[] = []
  private readonly codes = new Map<string, number>()

  /** The code of `value`, adding it when new. */
  code(value: string): number {
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.length
      this.codes.set(value, code)
      this.values.push(value)
    }
    return code
  }
}

/**
 * Observations as typed-array columns and string tables: what a worker posts to the page, transferring the
 * buffers instead of structurally cloning a million objects.
 */
export interface ObservationColumns {
  strings: string[]
  /** Per observation, codes into `strings`. */
  metric: Int32Array
  region: Int32Array
  period: Int32Array
  source: Int32Array
  quote: Int32Array
  /** Per observation, its qualifier's position in `QUALIFIERS`. */
  qualifier: Uint8Array
  value: Float64Array
}


/** Packs observations into columns; strings shared by many rows are stored once. */
export function toColumns(observations: readonly Observation[]): ObservationColumns {
  const n = observations.length
  const strings = new Interner()
  const cols: ObservationColumns = {
    strings: strings.values,
    metric: new Int32Array(n),
    region: new Int32Array(n),
    period: new Int32Array(n),
    source: new Int32Array(n),
    quote: new Int32Array(n),
    qualifier: new Uint8Array(n),
    value: new Float64Array(n),
  }
  for (let i = 0; i < n; i++) {
    const o = observations[i]
    cols.metric[i] = strings.code(o.metric)
    cols.region[i] = strings.code(o.region)
    cols.period[i] = strings.code(o.period)
    cols.source[i] = strings.code(o.source)
    cols.quote[i] = strings.code(o.quote)
    cols.qualifier[i] = QUALIFIERS.indexOf(o.qualifier)
    cols.value[i] = o.value
  }
  return cols
}

/** Unpacks columns into observations whose strings are shared, not copied per row. */
export function fromColumns(cols: ObservationColumns): Observation[] {
  const s = cols.strings
  const out = new Array<Observation>(cols.value.length)
  for (let i = 0; i < out.length; i++) {
    out[i] = {
      metric: s[cols.metric[i]],
      region: s[cols.region[i]],
      period: s[cols.period[i]],
      value: cols.value[i],
      qualifier: QUALIFIERS[cols.qualifier[i]],
      source: s[cols.source[i]],
      quote: s[cols.quote[i]],
    }
  }
  return out
}

/** The buffers of `cols`, to list as transferables in `postMessage`. */
export function transferablesOf(cols: ObservationColumns): ArrayBuffer[] {
  return [cols.metric, cols.region, cols.period, cols.source, cols.quote, cols.qualifier, cols.value].map((a) => a.buffer as ArrayBuffer)
}

/** A zeroed typed array of the same kind as `like`, `length` long. */
export function typedLike<T extends Int32Array | Uint8Array | Float64Array>(like: T, length: number): T {
  return new (like.constructor as new (n: number) => T)(length)
}

/** Rows of `a` then rows of `b`, with one string table (the user's batches added to a loaded package). */
export function concatColumns(a: ObservationColumns, b: ObservationColumns): ObservationColumns {
  const strings = new Interner()
  for (const s of a.strings) strings.code(s)
  const recode = Int32Array.from(b.strings, (s) => strings.code(s))
  const join = <T extends Int32Array | Uint8Array | Float64Array>(x: T, y: T, map?: Int32Array): T => {
    const out = typedLike(x, x.length + y.length)
    out.set(x)
    if (map) for (let i = 0; i < y.length; i++) out[x.length + i] = map[y[i]]
    else out.set(y, x.length)
    return out
  }
  return {
    strings: strings.values,
    metric: join(a.metric, b.metric, recode),
    region: join(a.region, b.region, recode),
    period: join(a.period, b.period, recode),
    source: join(a.source, b.source, recode),
    quote: join(a.quote, b.quote, recode),
    qualifier: join(a.qualifier, b.qualifier),
    value: join(a.value, b.value),
  }
}
