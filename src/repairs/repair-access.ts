/**
 * How an applicant without an account follows the application: a receipt number (受理编号) to quote
 * and a status token shown once. Only the token's SHA-256 is stored, so a leaked database does not
 * open anyone's status page.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

// Crockford's base 32: no I, L, O, U to misread when quoted over the phone.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** XF + the China date + 8 random characters, e.g. XF20260928-7K3M9Q2P. */
export function newReceiptNumber(today: string): string {
  let tail = ''
  for (let i = 0; i < 8; i++) tail += alphabet[randomInt(alphabet.length)]
  return `XF${today.replaceAll('-', '')}-${tail}`
}

export const newStatusToken = (): string => randomBytes(24).toString('base64url')

export const hashStatusToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex')

export function statusTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashStatusToken(token), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return given.length === stored.length && timingSafeEqual(given, stored)
}
