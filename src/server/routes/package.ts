import type { FastifyInstance } from 'fastify'
import JSZip from 'jszip'
import { packageFiles } from '@/db/exportPackage'
import { readDataset } from '@/db/record'
import { refusal } from '../refusal'
import type { RouteContext } from '../app'

const TYPES: Record<string, string> = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8', txt: 'text/plain; charset=utf-8' }

/**
 * The record as a data package under /api/package/: the app loads it as it loads the static data/ folder. Made once
 * per revision of the record and kept, so a thousand readers cost one read of the database.
 */
export async function packageRoutes(app: FastifyInstance, { db, revisions }: RouteContext): Promise<void> {
  let cached: { revision: number; files: Promise<Map<string, string>> } | undefined
  async function current(): Promise<{ revision: number; files: Map<string, string> }> {
    const rev = await revisions.current()
    if (cached?.revision !== rev) cached = { revision: rev, files: readDataset(db.kysely).then(packageFiles) }
    const mine = cached
    try {
      return { revision: rev, files: await mine.files }
    } catch (e) {
      if (cached === mine) cached = undefined
      throw e
    }
  }

  app.get(
    '/api/package/*',
    { schema: { summary: 'A file of the record as a data package (datapackage.json, regions.csv, …, reports/…)', params: { type: 'object', properties: { '*': { type: 'string', maxLength: 300 } } } } },
    async (request, reply) => {
      const path = (request.params as { '*': string })['*']
      const { revision: rev, files } = await current()
      const text = files.get(path)
      if (text === undefined) return reply.code(404).send(refusal('noSuchFile', { path }))
      const etag = `"r${rev}"`
      reply.header('ETag', etag).header('Cache-Control', 'no-cache')
      if (request.headers['if-none-match'] === etag) return reply.code(304).send()
      return reply.type(TYPES[path.split('.').pop() ?? ''] ?? 'text/plain; charset=utf-8').send(text)
    },
  )

  app.get('/api/export', { schema: { summary: 'The whole record as a zipped data package (backup)' } }, async (_request, reply) => {
    const { revision: rev, files } = await current()
    const zip = new JSZip()
    for (const [path, text] of files) zip.file(path, text)
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
    return reply
      .type('application/zip')
      .header('Content-Disposition', `attachment; filename="heze-record-r${rev}.zip"`)
      .send(bytes)
  })
}
