import { describe, expect, it } from 'vitest'
import { parseChineseNumber, scanNumbers } from '../../src/extract/numbers'

describe(parseChineseNumber, () => {
  it.each([
    ['五', 5], ['十', 10], ['十二', 12], ['三十', 30], ['一百零五', 105], ['一百五', 150], ['两千', 2000],
    ['两万', 20000], ['三万五', 35000], ['一亿二千万', 120000000], ['二〇二四', 2024],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value)
  })

  it('rejects text that is not a numeral', () => {
    expect(parseChineseNumber('三个')).toBeNull()
  })
})

describe(scanNumbers, () => {
  const values = (text: string) => scanNumbers(text).map((t) => t.value)

  it('reads decimals, thousands separators and 万 after Arabic digits', () => {
    expect(values('66.1%，4,532家，1.5万人次，3万余名')).toEqual([66.1, 4532, 15000, 30000])
  })

  it('skips a run of digits past a double, so no figure comes out as null', () => {
    expect(values(`开展活动${'9'.repeat(400)}次，服务12人`)).toEqual([12])
  })

  it('keeps 万 for the unit 万元', () => {
    expect(values('投入200万元')).toEqual([200])
  })

  it('reads Chinese numerals, and 百/千 alone only when a qualifier marks them', () => {
    expect(values('三十余名，百余名，近千人，千家万户')).toEqual([30, 100, 1000])
  })
})
