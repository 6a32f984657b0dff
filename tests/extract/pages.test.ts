import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinPages, type PageLines } from '../../src/extract/pages'

/** A page of lines: [text, fill] pairs, fill the share of the text width a line takes. */
const page = (...lines: [string, number][]): PageLines => ({ lines: lines.map(([text, fill]) => ({ text, fill })) })

describe(joinPages, () => {
  it('drops running headers, footers and page numbers, and joins a sentence across the page break', () => {
    const text = joinPages([
      page(['菏泽日报 2024年4月12日 第3版', 0.5], ['鄄城县召开推进会', 0.3], ['本报讯 近日，鄄城县组建志愿服', 1], ['第 1 页', 0.1]),
      page(['菏泽日报 2024年4月12日 第4版', 0.5], ['务队56支，参与群众1200人。', 0.6], ['- 2 -', 0.1]),
    ])
    expect(text).toBe('鄄城县召开推进会\n\n本报讯 近日，鄄城县组建志愿服务队56支，参与群众1200人。\n')
  })

  it('keeps a short line as its own paragraph and a line that ends a sentence short of the margin', () => {
    expect(joinPages([page(['标题', 0.2], ['第一段写满了一整行，', 1], ['到这里结束。', 0.5], ['第二段。', 0.4])])).toBe('标题\n\n第一段写满了一整行，到这里结束。\n\n第二段。\n')
  })

  it('keeps a number line inside the text, and a one-page document’s first and last lines unless they are page numbers', () => {
    expect(joinPages([page(['菏泽日报', 0.3], ['全县共有社区56个。', 0.5], ['3', 0.05])])).toBe('菏泽日报\n\n全县共有社区56个。\n')
  })

  it('never loses or reorders a body character, whatever the lines', () => {
    const line = fc.tuple(fc.string({ unit: fc.constantFrom(...'鄄城县组建队56支，。第页- '), maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }))
    fc.assert(
      fc.property(fc.array(fc.array(line, { maxLength: 6 }), { maxLength: 4 }), (pages) => {
        const text = joinPages(pages.map((lines) => page(...lines)))
        // Every character of the result comes from the lines, in order (dropped lines aside).
        const all = pages.flat().map(([t]) => t.trim()).join('')
        let at = 0
        for (const ch of text.replace(/\n/g, '')) {
          at = all.indexOf(ch, at)
          expect(at).toBeGreaterThanOrEqual(0)
          at++
        }
      }),
    )
  })
})
