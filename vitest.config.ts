import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const alias = { '@': resolve(import.meta.dirname, 'src') }
// Tests parse CSV synchronously (validatePackage, parseCsv), broken files included: papaparse is loaded up front.
const setupFiles = ['tests/setup.ts']

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', environment: 'node', setupFiles, include: ['tests/**/*.test.ts'], exclude: ['tests/**/*.dom.test.ts', 'tests/e2e/**', 'tests/server/**', 'tests/db/**'] },
      },
      {
        // The record and its API, on PGlite and on a throwaway PostgreSQL server that the global setup starts.
        resolve: { alias },
        test: {
          name: 'server',
          environment: 'node',
          setupFiles,
          include: ['tests/server/**/*.test.ts', 'tests/db/**/*.test.ts'],
          globalSetup: ['tests/server/postgresCluster.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [vue()],
        resolve: { alias },
        test: { name: 'dom', environment: 'happy-dom', setupFiles, include: ['tests/**/*.dom.test.ts'] },
      },
      {
        resolve: { alias },
        test: { name: 'e2e', environment: 'node', setupFiles, include: ['tests/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
      },
    ],
  },
})
