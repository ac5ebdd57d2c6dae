/**
 * Every read of non-public data is written down: who, when, which subject and records, why, under
 * which authorisation (河南条例 Art. 40; 深圳 keeps these ≥ 5 years). The data subject is shown
 * this log in its own view ("who looked at my records"), read through `subjectQueryLog` on the
 * (subject_id, at) index.
 *
 * The entry is written before the data leaves the service: a read that cannot be logged fails.
 */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { Database } from '../db/create-database.ts'
import { bulkTransaction, type BulkTransaction } from '../db/bulk-transaction.ts'
import type { BulkValue } from '../db/bulk-load.ts'
import { preparedQuery } from '../db/prepared-query.ts'
import type { Clock } from '../clock.ts'
import type { Actor } from './actor.ts'
import { actorRef } from './actor.ts'

export type QueryChannel = 'api' | 'web' | 'cli'

export interface QueryLogEntry {
  actor: Actor
  subjectId: number
  recordIds?: number[]
  purpose: string
  authorisationId?: number | null
  channel: QueryChannel
}

const row = (at: string, entry: QueryLogEntry) => {
  const ref = actorRef(entry.actor)
  return {
    at,
    actor_type: ref.type,
    actor_id: ref.id,
    department_id: entry.actor.type === 'user' || entry.actor.type === 'api_key' ? entry.actor.departmentId : null,
    subject_id: entry.subjectId,
    record_ids: entry.recordIds && entry.recordIds.length ? JSON.stringify(entry.recordIds) : null,
    purpose: entry.purpose,
    authorisation_id: entry.authorisationId ?? null,
    channel: entry.channel,
  }
}

// A department's every profile read writes one: built and compiled once.
const insertEntry = preparedQuery((db, at: string, actorType: string, actorId: string, departmentId: number | null, subjectId: number, recordIds: string | null, purpose: string, authorisationId: number | null, channel: string) =>
  db.insertInto('query_log').values({ at, actor_type: actorType, actor_id: actorId, department_id: departmentId, subject_id: subjectId, record_ids: recordIds, purpose, authorisation_id: authorisationId, channel }),
)

export async function logRead(db: Kysely<Tables>, clock: Clock, entry: QueryLogEntry): Promise<void> {
  const r = row(clock.now().toISOString(), entry)
  await insertEntry(db, r.at, r.actor_type, r.actor_id, r.department_id, r.subject_id, r.record_ids, r.purpose, r.authorisation_id, r.channel)
}

/**
 * Many reads at once (a bulk lookup, a credit check of 100,000 subjects) in a few statements
 * (db/bulk-transaction.ts). Given a transaction (a credit check stores its results and their log
 * together), it writes in that one.
 */
export const QUERY_LOG_COLUMNS = ['at', 'actor_type', 'actor_id', 'department_id', 'subject_id', 'record_ids', 'purpose', 'authorisation_id', 'channel'] as const

/** The entries as rows of QUERY_LOG_COLUMNS, all at one instant. */
export function queryLogRows(clock: Clock, entries: readonly QueryLogEntry[]): BulkValue[][] {
  const at = clock.now().toISOString()
  return entries.map((e) => {
    const r = row(at, e)
    return [r.at, r.actor_type, r.actor_id, r.department_id, r.subject_id, r.record_ids, r.purpose, r.authorisation_id, r.channel]
  })
}

export async function logReads(into: Pick<Database, 'db' | 'dialect' | 'sqliteStatements' | 'pool'> | BulkTransaction, clock: Clock, entries: QueryLogEntry[]): Promise<void> {
  if (entries.length === 0) return
  const rows = queryLogRows(clock, entries)
  const write = (tx: BulkTransaction) => tx.insertRows('query_log', QUERY_LOG_COLUMNS, rows)
  if ('insertRows' in into) await write(into)
  else await bulkTransaction(into, write)
}

export interface QueryLogView {
  id: number
  at: string
  /** The reading department (null for the platform's own command line). */
  department: { code: string; name: string } | null
  actorType: string
  actorId: string
  recordIds: number[]
  purpose: string
  authorisationId: number | null
  channel: string
}

/** A subject's log entries, newest first, with the reading department's name. */
export async function subjectQueryLog(db: Kysely<Tables>, subjectId: number, page: { limit: number; beforeId?: number }): Promise<QueryLogView[]> {
  let q = db
    .selectFrom('query_log as q')
    .leftJoin('departments as d', 'd.id', 'q.department_id')
    .select(['q.id', 'q.at', 'q.actor_type', 'q.actor_id', 'q.record_ids', 'q.purpose', 'q.authorisation_id', 'q.channel', 'd.code as department_code', 'd.name as department_name'])
    .where('q.subject_id', '=', subjectId)
  if (page.beforeId !== undefined) q = q.where('q.id', '<', page.beforeId)
  const rows = await q.orderBy('q.at', 'desc').orderBy('q.id', 'desc').limit(page.limit).execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    department: r.department_code !== null && r.department_name !== null ? { code: r.department_code, name: r.department_name } : null,
    actorType: r.actor_type,
    actorId: r.actor_id,
    recordIds: r.record_ids ? (JSON.parse(r.record_ids) as number[]) : [],
    purpose: r.purpose,
    authorisationId: r.authorisation_id,
    channel: r.channel,
  }))
}
