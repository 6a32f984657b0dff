import { describe, expect, it } from 'vitest'
import { extractFigures } from '../../src/extract/extract'
import { normaliseText, toOriginalRange } from '../../src/extract/normalise'
import { ctx } from './builders'

describe(normaliseText, () => {
  it('joins a sentence broken across page columns and maps back to the original', () => {
    const original = '分两批推动13个部门组建实体社会组织党委，5个\n\n部门整合行业党委职能。\n\n下一段。'
    const n = normaliseText(original)
    expect(n.text).toBe('分两批推动13个部门组建实体社会组织党委，5个部门整合行业党委职能。\n\n下一段。')
    const at = n.text.indexOf('5个部门')
    const [s, e] = toOriginalRange(n, at, at + 4)
    expect(original.slice(s, e)).toBe('5个\n\n部门')
  })

  it('keeps a headline apart from the paragraph after it', () => {
    expect(normaliseText('党建引领服务更暖心\n\n只顾着拼速度。').text).toBe('党建引领服务更暖心\n\n只顾着拼速度。')
  })
})

describe('quotes of extractFigures', () => {
  it('quotes a figure across a page break exactly as the original has it', () => {
    const original = '推动13个部门组建实体社会组织党委，5个\n\n部门整合行业党委职能。'
    const f = extractFigures(original, ctx()).find((x) => x.value === 5)!
    expect(f.quote).toBe(original.slice(f.start, f.end))
    expect(f.quote).toContain('5个\n\n部门')
  })

  it('gives every figure a quote that is the original text at [start, end)', () => {
    const pieces = ['开展活动500余次', '，', '\n\n', '覆盖率达92.4%', '。', '2024年新发展党员4名', '５个\n\n社区', '三十余名志愿者', '\r\n', '１２家']
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 12 }, () => pieces[Math.floor(random() * pieces.length)]).join('')
      for (const f of extractFigures(text, ctx())) {
        expect(f.quote).toBe(text.slice(f.start, f.end))
        expect(f.quote).toMatch(/[\d０-９一二两三四五六七八九十百千万]/)
      }
    }
  })
})
