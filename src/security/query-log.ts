/**
 * Every read of non-public data is written down: who, when, which subject and records, why, under
 * which authorisation (河南条例 Art. 40; 深圳 keeps these ≥ 5 years). The data subject is shown
 * this log in its own view.
 */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { Clock } from '../clock.ts'
import type { Actor } from './actor.ts'
import { actorRef } from './actor.ts'

export interface QueryLogEntry {
  actor: Actor
  subjectId: number
  recordIds?: number[]
  purpose: string
  authorisationId?: number | null
  channel: 'api' | 'web' | 'cli'
}

export async function logRead(db: Kysely<Tables>, clock: Clock, entry: QueryLogEntry): Promise<void> {
  const ref = actorRef(entry.actor)
  await db
    .insertInto('query_log')
    .values({
      at: clock.now().toISOString(),
      actor_type: ref.type,
      actor_id: ref.id,
      department_id: entry.actor.type === 'user' || entry.actor.type === 'api_key' ? entry.actor.departmentId : null,
      subject_id: entry.subjectId,
      record_ids: entry.recordIds ? JSON.stringify(entry.recordIds) : null,
      purpose: entry.purpose,
      authorisation_id: entry.authorisationId ?? null,
      channel: entry.channel,
    })
    .execute()
}
