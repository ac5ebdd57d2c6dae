/**
 * Who may see a credit record, decided in one pure function (issue 4 builds profiles on it; the
 * publicity rules engine of issue 5 will refine `publicity`). By law (河南条例 Art. 18, 22) the
 * public sees public items within their publicity window; departments see what is shared with
 * government; a bank or credit agency sees authorised items only under the subject's written,
 * unexpired authorisation and within its scope; the subject sees everything about itself; the
 * provider sees what it sent; the platform office sees all. Natural persons' records are not public
 * unless their catalog item says so, and then masked.
 */
import type { SharingLevel } from '../catalog/catalog.ts'

export type Asker =
  | { kind: 'public' }
  | { kind: 'department'; departmentId: number }
  | { kind: 'authorised'; departmentId: number; authorisation: Authorisation | null }
  | { kind: 'subject' }
  | { kind: 'platform_office' }

export interface Authorisation {
  /** Catalog item codes the subject consented to. */
  scope: readonly string[]
  grantedOn: string
  expiresAt: string
  revokedAt: string | null
}

export interface RecordFacts {
  category: string
  sharingLevel: SharingLevel
  /** The stricter level an item may set for records about natural persons. */
  naturalPersonSharingLevel?: SharingLevel
  aboutNaturalPerson: boolean
  status: 'in_force' | 'revoked' | 'superseded' | 'archived'
  underObjection: boolean
  providerDepartmentId: number
  /** The publicity window carried on the record (YYYY-MM-DD; end exclusive, null = open). */
  publicity: { start: string | null; end: string | null }
}

export type VisibilityReason =
  | 'platform_office'
  | 'own_record'
  | 'provider'
  | 'public_in_window'
  | 'government_sharing'
  | 'authorised'
  | 'not_shared'
  | 'not_public'
  | 'outside_window'
  | 'withdrawn'
  | 'history'
  | 'no_authorisation'
  | 'authorisation_expired'
  | 'outside_scope'

export interface Visibility {
  visible: boolean
  reason: VisibilityReason
  /** Personal values are shown masked (always, except to the subject and the platform office). */
  masked: boolean
  /** The record carries the 异议处理中 mark. */
  objectionMark: boolean
  /** The read is of non-public data and must be written to the query log. */
  logged: boolean
}

const rank: Record<SharingLevel, number> = { public: 0, government: 1, authorised: 2, none: 3 }

/** The level that applies to this record: an item's stricter level for natural persons wins. */
export function effectiveSharingLevel(r: Pick<RecordFacts, 'sharingLevel' | 'naturalPersonSharingLevel' | 'aboutNaturalPerson'>): SharingLevel {
  if (!r.aboutNaturalPerson) return r.sharingLevel
  // Natural persons are not public by default (NDRC guidance on 信用中国): at least government sharing.
  const personLevel = r.naturalPersonSharingLevel ?? (r.sharingLevel === 'public' ? 'government' : r.sharingLevel)
  return rank[personLevel] > rank[r.sharingLevel] ? personLevel : r.sharingLevel
}

const inWindow = (today: string, w: RecordFacts['publicity']) => (w.start === null || w.start <= today) && (w.end === null || today < w.end)

/** `today` (YYYY-MM-DD, China time) decides windows; `now` (an ISO instant) decides authorisations. */
export function recordVisibility(asker: Asker, record: RecordFacts, at: { today: string; now: string }): Visibility {
  const { today, now } = at
  const level = effectiveSharingLevel(record)
  const publicNow = level === 'public' && record.status === 'in_force' && inWindow(today, record.publicity)
  const result = (visible: boolean, reason: VisibilityReason): Visibility => ({
    visible,
    reason,
    masked: !(asker.kind === 'subject' || asker.kind === 'platform_office'),
    objectionMark: visible && record.underObjection,
    // What anyone may read is not logged; every other read by someone but the subject is.
    logged: visible && !publicNow && asker.kind !== 'subject',
  })

  if (asker.kind === 'platform_office') return result(true, 'platform_office')
  if (asker.kind === 'subject') return result(true, 'own_record')
  if (asker.kind !== 'public' && asker.departmentId === record.providerDepartmentId) return result(true, 'provider')

  // Past versions and withdrawn or archived records are history: only for the askers above.
  if (record.status === 'superseded') return result(false, 'history')
  if (record.status === 'revoked' || record.status === 'archived') return result(false, 'withdrawn')

  if (level === 'none') return result(false, 'not_shared')

  switch (asker.kind) {
    case 'public':
      if (level !== 'public') return result(false, 'not_public')
      return inWindow(today, record.publicity) ? result(true, 'public_in_window') : result(false, 'outside_window')
    case 'department':
      // Government sharing is not bound to the public window: departments check conduct on record.
      return level === 'public' || level === 'government' ? result(true, 'government_sharing') : result(false, 'not_shared')
    case 'authorised': {
      if (level === 'public') return inWindow(today, record.publicity) ? result(true, 'public_in_window') : result(false, 'outside_window')
      if (level !== 'authorised') return result(false, 'not_shared')
      const a = asker.authorisation
      if (!a) return result(false, 'no_authorisation')
      if (a.revokedAt !== null || a.grantedOn > today || a.expiresAt <= now) return result(false, 'authorisation_expired')
      if (!a.scope.includes(record.category)) return result(false, 'outside_scope')
      return result(true, 'authorised')
    }
  }
}
