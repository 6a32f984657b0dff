/**
 * The first index i in [0, length) whose key is at least `value`, or `length` when none is: a binary search over
 * keys sorted ascending (positions of hits, mentions, expressions in a text).
 */
export function firstAtLeast(length: number, keyAt: (i: number) => number, value: number): number {
  let lo = 0
  let hi = length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (keyAt(mid) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
