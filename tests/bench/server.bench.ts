/**
 * The first chart in server mode: the built app served by the office server over a record seeded from data/, against
 * the same bare page as the static figure (issue 14's `first_chart_ratio` in server mode).
 */
import { join } from 'node:path'
import { openRecord } from '../../src/db/open'
import { buildServer } from '../../src/server/app'
import { benchFirstChart, type FirstChartFigures, type Served } from './browser.bench'
import { buildApp, buildBare } from './build'
import { ROOT } from '../server/serverProcess'

/** Serves a built app through the office server, over an in-memory record seeded from data/. */
async function serveThroughServer(dir: string): Promise<Served> {
  const { db } = await openRecord({ dir: 'memory://' }, join(ROOT, 'data'))
  const app = await buildServer({ db, dist: dir })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return { url: `${url}/`, server: { close: async () => (await app.close(), await db.close()) } }
}

/** First-chart figures with the app behind `npm start`'s server. */
export async function benchServerFirstChart(): Promise<FirstChartFigures> {
  const [app, bare] = [await buildApp(), await buildBare()]
  return benchFirstChart(app.dir, bare.dir, 5, undefined, serveThroughServer)
}
