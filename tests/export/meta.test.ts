import { describe, expect, it } from 'vitest'
import { exportTexts } from '@/export/messages'
import { buildExportMeta, periodBounds, regionsText, todayIso } from '@/export/meta'
import { SOURCE } from './builders'

const zh = exportTexts('zh')
const input = { metricName: '党组织覆盖率', unit: '%', regionNames: ['鄄城县'], bounds: { from: '2024', to: '2025-01' }, sources: [SOURCE], demo: false, exportDate: '2026-11-29' }

describe(buildExportMeta, () => {
  it('writes subtitle, unit, source with title and date, and credit in Chinese', () => {
    expect(buildExportMeta(input, zh)).toEqual({
      title: '党组织覆盖率',
      subtitle: '鄄城县 · 2024年—2025年1月',
      unit: '单位：%',
      source: '数据来源：《菏泽日报社会工作版》（菏泽日报，2025-01）',
      credit: '制图：菏泽社会治理指标看板 · 导出日期：2026-11-29',
      demo: '',
    })
  })

  it('marks the demo package and speaks English when asked', () => {
    const meta = buildExportMeta({ ...input, demo: true }, exportTexts('en'))
    expect(meta.demo).toBe('Demo data')
    expect(meta.subtitle).toBe('鄄城县 · 2024–Jan 2025')
    expect(meta.credit).toBe('Chart: Heze Community Governance Indicators · Exported 2026-11-29')
  })
})

describe(periodBounds, () => {
  it('takes the chosen range, else the ends of the periods with figures', () => {
    expect(periodBounds(['2022/2025-01', '2025-03'], {})).toEqual({ from: '2022', to: '2025-03' })
    expect(periodBounds(['2024', '2025'], { from: '2023' })).toEqual({ from: '2023', to: '2025' })
  })
})

describe(regionsText, () => {
  it('names up to six regions and summarises more', () => {
    expect(regionsText([], zh)).toBe('全部地区')
    expect(regionsText(['a', 'b', 'c', 'd', 'e', 'f', 'g'], zh)).toBe('a、b、c等7地')
  })
})

describe(todayIso, () => {
  it('dates by the local calendar day', () => {
    expect(todayIso(new Date(2026, 0, 5, 7, 30))).toBe('2026-01-05')
  })
})

describe('sourceText', () => {
  it('leaves out a missing publication instead of printing a dash', () => {
    const meta = buildExportMeta({ ...input, sources: [{ ...SOURCE, publication: '' }] }, zh)
    expect(meta.source).toBe('数据来源：《菏泽日报社会工作版》（2025-01）')
  })
})
