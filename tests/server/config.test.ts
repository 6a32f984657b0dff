import { chmodSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readConfig, readFrameAncestors, sessionKey } from '@/server/config'
import { tempDir } from './serverProcess'

const dirs: string[] = []
const fresh = () => {
  const dir = tempDir('heze-config-')
  dirs.push(dir)
  return dir
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('the session key', () => {
  it('is made once at first start, readable by the server’s user alone, and the same at the next start', () => {
    const dataDir = fresh()
    const key = sessionKey({ dataDir, sessionSecret: null })
    expect(key.length).toBeGreaterThanOrEqual(32)
    expect(statSync(join(dataDir, 'session.key')).mode & 0o777).toBe(0o600)
    expect(sessionKey({ dataDir, sessionSecret: null })).toBe(key)
    expect(sessionKey({ dataDir: fresh(), sessionSecret: null })).not.toBe(key)
  })

  it('is refused when other users may read its file, or when it is too short', () => {
    const dataDir = fresh()
    sessionKey({ dataDir, sessionSecret: null })
    chmodSync(join(dataDir, 'session.key'), 0o644)
    expect(() => sessionKey({ dataDir, sessionSecret: null })).toThrow(/chmod 600/)
    const short = fresh()
    writeFileSync(join(short, 'session.key'), 'short', { mode: 0o600 })
    expect(() => sessionKey({ dataDir: short, sessionSecret: null })).toThrow(/under 32 characters/)
  })

  it('comes from SESSION_SECRET when set, which must be long enough, and then no file is written', () => {
    const dataDir = fresh()
    const secret = 'x'.repeat(40)
    const config = readConfig({ DATA_DIR: dataDir, SESSION_SECRET: secret })
    expect(sessionKey(config)).toBe(secret)
    expect(() => readFileSync(join(dataDir, 'session.key'))).toThrow()
    expect(() => readConfig({ SESSION_SECRET: 'short' })).toThrow(/at least 32/)
  })
})

describe('FRAME_ANCESTORS', () => {
  it('lets no page frame the dashboard by default', () => {
    expect(readConfig({}).frameAncestors).toEqual([])
    expect(readFrameAncestors("'none'")).toEqual([])
  })

  it('reads space-separated origins and self', () => {
    expect(readConfig({ FRAME_ANCESTORS: "'self'  https://portal.heze.gov.cn http://10.1.2.3:8080" }).frameAncestors).toEqual(["'self'", 'https://portal.heze.gov.cn', 'http://10.1.2.3:8080'])
  })

  it.each([
    "https://portal.heze.gov.cn; script-src *",
    'https://a.cn,https://b.cn',
    '"https://portal.heze.gov.cn"',
    'https://portal.heze.gov.cn\nX-Other: 1',
    '*',
    'https://*.heze.gov.cn',
    'javascript:alert(1)',
    'https://portal.heze.gov.cn/page',
    'portal.heze.gov.cn',
    "'unsafe-inline'",
  ])('refuses %j at start, naming the setting', (value) => {
    expect(() => readConfig({ FRAME_ANCESTORS: value })).toThrow(/FRAME_ANCESTORS/)
  })
})
