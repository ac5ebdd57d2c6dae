/**
 * The tamper-evident audit trail (河南条例 Art. 39: 操作过程留痕可查). Every change by staff or
 * systems appends an entry in the same transaction as the change; each entry's hash covers the
 * previous entry's hash, so editing or deleting any entry breaks the chain that `verify` walks.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { Database } from '../db/create-database.ts'
import { serializeWriters } from '../db/serialize.ts'
import type { Clock } from '../clock.ts'
import { actorRef, type Actor } from './actor.ts'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntryInput {
  actor: Actor
  action: string
  entityType: string
  entityId: string | number
  detail?: Record<string, unknown>
}

export interface AuditEntry {
  id: number
  at: string
  actorType: string
  actorId: string
  action: string
  entityType: string
  entityId: string
  detail: Record<string, unknown>
  hash: string
}

export type ChainVerdict = { intact: true; entries: number } | { intact: false; entries: number; brokenAt: number; reason: string }

export function entryHash(prevHash: string, e: { at: string; actor_type: string; actor_id: string; action: string; entity_type: string; entity_id: string; detail: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, e.at, e.actor_type, e.actor_id, e.action, e.entity_type, e.entity_id, e.detail]))
    .digest('hex')
}

export interface AuditTrail {
  /** Appends within the caller's transaction. */
  append(trx: Kysely<Tables>, entry: AuditEntryInput): Promise<void>
  list(options: { limit: number; beforeId?: number; entityType?: string; entityId?: string }): Promise<AuditEntry[]>
  verify(): Promise<ChainVerdict>
}

export function createAuditTrail(deps: { database: Database; clock: Clock }): AuditTrail {
  const { database, clock } = deps
  const db = database.db
  return {
    async append(trx, entry) {
      await serializeWriters(trx, database.dialect, 'audit_log')
      const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst()
      const ref = actorRef(entry.actor)
      const row = {
        at: clock.now().toISOString(),
        actor_type: ref.type,
        actor_id: ref.id,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: String(entry.entityId),
        detail: JSON.stringify(entry.detail ?? {}),
      }
      const prevHash = last?.hash ?? GENESIS_HASH
      await trx.insertInto('audit_log').values({ ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) }).execute()
    },

    async list({ limit, beforeId, entityType, entityId }) {
      let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit)
      if (beforeId) q = q.where('id', '<', beforeId)
      if (entityType) q = q.where('entity_type', '=', entityType)
      if (entityId) q = q.where('entity_id', '=', entityId)
      const rows = await q.execute()
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorType: r.actor_type,
        actorId: r.actor_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
        hash: r.hash,
      }))
    },

    async verify() {
      let prevHash = GENESIS_HASH
      let afterId = 0
      let entries = 0
      for (;;) {
        const page = await db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(5000).execute()
        if (page.length === 0) return { intact: true, entries }
        for (const row of page) {
          entries++
          if (row.prev_hash !== prevHash) return { intact: false, entries, brokenAt: row.id, reason: 'prev_hash does not match the previous entry (an entry was removed or reordered)' }
          if (entryHash(prevHash, row) !== row.hash) return { intact: false, entries, brokenAt: row.id, reason: 'hash does not match the entry content (the entry was altered)' }
          prevHash = row.hash
          afterId = row.id
        }
      }
    },
  }
}
