/**
 * Appending to the change feed (`events`). Every writer of events goes through here so that the
 * feed is gap-free: the append takes the same transaction-scoped lock as the audit trail and holds
 * it until commit, so sequence numbers become visible in the order they were drawn — a consumer
 * that has read up to seq N can never later find a committed event below N. (SQLite already has a
 * single writer.) Call it as late in the transaction as possible: it serialises the commit.
 */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { Dialect } from '../db/create-database.ts'
import { serializeWriters } from '../db/serialize.ts'

/** What the feed says happened. Batch events expand into per-record events when read. */
export const eventTypes = [
  'batch.committed',
  'record.accepted',
  'record.superseded',
  'record.revoked',
  'record.archived',
  'record.deleted',
  'publicity.ended',
  'objection.flag_set',
  'objection.flag_cleared',
  'repair.decided',
  'list.entry',
  'list.exit',
] as const
export type EventType = (typeof eventTypes)[number]

export interface NewEvent {
  type: EventType
  subjectId: number | null
  recordId: number | null
  payload: Record<string, unknown>
}

/** The lock the audit trail takes too: one order of locks, no deadlock between the two. */
export const FEED_LOCK = 'audit_log'

export async function appendEvents(trx: Kysely<Tables>, dialect: Dialect, at: string, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return
  await serializeWriters(trx, dialect, FEED_LOCK)
  await trx
    .insertInto('events')
    .values(events.map((e) => ({ at, type: e.type, subject_id: e.subjectId, record_id: e.recordId, payload: JSON.stringify(e.payload) })))
    .execute()
}
