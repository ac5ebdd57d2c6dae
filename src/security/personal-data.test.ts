import { describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { createPersonalDataCipher } from './personal-data.ts'

describe('the personal-data cipher', () => {
  const cipher = createPersonalDataCipher(randomBytes(32))

  it('round-trips and never stores the clear text', () => {
    const stored = cipher.encrypt('11010519491231002X')
    expect(stored).not.toContain('11010519491231002X')
    expect(cipher.decrypt(stored)).toBe('11010519491231002X')
  })

  it('gives different ciphertexts for the same number but equal lookup hashes', () => {
    expect(cipher.encrypt('11010519491231002X')).not.toBe(cipher.encrypt('11010519491231002X'))
    expect(cipher.lookupHash('11010519491231002X')).toBe(cipher.lookupHash('11010519491231002X'))
  })

  it('refuses a tampered ciphertext and hashes differently under another key', () => {
    const stored = cipher.encrypt('11010519491231002X')
    const raw = Buffer.from(stored.slice(3), 'base64')
    raw[raw.length - 1]! ^= 1
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow()
    expect(createPersonalDataCipher(randomBytes(32)).lookupHash('11010519491231002X')).not.toBe(cipher.lookupHash('11010519491231002X'))
  })
})
