/**
 * A subject's written authorisation (授权书) for a bank or licensed credit agency to query its
 * authorised-query records (河南条例 Arts. 18, 22): which catalog items, for what purpose, signed
 * when, valid until when, and the document it rests on. The grantee records it with the signed
 * document's reference; revoking it ends it at once. Validation here is pure.
 */
import { AppError } from '../errors.ts'

export interface StoredAuthorisation {
  id: number
  subjectId: number
  grantee: { id: number; code: string; name: string }
  /** Catalog item codes the subject consented to. */
  scope: string[]
  purpose: string
  /** The day the subject signed (YYYY-MM-DD, China time). */
  grantedOn: string
  /** The instant it lapses (ISO-8601). */
  expiresAt: string
  revokedAt: string | null
  /** The written authorisation it rests on: document number, archive reference or file hash. */
  evidence: string
  createdAt: string
}

export interface NewAuthorisation {
  /** The subject's code: USCC, organisation code, registration number, resident ID or subject id. */
  subject: string
  /** The grantee department's code; the caller's own when absent. */
  department?: string
  scope: string[]
  purpose: string
  grantedOn: string
  expiresAt: string
  evidence: string
}

const invalid = (code: string, zh: string, en: string, field: string) => new AppError(code, zh, en, { details: { field } })

/** Checks an authorisation's own terms against today; returns the scope deduplicated and sorted. */
export function checkAuthorisationTerms(input: Pick<NewAuthorisation, 'scope' | 'purpose' | 'grantedOn' | 'expiresAt' | 'evidence'>, at: { today: string; now: string }): { scope: string[] } {
  const scope = [...new Set(input.scope.map((s) => s.trim()))].sort()
  if (scope.length === 0 || scope.some((s) => !s)) throw invalid('AUTHORISATION_SCOPE_EMPTY', '授权范围须列出至少一个目录项代码', 'The scope must list at least one catalog item code', 'scope')
  if (!input.purpose.trim()) throw invalid('AUTHORISATION_PURPOSE_REQUIRED', '请写明授权用途', 'State the purpose of the authorisation', 'purpose')
  if (!input.evidence.trim()) throw invalid('AUTHORISATION_EVIDENCE_REQUIRED', '请提供书面授权的凭据（授权书编号或存档号）', 'Give the reference of the written authorisation (document or archive number)', 'evidence')
  if (!isDate(input.grantedOn)) throw invalid('AUTHORISATION_DATE_INVALID', '授权日期应为 YYYY-MM-DD', 'The grant date must be YYYY-MM-DD', 'grantedOn')
  if (input.grantedOn > at.today) throw invalid('AUTHORISATION_NOT_YET_SIGNED', '授权日期不能晚于今天', 'The grant date cannot be after today', 'grantedOn')
  const expires = Date.parse(input.expiresAt)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(input.expiresAt) || Number.isNaN(expires)) throw invalid('AUTHORISATION_DATE_INVALID', '到期时间应为 ISO-8601 时刻，如 2026-12-31T16:00:00Z', 'The expiry must be an ISO-8601 instant, e.g. 2026-12-31T16:00:00Z', 'expiresAt')
  if (expires <= Date.parse(at.now)) throw invalid('AUTHORISATION_EXPIRED', '授权已过期，无需登记', 'The authorisation has already expired', 'expiresAt')
  return { scope }
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}
