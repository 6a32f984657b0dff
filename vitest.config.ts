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
        test: { name: 'unit', environment: 'node', setupFiles, include: ['tests/**/*.test.ts'], exclude: ['tests/**/*.dom.test.ts', 'tests/e2e/**'] },
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
