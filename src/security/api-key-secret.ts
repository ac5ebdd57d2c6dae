/**
 * API keys look like `xy_<prefix>_<secret>`. The prefix is stored and shown in lists; only a SHA-256
 * of the whole key is kept, so a key is shown once, at creation, and can never be read back.
 * (A fast hash is right here: the secret is 256 random bits, not a guessable password.)
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export interface NewApiKeySecret {
  key: string
  prefix: string
  hash: string
}

export function generateApiKeySecret(): NewApiKeySecret {
  const prefix = randomBytes(6).toString('hex')
  const secret = randomBytes(32).toString('base64url')
  const key = `xy_${prefix}_${secret}`
  return { key, prefix, hash: hashApiKey(key) }
}

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex')

/** The prefix of a well-formed key, or undefined for anything else. */
export function apiKeyPrefix(key: string): string | undefined {
  const match = /^xy_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(key)
  return match?.[1]
}

export function apiKeyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(key), 'hex')
  const b = Buffer.from(storedHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}
