import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@/db/connect'
import { packageFiles } from '@/db/exportPackage'
import { migrate } from '@/db/migrate'
import { correctObservation, listObservations, observationHistory, VersionConflict, withdrawObservation } from '@/db/observations'
import { BatchRefused, loadDataset, readDataset, revision, writeBatch, type Actor } from '@/db/record'
import type { BatchInput } from '@/domain/batchCheck'
import type { Observation } from '@/domain/types'
import { emptyRecord, ENGINES, fixtureDataset, seededRecord } from '../server/record'

const clerk: Actor = { id: null, username: 'clerk01' }
const obs = (over: Partial<Observation> = {}): Observation => ({ metric: 'activities', region: '371726', period: '2024-12', value: 12, qualifier: '=', source: 'r1', quote: '500余次', ...over })
const batch = (observations: Observation[], over: Partial<BatchInput> = {}): BatchInput => ({ kind: 'import', name: '台账.xlsx', observations, sources: [], metrics: [], reports: {}, ...over })
const count = async (db: Db) => (await db.kysely.selectFrom('observations').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n

describe.each(ENGINES)('the record on %s', (engine) => {
  let db: Db
  beforeAll(async () => {
    db = await seededRecord(engine)
  })
  afterAll(() => db?.close())

  it('records each migration once', async () => {
    expect(await migrate(db)).toEqual([])
    const names = await db.kysely.selectFrom('schema_migrations').select('name').execute()
    expect(names.map((n) => n.name)).toEqual(['0001_record.sql', '0002_scopes.sql', '0003_region_name_en.sql'])
  })

  it('holds the seeded package, quotes placed in their report', async () => {
    const dataset = await readDataset(db.kysely)
    expect(dataset.observations).toEqual(fixtureDataset().observations)
    const [rate] = await listObservations(db.kysely, { metric: 'coverage_rate' })
    const report = dataset.reports.r1
    expect(report.slice(rate.quoteStart!, rate.quoteEnd!)).toBe('覆盖率已达66.1%')
  })

  it('never loads a package over existing data', async () => {
    await expect(loadDataset(db, fixtureDataset(), 'seed', 'again')).rejects.toThrow(/not empty/)
    expect(await count(db)).toBe(2)
  })

  it('writes a batch whole, or refuses it whole with located problems', async () => {
    const before = await count(db)
    const bad = batch([obs({ period: '2024-11' }), obs({ region: '371799' }), obs({ period: '2024-13', quote: '不在报道里' })])
    const error = await writeBatch(db, clerk, { kind: 'import', name: 'bad' }, bad).catch((e) => e)
    expect(error).toBeInstanceOf(BatchRefused)
    expect((error as BatchRefused).problems.map((p) => p.path)).toEqual(['observations[1].region', 'observations[2].period', 'observations[2].quote'])
    expect(await count(db)).toBe(before)
    const ok = await writeBatch(db, clerk, { kind: 'import', name: 'ok' }, batch([obs({ period: '2024-11' }), obs({ period: '2024-10' })]))
    expect(ok.count).toBe(2)
    expect(await count(db)).toBe(before + 2)
  })

  it('keeps SQL-looking text verbatim', async () => {
    const title = "报告'); DROP TABLE observations; --"
    const report = `${title}全年开展活动30次。`
    const sources = [{ id: 'sqlish', title, publication: '', date: '2025-02', author: '', file: '', url: '', note: '' }]
    await writeBatch(db, clerk, { kind: 'report', name: title }, batch([obs({ source: 'sqlish', quote: '30次', value: 30 })], { kind: 'report', sources, reports: { sqlish: report } }))
    const dataset = await readDataset(db.kysely)
    expect(dataset.sources.find((s) => s.id === 'sqlish')?.title).toBe(title)
    expect(dataset.reports.sqlish).toBe(report)
  })

  it('gives each report of a batch a file of its own, so a backup always validates', async () => {
    const source = (id: string, file: string) => ({ id, title: id, publication: '', date: '2025-03', author: '', file, url: '', note: '' })
    const reports = { a: '甲县开展活动11次。', b: '乙县开展活动12次。' }
    const sources = [source('a', 'reports/same.txt'), source('b', 'reports/same.txt'), source('c', 'reports/missing.txt')]
    const figures = [obs({ source: 'a', quote: '11次', period: '2025-03' }), obs({ source: 'b', quote: '12次', period: '2025-03' }), obs({ source: 'c', quote: '', period: '2025-03' })]
    await writeBatch(db, clerk, { kind: 'report', name: 'two reports', fileName: 'a.txt' }, batch(figures, { kind: 'report', sources, reports }))
    const files = packageFiles(await readDataset(db.kysely))
    const { validatePackage } = await import('@/data/validate')
    const raw = { descriptor: files.get('datapackage.json')!, tables: Object.fromEntries([...files].filter(([k]) => k.endsWith('.csv'))), reports: Object.fromEntries([...files].filter(([k]) => k.endsWith('.txt'))) }
    expect(validatePackage(raw).messages.filter((m) => m.level === 'error')).toEqual([])
    const texts = [...files].filter(([k]) => k.endsWith('.txt')).map(([, text]) => text)
    expect(texts).toEqual(expect.arrayContaining([reports.a, reports.b]))
  })

  it('refuses a second editor who saw an older version, and keeps both values in the history', async () => {
    const [figure] = await listObservations(db.kysely, { metric: 'coverage_rate' })
    const first = await correctObservation(db, { id: null, username: 'admin' }, figure.id, { value: 66.2, reason: '复核', version: figure.version })
    expect(first?.version).toBe(figure.version + 1)
    const second = await correctObservation(db, clerk, figure.id, { value: 70, reason: '另一处', version: figure.version }).catch((e) => e)
    expect(second).toBeInstanceOf(VersionConflict)
    expect((second as VersionConflict).current.value).toBe(66.2)
    const history = await observationHistory(db.kysely, figure.id)
    expect(history?.map((h) => [h.action, h.username, h.before?.value ?? null, h.after?.value])).toEqual([
      ['seed', 'system', null, 66.1],
      ['correct', 'admin', 66.1, 66.2],
    ])
  })

  it('withdraws a figure from the package and keeps it in the history', async () => {
    const [figure] = await listObservations(db.kysely, { metric: 'activities', region: '371726', from: '2022', to: '2022/2025-01' })
    const rev = await revision(db.kysely)
    await withdrawObservation(db, clerk, figure.id, '重复', figure.version)
    expect(await revision(db.kysely)).toBe(rev + 1)
    expect((await readDataset(db.kysely)).observations.some((o) => o.period === figure.period && o.metric === figure.metric)).toBe(false)
    expect((await observationHistory(db.kysely, figure.id))?.at(-1)).toMatchObject({ action: 'withdraw', reason: '重复', after: { status: 'withdrawn' } })
  })

  it('keeps the audit table append-only', async () => {
    await expect(sql`UPDATE audit SET reason = 'x'`.execute(db.kysely)).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM audit`.execute(db.kysely)).rejects.toThrow(/append-only/)
  })

  it('keeps regions’ English names through the record and its exported package, and none where none was given', async () => {
    const fresh = await emptyRecord(engine)
    try {
      const dataset = fixtureDataset()
      const regions = dataset.regions.map((r) => (r.code === '371726' ? { ...r, nameEn: 'Juancheng County' } : r))
      await loadDataset(fresh, { ...dataset, regions }, 'seed', 'fixture')
      const read = await readDataset(fresh.kysely)
      expect(read.regions.find((r) => r.code === '371726')?.nameEn).toBe('Juancheng County')
      expect(read.regions.find((r) => r.code !== '371726')).not.toHaveProperty('nameEn')
      const csv = packageFiles(read).get('regions.csv')!
      expect(csv.split('\n')[0]).toBe('code,name,name_en,level,parent,aliases')
      expect(csv).toContain(',Juancheng County,')
    } finally {
      await fresh.close()
    }
  })

  it('exports a package that imports into a fresh record and exports to the same files', async () => {
    const first = packageFiles(await readDataset(db.kysely))
    const fresh = await emptyRecord(engine)
    try {
      const { validatePackage } = await import('@/data/validate')
      const raw = { descriptor: first.get('datapackage.json')!, tables: Object.fromEntries([...first].filter(([k]) => k.endsWith('.csv'))), reports: Object.fromEntries([...first].filter(([k]) => k.endsWith('.txt'))) }
      const { dataset, messages } = validatePackage(raw)
      expect(messages.filter((m) => m.level === 'error')).toEqual([])
      await loadDataset(fresh, dataset, 'restore', 'backup')
      expect(packageFiles(await readDataset(fresh.kysely))).toEqual(first)
    } finally {
      await fresh.close()
    }
  })
})
