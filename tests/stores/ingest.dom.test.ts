import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useDatasetStore } from '@/stores/dataset'
import { useIngestStore } from '@/stores/ingest'
import { region, smallMetrics } from '../extract/builders'

const regions = [region('371700', '菏泽市', 'city', null), region('371726', '鄄城县', 'county', '371700'), region('371726002', '古泉街道', 'town', '371726')]
const VILLAGES = 'code,name,level,parent,aliases\n371726002003,虹桥社区,village,371726002,\n'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  useDatasetStore().base = { regions, metrics: smallMetrics(), sources: [], observations: [], reports: {} }
})
afterEach(() => vi.unstubAllGlobals())

async function extracted(fetched: string | null) {
  const fetchMock = vi.fn(async () => (fetched === null ? new Response('', { status: 404 }) : new Response(fetched)))
  vi.stubGlobal('fetch', fetchMock)
  const ingest = useIngestStore()
  await flushPromises()
  expect(String((fetchMock.mock.calls[0] as unknown[])[0])).toMatch(/\/data\/villages\.csv$/)
  Object.assign(ingest.info, { text: '鄄城县虹桥社区组建志愿服务队3支。', date: '2025-03' })
  ingest.extract()
  return ingest.figures[0]
}

describe(useIngestStore, () => {
  it('reads villages.csv when the view opens and places a figure in the community the text names', async () => {
    expect((await extracted(VILLAGES)).region).toBe('371726002003')
  })

  it('leaves the community for the reviewer, named in a flag, when villages.csv is not there', async () => {
    const f = await extracted(null)
    expect(f.region).toBe('')
    expect(f.flags).toContain('未识别地名：虹桥社区')
  })
})
