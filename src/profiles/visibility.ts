/**
 * Who may see a credit record, decided in one pure function (profiles build on it; whether a record
 * is within its publicity window today, or withdrawn by a decision, is the publicity engine's
 * verdict, src/publicity/). By law (河南条例 Art. 18, 22) the public sees public items within their
 * publicity window; departments see what is shared with government until a repair, archiving or
 * deletion withdraws it; a bank or credit agency sees authorised items only under the subject's
 * written, unexpired authorisation and within its scope; the subject sees everything about itself;
 * the provider sees what it sent; the platform office sees all. Natural persons' records are not
 * public unless their catalog item says so, and then masked.
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
  /** The publicity engine's verdict today (src/publicity/assess-publicity.ts). */
  publicity: PublicityVerdict
}

export interface PublicityVerdict {
  /** Within its publicity window and not ended by a decision: the public may see it. */
  shown: boolean
  /** Taken out of use by a decision (repaired, archived, deleted) or its status: history for the privileged only. */
  withdrawn: boolean
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

const inWindow = (record: RecordFacts) => record.status === 'in_force' && record.publicity.shown && !record.publicity.withdrawn

/** Windows come decided in `record.publicity`; `now` (an ISO instant) decides authorisations. */
export function recordVisibility(asker: Asker, record: RecordFacts, at: { today: string; now: string }): Visibility {
  const level = effectiveSharingLevel(record)
  const publicNow = level === 'public' && inWindow(record)
  const reason = decide(asker, record, level, at)
  const visible = visibleReasons.has(reason)
  return {
    visible,
    reason,
    masked: !(asker.kind === 'subject' || asker.kind === 'platform_office'),
    objectionMark: visible && record.underObjection,
    // What anyone may read is not logged; every other read by someone but the subject is.
    logged: visible && !publicNow && asker.kind !== 'subject',
  }
}

const visibleReasons: ReadonlySet<VisibilityReason> = new Set(['platform_office', 'own_record', 'provider', 'public_in_window', 'government_sharing', 'authorised'])

/** The rule table itself (no closures: it runs once per record of every profile). */
function decide(asker: Asker, record: RecordFacts, level: SharingLevel, at: { today: string; now: string }): VisibilityReason {
  if (asker.kind === 'platform_office') return 'platform_office'
  if (asker.kind === 'subject') return 'own_record'
  if (asker.kind !== 'public' && asker.departmentId === record.providerDepartmentId) return 'provider'

  // Past versions and withdrawn or archived records are history: only for the askers above.
  if (record.status === 'superseded') return 'history'
  if (record.status === 'revoked' || record.status === 'archived' || record.publicity.withdrawn) return 'withdrawn'

  if (level === 'none') return 'not_shared'

  switch (asker.kind) {
    case 'public':
      if (level !== 'public') return 'not_public'
      return inWindow(record) ? 'public_in_window' : 'outside_window'
    case 'department':
      // Government sharing is not bound to the public window: departments check conduct on record.
      return level === 'public' || level === 'government' ? 'government_sharing' : 'not_shared'
    case 'authorised': {
      if (level === 'public') return inWindow(record) ? 'public_in_window' : 'outside_window'
      if (level !== 'authorised') return 'not_shared'
      const a = asker.authorisation
      if (!a) return 'no_authorisation'
      if (!authorisationInForce(a, at)) return 'authorisation_expired'
      if (!a.scope.includes(record.category)) return 'outside_scope'
      return 'authorised'
    }
  }
}

/** A written authorisation counts from the day it was signed until it expires or is revoked. */
export function authorisationInForce(a: Authorisation, at: { today: string; now: string }): boolean {
  return a.revokedAt === null && a.grantedOn <= at.today && at.now < a.expiresAt
}

export interface SubjectVisibility {
  /** The subject's basic information (name, kind, identifiers) may be shown. */
  visible: boolean
  /** Showing it is a read of personal data and must be written to the query log. */
  logged: boolean
}

/**
 * Whether a subject's basic information is shown. Organisations are registry facts anyone may see.
 * A natural person does not exist for the public (河南条例 Art. 18; NDRC guidance on 信用中国) unless
 * one of their records is itself public by its catalog item — then the public learns what that
 * record says, no more. Departments see persons within their duties; a bank only under the
 * person's authorisation in force. Every such read but the person's own is logged.
 */
export function subjectVisibility(asker: Asker, subject: { naturalPerson: boolean; anyRecordVisible: boolean }, at: { today: string; now: string }): SubjectVisibility {
  if (!subject.naturalPerson) return { visible: true, logged: false }
  switch (asker.kind) {
    case 'subject':
      return { visible: true, logged: false }
    case 'platform_office':
    case 'department':
      return { visible: true, logged: true }
    case 'authorised':
      if (asker.authorisation && authorisationInForce(asker.authorisation, at)) return { visible: true, logged: true }
      return { visible: subject.anyRecordVisible, logged: false }
    case 'public':
      return { visible: subject.anyRecordVisible, logged: false }
  }
}

export interface Disclosure {
  /** Earlier versions of the record (what changed, when, from which batch). */
  history: boolean
  /** Batch, source row, submitting account and file hash — the provider's and the office's working detail. */
  fullProvenance: boolean
}

/**
 * How much of a shown record's past is disclosed. The platform office and the provider see every
 * version with full provenance; the subject sees every version of what is held about it (its right
 * to know sources and changes, 河南条例 Art. 40) with the providing department; others see the
 * current version and its department.
 */
export function recordDisclosure(asker: Asker, record: Pick<RecordFacts, 'providerDepartmentId'>): Disclosure {
  const provider = (asker.kind === 'department' || asker.kind === 'authorised') && asker.departmentId === record.providerDepartmentId
  if (asker.kind === 'platform_office' || provider) return { history: true, fullProvenance: true }
  if (asker.kind === 'subject') return { history: true, fullProvenance: false }
  return { history: false, fullProvenance: false }
}

/**
 * Whether what this asker sees depends on publicity windows. Government sharing, the provider, the
 * subject and the office are not bound to them, so a summary for those askers (bulk lookup) can be
 * counted without the records' dates.
 */
export const windowMatters = (asker: Asker): boolean => asker.kind === 'public' || asker.kind === 'authorised'
