/**
 * Where the personal-data master key comes from: XINYONG_DATA_KEY (base64 or hex of 32 bytes), or
 * else a key file in the data folder, generated on first use with 0600 permissions. The key is
 * never logged; losing the key file means losing the personal identifiers, so back it up.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'

export const keyFileName = 'xinyong.key'

export function parseDataKey(text: string): Buffer {
  const trimmed = text.trim()
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64')
  if (key.length !== 32) throw new Error('XINYONG_DATA_KEY must be 32 bytes, as 64 hex characters or base64')
  return key
}

export function loadDataKey(options: { dataKey?: string; dataDir: string }): { key: Buffer; source: 'environment' | 'file' | 'generated' } {
  if (options.dataKey) return { key: parseDataKey(options.dataKey), source: 'environment' }
  const file = join(options.dataDir, keyFileName)
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o777
    if (mode & 0o077) chmodSync(file, 0o600)
    return { key: parseDataKey(readFileSync(file, 'utf8')), source: 'file' }
  }
  mkdirSync(options.dataDir, { recursive: true })
  const key = randomBytes(32)
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' })
  return { key, source: 'generated' }
}
