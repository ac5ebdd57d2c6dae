/**
 * Every failure a caller can see has a stable code and a Chinese and an English message.
 * The domain says what kind of failure it is; the HTTP edge alone maps kinds to statuses.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable'

export interface ErrorBody {
  code: string
  message: string
  message_en: string
  details?: unknown
}

export class AppError extends Error {
  readonly code: string
  readonly zh: string
  readonly en: string
  readonly kind: ErrorKind
  readonly details?: unknown

  constructor(code: string, zh: string, en: string, options: { kind?: ErrorKind; details?: unknown } = {}) {
    super(`${code}: ${en}`)
    this.name = 'AppError'
    this.code = code
    this.zh = zh
    this.en = en
    this.kind = options.kind ?? 'invalid'
    if (options.details !== undefined) this.details = options.details
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.zh,
      message_en: this.en,
      ...(this.details === undefined ? {} : { details: this.details }),
    }
  }
}

export const notFound = (code: string, zh: string, en: string, details?: unknown) =>
  new AppError(code, zh, en, { kind: 'not_found', details })

export const conflict = (code: string, zh: string, en: string, details?: unknown) =>
  new AppError(code, zh, en, { kind: 'conflict', details })

export const forbidden = (zh = '无权执行此操作', en = 'You are not allowed to do this') =>
  new AppError('FORBIDDEN', zh, en, { kind: 'forbidden' })

export const unauthenticated = (zh = '请先登录或提供有效的 API 密钥', en = 'Sign in or present a valid API key') =>
  new AppError('UNAUTHENTICATED', zh, en, { kind: 'unauthenticated' })

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
