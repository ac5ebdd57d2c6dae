/** Passwords are hashed with argon2id (OWASP's first choice); never stored or logged in clear. */
import { hash, verify } from '@node-rs/argon2'
import { randomBytes } from 'node:crypto'
import { AppError } from '../errors.ts'

export const hashPassword = (password: string) => hash(password)

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/** A password a government system can accept: long enough, not all one kind of character. */
export function checkPasswordStrength(password: string): void {
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length
  if (password.length < 10 || kinds < 3) {
    throw new AppError(
      'PASSWORD_WEAK',
      '密码至少 10 位，并包含大写字母、小写字母、数字、符号中的至少三类',
      'A password needs at least 10 characters from at least three of: upper case, lower case, digits, symbols',
    )
  }
}

/** A strong initial password for the user to change: upper, lower, digit and symbol, 22 characters. */
export const generatePassword = () => `Xy-${randomBytes(12).toString('base64url')}7a`
