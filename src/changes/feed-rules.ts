/**
 * Who sees which change-feed event, what a batch's version is called, and what of an event's
 * payload leaves the platform. Pure.
 *
 * The rules follow the query platform's (profiles/visibility.ts) without its publicity windows: a
 * consumer keeps a copy in step, so it hears of changes to what it may hold, whether or not the
 * record is on public view today.
 *
 * - The platform office sees every event.
 * - A department sees events about items shared with government (catalog sharing level public or
 *   government, the stricter level for natural persons applying) and every event about its own records.
 * - A bank or licensed credit agency sees events about subjects whose written authorisation it holds
 *   in force, for items within that authorisation's scope that are open to authorised queries.
 *
 * An event is a read of non-public data, to be written to the query log, when it is about a record
 * whose item (at the level that applies to its subject) is not public.
 */
import type { SharingLevel } from '../catalog/catalog.ts'
import type { EventType } from './event-log.ts'

export type FeedConsumer =
  | { kind: 'platform_office' }
  | { kind: 'department'; departmentId: number }
  | { kind: 'authorised'; departmentId: number }

/** What the rules need to know about the record an event is about. */
export interface EventFacts {
  subjectId: number | null
  /** The item's sharing level as it applies to this subject; null when the event names no item. */
  level: SharingLevel | null
  category: string | null
  providerDepartmentId: number | null
}

/** The authorisation in force a bank holds for the event's subject, if any. */
export interface HeldAuthorisation {
  id: number
  scope: readonly string[]
}

export interface FeedVisibility {
  visible: boolean
  /** Write it to the query log (a non-public record shown to someone other than the subject). */
  logged: boolean
  /** The authorisation the read rests on (banks). */
  authorisationId: number | null
}

const hidden: FeedVisibility = { visible: false, logged: false, authorisationId: null }

export function feedVisibility(consumer: FeedConsumer, e: EventFacts, authorisations: readonly HeldAuthorisation[] = []): FeedVisibility {
  const logged = e.subjectId !== null && e.level !== null && e.level !== 'public'
  if (consumer.kind === 'platform_office') return { visible: true, logged, authorisationId: null }
  if (e.providerDepartmentId !== null && e.providerDepartmentId === consumer.departmentId) return { visible: true, logged, authorisationId: null }
  if (e.level === null || e.category === null) return hidden
  if (consumer.kind === 'department') return e.level === 'public' || e.level === 'government' ? { visible: true, logged, authorisationId: null } : hidden
  if (e.level !== 'public' && e.level !== 'authorised') return hidden
  const held = authorisations.find((a) => a.scope.includes(e.category!))
  return held ? { visible: true, logged, authorisationId: held.id } : hidden
}

/**
 * The event a version of a batch stands for: a revocation, else the record's first version, else a
 * new version replacing an older one. `writtenAsRevocation` stays true after a later version
 * supersedes it (migration 0009), so the answer never changes.
 */
export function versionEventType(v: { version: number; writtenAsRevocation: boolean }): Extract<EventType, 'record.accepted' | 'record.superseded' | 'record.revoked'> {
  if (v.writtenAsRevocation) return 'record.revoked'
  return v.version === 1 ? 'record.accepted' : 'record.superseded'
}

/**
 * On a list item (red, focus, black), a record's first version is a listing and the end of its
 * publicity — removal or expiry — an exit (河南条例 Art. 37: exits are announced like listings).
 */
export function listEventType(type: string, listKind: string | undefined): string {
  if (listKind === undefined) return type
  if (type === 'record.accepted') return 'list.entry'
  if (type === 'publicity.ended') return 'list.exit'
  return type
}

/**
 * Payload keys that carry no personal value: ids, codes, dates, states and legal bases. Events
 * about natural persons (and one-person businesses) keep only these, so that a name or an identity
 * number another writer put in a payload never leaves through the feed.
 */
const safeKey = /^(?:\w*Ids?|\w*(?:At|On|Date|End)|category|department|status|kind|tier|outcome|decision|list|listCode|legalBasis|basis|version|sourceType|flag|reasonCode|accepted|updated|revoked)$/

export function feedPayload(payload: Record<string, unknown>, personal: boolean): Record<string, unknown> {
  if (!personal) return payload
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(payload)) {
    if (!safeKey.test(key)) continue
    if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') out[key] = value
    else if (Array.isArray(value) && value.every((v) => typeof v === 'number')) out[key] = value
  }
  return out
}
