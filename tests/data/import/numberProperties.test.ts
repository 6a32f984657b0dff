import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseNumberCell } from '@/data/import/values'

// Text that looks like numbers, with the signs, words and invisible characters people paste around them.
const numberish = fc
  .array(fc.constantFrom(...'0123456789.,-+eE%万亿约余多以上左右≥≤~ \u200b\u00ad\ufeff１２．'.split('')), { maxLength: 30 })
  .map((chars) => chars.join(''))

const significant = (text: string) => text.replace(/e.*$/, '').replace('.', '').replace(/^0+|0+$/g, '')

describe(parseNumberCell, () => {
  it('never throws and never returns NaN, Infinity or null as a value (4,000 inputs)', () => {
    fc.assert(
      fc.property(fc.oneof(numberish, fc.string({ maxLength: 40 }), fc.stringMatching(/^\d{1,400}(\.\d{1,40})?(e-?\d{1,3})?$/)), (text) => {
        const parsed = parseNumberCell(text)
        if (parsed.ok) expect(Number.isFinite(parsed.value.value)).toBe(true)
      }),
      { numRuns: 4000 },
    )
  })

  it('reads every safe integer exactly; any other integer it accepts prints back as typed (2,000 inputs)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), (n) => {
        const parsed = parseNumberCell(String(n))
        if (n <= BigInt(Number.MAX_SAFE_INTEGER)) expect(parsed).toMatchObject({ ok: true, value: { value: Number(n) } })
        else if (parsed.ok) expect(significant(String(parsed.value.value))).toBe(significant(String(n)))
      }),
      { numRuns: 2000 },
    )
  })
})
