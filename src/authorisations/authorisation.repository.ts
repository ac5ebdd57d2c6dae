/** All SQL about authorisations. */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { StoredAuthorisation } from './authorisation.ts'

const columns = [
  'a.id',
  'a.subject_id',
  'a.grantee_department_id',
  'd.code as grantee_code',
  'd.name as grantee_name',
  'a.scope',
  'a.purpose',
  'a.granted_on',
  'a.expires_at',
  'a.revoked_at',
  'a.evidence',
  'a.created_at',
] as const

type Row = {
  id: number
  subject_id: number
  grantee_department_id: number
  grantee_code: string
  grantee_name: string
  scope: string
  purpose: string
  granted_on: string
  expires_at: string
  revoked_at: string | null
  evidence: string | null
  created_at: string
}

const toAuthorisation = (r: Row): StoredAuthorisation => ({
  id: r.id,
  subjectId: r.subject_id,
  grantee: { id: r.grantee_department_id, code: r.grantee_code, name: r.grantee_name },
  scope: JSON.parse(r.scope) as string[],
  purpose: r.purpose,
  grantedOn: r.granted_on,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  evidence: r.evidence ?? '',
  createdAt: r.created_at,
})

export function authorisationRepository(db: Kysely<Tables>) {
  const base = () => db.selectFrom('authorisations as a').innerJoin('departments as d', 'd.id', 'a.grantee_department_id').select(columns)

  return {
    async insert(a: { subjectId: number; granteeDepartmentId: number; scope: string[]; purpose: string; grantedOn: string; expiresAt: string; evidence: string; at: string }): Promise<number> {
      const { id } = await db
        .insertInto('authorisations')
        .values({ subject_id: a.subjectId, grantee_department_id: a.granteeDepartmentId, scope: JSON.stringify(a.scope), purpose: a.purpose, granted_on: a.grantedOn, expires_at: a.expiresAt, revoked_at: null, evidence: a.evidence, created_at: a.at })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    async find(id: number): Promise<StoredAuthorisation | undefined> {
      const row = await base().where('a.id', '=', id).executeTakeFirst()
      return row && toAuthorisation(row as Row)
    },

    /** The newest authorisation in force for a subject and grantee at this moment. */
    async findInForce(subjectId: number, granteeDepartmentId: number, at: { today: string; now: string }): Promise<StoredAuthorisation | undefined> {
      const row = await base()
        .where('a.subject_id', '=', subjectId)
        .where('a.grantee_department_id', '=', granteeDepartmentId)
        .where('a.revoked_at', 'is', null)
        .where('a.granted_on', '<=', at.today)
        .where('a.expires_at', '>', at.now)
        .orderBy('a.granted_on', 'desc')
        .orderBy('a.id', 'desc')
        .limit(1)
        .executeTakeFirst()
      return row && toAuthorisation(row as Row)
    },

    async list(filter: { subjectId?: number; granteeDepartmentId?: number; inForceAt?: { today: string; now: string }; limit: number; beforeId?: number }): Promise<StoredAuthorisation[]> {
      let q = base()
      if (filter.subjectId !== undefined) q = q.where('a.subject_id', '=', filter.subjectId)
      if (filter.granteeDepartmentId !== undefined) q = q.where('a.grantee_department_id', '=', filter.granteeDepartmentId)
      if (filter.inForceAt) q = q.where('a.revoked_at', 'is', null).where('a.granted_on', '<=', filter.inForceAt.today).where('a.expires_at', '>', filter.inForceAt.now)
      if (filter.beforeId !== undefined) q = q.where('a.id', '<', filter.beforeId)
      const rows = await q.orderBy('a.id', 'desc').limit(filter.limit).execute()
      return rows.map((r) => toAuthorisation(r as Row))
    },

    async revoke(id: number, at: string): Promise<boolean> {
      const result = await db.updateTable('authorisations').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },
  }
}
