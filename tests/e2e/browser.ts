import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { preview, type PreviewServer } from 'vite'
import { afterAll, beforeAll } from 'vitest'

const root = resolve(import.meta.dirname, '../..')

/** Debian's Chromium, or $CHROME_PATH; a missing browser fails loudly rather than skipping. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium'
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}. Install it with: sudo apt-get install -y chromium fonts-noto-cjk (or set CHROME_PATH).`)
  }
  return path
}

/** Serves the production build (npm run build) on 127.0.0.1 at a free port. */
export async function startPreview(): Promise<{ server: PreviewServer; url: string }> {
  if (!existsSync(join(root, 'dist/index.html'))) throw new Error('dist/ is missing: run npm run build first (npm test does).')
  const server = await preview({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', preview: { host: '127.0.0.1', port: 0, strictPort: false } })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report its address')
  return { server, url }
}

/** A fresh headless Chromium that never reaches for the network on its own. */
export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1366, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** The built app served on 127.0.0.1 and a fresh Chromium page (not yet navigated); close both in afterAll. */
export async function openApp(): Promise<{ server: PreviewServer; url: string; context: BrowserContext; page: Page }> {
  const { server, url } = await startPreview()
  const context = await launchBrowser()
  return { server, url, context, page: await context.newPage() }
}

/** The app and its page for one test file, opened before its tests and closed after them. */
export interface AppForTests {
  readonly page: Page
  readonly context: BrowserContext
  /** The app's address, ending in a slash. */
  readonly base: string
  /** Uncaught page errors (and, when asked, console errors) seen so far. */
  readonly errors: string[]
}

/** Registers the hooks that open the app before a file's tests and close it after; read the fields inside tests. */
export function appForTests(options: { consoleErrors?: boolean } = {}): AppForTests {
  const app = { errors: [] as string[] } as { page: Page; context: BrowserContext; base: string; server: PreviewServer; errors: string[] }
  beforeAll(async () => {
    const opened = await openApp()
    Object.assign(app, { page: opened.page, context: opened.context, base: opened.url, server: opened.server })
    app.page.on('pageerror', (e) => app.errors.push(e.message))
    if (options.consoleErrors) app.page.on('console', (m) => m.type() === 'error' && app.errors.push(m.text()))
  })
  afterAll(async () => {
    await app.context?.close()
    await app.server?.close()
  })
  return app
}
