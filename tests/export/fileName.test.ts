import { describe, expect, it } from 'vitest'
import { buildExportFileName } from '@/export/fileName'

const base = { regions: ['鄄城县'], allRegions: '全部地区', metric: '党组织覆盖率', ext: 'png' }

describe(buildExportFileName, () => {
  it('names place, metric and years: 鄄城县_党组织覆盖率_2024-2025.png', () => {
    expect(buildExportFileName({ ...base, from: '2024', to: '2025' })).toBe('鄄城县_党组织覆盖率_2024-2025.png')
  })

  it('gives one period when both ends agree, and months with a tilde', () => {
    expect(buildExportFileName({ ...base, from: '2025-01', to: '2025-01' })).toBe('鄄城县_党组织覆盖率_2025-01.png')
    expect(buildExportFileName({ ...base, from: '2024-03', to: '2025-01' })).toBe('鄄城县_党组织覆盖率_2024-03~2025-01.png')
  })

  it('says 全部地区 for no selection and shortens long region lists', () => {
    expect(buildExportFileName({ ...base, regions: [], from: '2025' })).toBe('全部地区_党组织覆盖率_2025.png')
    expect(buildExportFileName({ ...base, regions: ['鄄城县', '牡丹区', '曹县', '单县'] })).toBe('鄄城县等4地_党组织覆盖率.png')
    expect(buildExportFileName({ ...base, regions: ['鄄城县', '牡丹区'] })).toBe('鄄城县+牡丹区_党组织覆盖率.png')
  })

  it('replaces characters Windows forbids in file names', () => {
    expect(buildExportFileName({ ...base, metric: '覆盖率/比例: "新"?' })).toBe('鄄城县_覆盖率_比例_ _新_.png')
  })

  it('keeps an interval period readable without a slash', () => {
    expect(buildExportFileName({ ...base, from: '2022/2025-01', to: '2022/2025-01', ext: 'csv' })).toBe('鄄城县_党组织覆盖率_2022~2025-01.csv')
  })
})
