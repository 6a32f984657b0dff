import { cpSync, existsSync, readFileSync, statSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'

const dataDir = resolve(import.meta.dirname, 'data')

/**
 * Serves data/ at /data/ in dev and copies it into the build: the package stays static files an office
 * can replace on its server without a rebuild, never bundled into JS.
 */
function dataPackage(): Plugin {
  return {
    name: 'heze-data-package',
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const path = resolve(dataDir, '.' + decodeURIComponent((req.url ?? '/').split('?')[0]))
        if (!path.startsWith(dataDir + sep) || !existsSync(path) || !statSync(path).isFile()) return next()
        res.setHeader('Content-Type', contentType(path))
        res.end(readFileSync(path))
      })
    },
    writeBundle(options) {
      cpSync(dataDir, resolve(options.dir ?? 'dist', 'data'), { recursive: true })
    },
  }
}

function contentType(path: string): string {
  if (path.endsWith('.json') || path.endsWith('.geojson')) return 'application/json; charset=utf-8'
  if (path.endsWith('.csv')) return 'text/csv; charset=utf-8'
  return 'text/plain; charset=utf-8'
}

export default defineConfig({
  base: './',
  plugins: [vue(), dataPackage()],
  resolve: { alias: { '@': resolve(import.meta.dirname, 'src') } },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
})
