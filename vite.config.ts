import { cpSync, existsSync, readFileSync, statSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'
import { precompiledModule } from './src/i18n/precompile.ts'

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

/**
 * The page's build checks descriptor patterns with its own RegExp behind a backtracking screen
 * (src/data/patternEngine.browser.ts) instead of re2js, which would add 47 KB gzip to the first download; the
 * command line, the server and the tests keep the linear-time engine.
 */
function browserPatternEngine(): Plugin {
  const browser = resolve(import.meta.dirname, 'src/data/patternEngine.browser.ts')
  return {
    name: 'heze-browser-pattern-engine',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === './patternEngine' && importer?.replace(/\\/g, '/').endsWith('/src/data/descriptor.ts') ? browser : null
    },
  }
}

/**
 * petite-vue-i18n 11.4 (like vue-i18n) looks up `'currentInstance' in Vue` on its `import * as Vue`: the `in` probe makes the bundler
 * keep every export of Vue (Transition, KeepAlive, Suspense, hydration… ~15 KB gzip on the first download;
 * intlify/vue-i18n#2573). Vue 3.5 has no such export, so the probe always ends in `Vue.getCurrentInstance()`:
 * calling it directly is the same code path and lets Vue tree-shake.
 */
function vueI18nTreeShaking(): Plugin {
  const probe = /const key = 'currentInstance';\s*if \(key in Vue\) \{\s*return Vue\[key\];\s*\}\s*else \{\s*return Vue\.getCurrentInstance\(\);\s*\}/
  return {
    name: 'heze-vue-i18n-tree-shaking',
    transform(code, id) {
      if (!/\/petite-vue-i18n\/dist\/petite-vue-i18n(\.runtime)?\.mjs$/.test(id.replace(/\\/g, '/'))) return null
      if (!probe.test(code)) throw new Error('petite-vue-i18n changed: check whether its `in Vue` probe is gone, then drop this plugin')
      return code.replace(probe, 'return Vue.getCurrentInstance();')
    },
  }
}

/**
 * Message modules the page imports with `?i18n` (src/i18n/app.ts) become precompiled ASTs, so vue-i18n's message
 * compiler (~6 KB gzip) stays out of the bundle; `?i18n=zh` or `?i18n=en` keeps one language of a feature's
 * `{ zh, en }` (the other is left empty) so each language is downloaded when it is shown. The modules are plain
 * data; their ordinary imports (exports, CLI, tests) keep the strings. A message vue-i18n cannot parse fails the build.
 */
function precompiledMessages(): Plugin {
  return {
    name: 'heze-i18n-precompile',
    transform(code, id) {
      const [file, query] = id.split('?')
      const lang = /^i18n(?:=(zh|en))?$/.exec(query ?? '')
      if (!lang) return null
      // The modules are plain object literals without imports: evaluating them is safe and exact.
      const messages = new Function(code.replace(/\bexport default\b/, 'return'))() as Record<string, unknown>
      return { code: precompiledModule(messages, file.replace(/^.*\/src\//, 'src/'), lang[1] as 'zh' | 'en' | undefined), map: null }
    },
  }
}

/**
 * Vite lists, for each lazy chunk, the chunks to preload with it. The chunks the page loaded before its first chart
 * are among them and need no preloading: this records them (the entry and its static imports) so that
 * `resolveDependencies` leaves them out of the lists the first download carries (-0.4 KB).
 */
const loadedFirst = new Set<string>()
function firstScreenFiles(): Plugin {
  return {
    name: 'heze-first-screen-files',
    generateBundle: {
      order: 'pre',
      handler(_, bundle) {
        loadedFirst.clear()
        const visit = (name: string) => {
          const chunk = bundle[name]
          if (!chunk || chunk.type !== 'chunk' || loadedFirst.has(name)) return
          loadedFirst.add(name)
          chunk.imports.forEach(visit)
        }
        for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunk.isEntry) visit(chunk.fileName)
      },
    },
  }
}

export default defineConfig({
  base: './',
  // Every component is <script setup>, and neither Pinia nor petite-vue-i18n uses data()/methods/mixins: Vue's
  // Options API support can stay out of the bundle.
  plugins: [vue({ features: { optionsAPI: false } }), browserPatternEngine(), dataPackage(), vueI18nTreeShaking(), precompiledMessages(), firstScreenFiles()],
  // vue-i18n's build flags: the page's messages come precompiled (precompiledMessages), so its compiler stays out;
  // set, the other flags let the bundler drop the devtools hooks and the flag-setting code itself.
  define: {
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
  },
  resolve: { alias: { '@': resolve(import.meta.dirname, 'src') } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    // Everything the entry imports statically (rolldown's `$initial` tag) goes into one chunk. Left to itself, rolldown
    // splits the first screen wherever a lazy part shares a module (ECharts' grid, scales and series data; our stores):
    // a dozen chunks, each gzipped alone. One chunk is one request and one gzip stream. The group keeps every module the
    // entry reaches, used or not, so nothing on the first screen may import what only exports use (src/charts/echartsSvg.ts).
    // The same for the charts' core: ECharts with the parts every chart registers up front (src/charts/echarts.ts, its
    // static imports following it), in one chunk that a link to a chart fetches with its view; parts registered later
    // (bars, maps, zoom) stay in their own chunks.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'first', tags: ['$initial'], priority: 2 },
            { name: 'chart', test: /src[\\/](charts[\\/]echarts\.ts|views[\\/]ViewTrend\.vue)$|node_modules[\\/]vue-echarts[\\/]/, priority: 1 },
          ],
        },
      },
    },
    // The polyfill only makes browsers without <link rel=modulepreload> (before Chrome 66, Firefox 115, Safari 17)
    // preload; they load the same chunks without it, a little later.
    modulePreload: { polyfill: false, resolveDependencies: (_, deps) => deps.filter((dep) => !loadedFirst.has(dep)) },
  },
  // Module workers can split: the load worker fetches papaparse only for a file its scanner declines (src/data/csv.ts).
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  // API_PROXY=http://127.0.0.1:8080 npm run dev: the dev page talks to a running `npm start`; without it, it runs static.
  server: process.env.API_PROXY ? { proxy: { '/api': process.env.API_PROXY } } : {},
})
