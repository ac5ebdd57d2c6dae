/**
 * All SQL of reading the change feed: events in sequence order, the versions of a batch event a page
 * at a time (record_versions_batch), and what filtering needs — subjects' kinds, and a bank's
 * authorisations in force. Every read is bounded by a limit or a list of ids.
 */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'

export interface StoredEvent {
  seq: number
  at: string
  type: string
  subjectId: number | null
  recordId: number | null
  payload: Record<string, unknown>
  /** The record the event is about, when it names one. */
  record: { category: string; departmentId: number; subjectId: number } | null
}

export interface BatchVersion {
  id: number
  recordId: number
  version: number
  status: string
  writtenAsRevocation: boolean
  subjectId: number
  subjectKind: string
  departmentId: number
  decisionDate: string | null
  publicationDate: string | null
  publicityEnd: string | null
  tier: string | null
}

/** Narrows a batch's versions in the store, before the rules check each one. */
export interface VersionFilter {
  /** Only subjects of (or not of) this kind. */
  subjectKind?: { is: string } | { isNot: string }
  /** Only subjects whose authorisation this grantee holds in force. */
  authorisedFor?: { granteeDepartmentId: number; today: string; now: string }
}

const ID_CHUNK = 1000

export function changeFeedRepository(db: Kysely<Tables>) {
  return {
    /** Events from `seq` on (inclusive when `inclusive`), oldest first. */
    async eventsFrom(seq: number, inclusive: boolean, limit: number): Promise<StoredEvent[]> {
      const rows = await db
        .selectFrom('events as e')
        .leftJoin('records as r', 'r.id', 'e.record_id')
        .select(['e.seq', 'e.at', 'e.type', 'e.subject_id', 'e.record_id', 'e.payload', 'r.category', 'r.department_id', 'r.subject_id as record_subject_id'])
        .where('e.seq', inclusive ? '>=' : '>', seq)
        .orderBy('e.seq')
        .limit(limit)
        .execute()
      return rows.map((r) => ({
        seq: Number(r.seq),
        at: r.at,
        type: r.type,
        subjectId: r.subject_id ?? r.record_subject_id ?? null,
        recordId: r.record_id,
        payload: JSON.parse(r.payload) as Record<string, unknown>,
        record: r.category !== null && r.department_id !== null && r.record_subject_id !== null ? { category: r.category, departmentId: r.department_id, subjectId: r.record_subject_id } : null,
      }))
    },

    /** The versions a batch wrote after version id `afterId`, in id order. */
    async batchVersions(batchId: number, afterId: number, limit: number, filter: VersionFilter = {}): Promise<BatchVersion[]> {
      let q = db
        .selectFrom('record_versions as v')
        .innerJoin('records as r', 'r.id', 'v.record_id')
        .innerJoin('subjects as s', 's.id', 'r.subject_id')
        .leftJoin('revoked_versions as rv', 'rv.version_id', 'v.id')
        .select(['v.id', 'v.record_id', 'v.version', 'v.status', 'rv.version_id as revoked_id', 'r.subject_id', 's.kind', 'v.department_id', 'v.decision_date', 'v.publication_date', 'v.publicity_end', 'v.tier'])
        .where('v.batch_id', '=', batchId)
        .where('v.id', '>', afterId)
      const kind = filter.subjectKind
      if (kind) q = 'is' in kind ? q.where('s.kind', '=', kind.is) : q.where('s.kind', '<>', kind.isNot)
      const a = filter.authorisedFor
      if (a) {
        q = q.where('r.subject_id', 'in', (eb) =>
          eb
            .selectFrom('authorisations as a')
            .select('a.subject_id')
            .where('a.grantee_department_id', '=', a.granteeDepartmentId)
            .where('a.revoked_at', 'is', null)
            .where('a.granted_on', '<=', a.today)
            .where('a.expires_at', '>', a.now),
        )
      }
      const rows = await q.orderBy('v.id').limit(limit).execute()
      return rows.map((r) => ({
        id: Number(r.id),
        recordId: Number(r.record_id),
        version: r.version,
        status: r.status,
        writtenAsRevocation: r.status === 'revoked' || r.revoked_id !== null,
        subjectId: Number(r.subject_id),
        subjectKind: r.kind,
        departmentId: Number(r.department_id),
        decisionDate: r.decision_date,
        publicationDate: r.publication_date,
        publicityEnd: r.publicity_end,
        tier: r.tier,
      }))
    },

    /** The department that submitted a batch. */
    async batchDepartment(batchId: number): Promise<number | undefined> {
      const row = await db.selectFrom('batches').select('department_id').where('id', '=', batchId).executeTakeFirst()
      return row ? Number(row.department_id) : undefined
    },

    async subjectKinds(ids: readonly number[]): Promise<Map<number, string>> {
      const out = new Map<number, string>()
      const unique = [...new Set(ids)]
      for (let i = 0; i < unique.length; i += ID_CHUNK) {
        const rows = await db.selectFrom('subjects').select(['id', 'kind']).where('id', 'in', unique.slice(i, i + ID_CHUNK)).execute()
        for (const r of rows) out.set(Number(r.id), r.kind)
      }
      return out
    },

    /** A grantee's authorisations in force for these subjects, by subject. */
    async authorisationsInForce(granteeDepartmentId: number, subjectIds: readonly number[], at: { today: string; now: string }): Promise<Map<number, Array<{ id: number; scope: string[] }>>> {
      const out = new Map<number, Array<{ id: number; scope: string[] }>>()
      const unique = [...new Set(subjectIds)]
      for (let i = 0; i < unique.length; i += ID_CHUNK) {
        const rows = await db
          .selectFrom('authorisations')
          .select(['id', 'subject_id', 'scope'])
          .where('grantee_department_id', '=', granteeDepartmentId)
          .where('subject_id', 'in', unique.slice(i, i + ID_CHUNK))
          .where('revoked_at', 'is', null)
          .where('granted_on', '<=', at.today)
          .where('expires_at', '>', at.now)
          .orderBy('id', 'desc')
          .execute()
        for (const r of rows) {
          const list = out.get(Number(r.subject_id)) ?? []
          list.push({ id: Number(r.id), scope: JSON.parse(r.scope) as string[] })
          out.set(Number(r.subject_id), list)
        }
      }
      return out
    },
  }
}
