/** SQL of credit commitments: records of the commitment item with their current versions. */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'

export interface CommitmentRow {
  recordId: number
  subjectId: number
  subjectName: string
  subjectKind: string
  departmentId: number
  status: string
  version: number
  payload: string
  publicationDate: string | null
  receivedAt: string
}

export function commitmentRepository(db: Kysely<Tables>) {
  const base = (category: string) =>
    db
      .selectFrom('records as r')
      .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
      .innerJoin('subjects as s', 's.id', 'r.subject_id')
      .select(['r.id', 'r.subject_id', 's.name', 's.kind', 'r.department_id', 'r.status', 'v.version', 'v.payload', 'v.publication_date', 'v.received_at'])
      .where('r.category', '=', category)
  const toRow = (r: { id: number; subject_id: number; name: string; kind: string; department_id: number; status: string; version: number; payload: string; publication_date: string | null; received_at: string }): CommitmentRow => ({
    recordId: Number(r.id),
    subjectId: Number(r.subject_id),
    subjectName: r.name,
    subjectKind: r.kind,
    departmentId: Number(r.department_id),
    status: r.status,
    version: r.version,
    payload: r.payload,
    publicationDate: r.publication_date,
    receivedAt: r.received_at,
  })
  return {
    async ofSubject(category: string, subjectId: number): Promise<CommitmentRow[]> {
      return (await base(category).where('r.subject_id', '=', subjectId).orderBy('r.id', 'desc').execute()).map(toRow)
    },
    async one(category: string, recordId: number): Promise<CommitmentRow | undefined> {
      const r = await base(category).where('r.id', '=', recordId).executeTakeFirst()
      return r && toRow(r)
    },
    /** Commitments in force of organisations (natural persons' are shared with government only). */
    async publicPage(category: string, filter: { subjectId?: number; q?: string; offset: number; limit: number }): Promise<{ rows: CommitmentRow[]; total: number }> {
      let q = base(category).where('r.status', '=', 'in_force').where('s.kind', '<>', 'natural_person')
      if (filter.subjectId !== undefined) q = q.where('r.subject_id', '=', filter.subjectId)
      if (filter.q) q = q.where('s.name', 'like', `%${filter.q.replace(/[%_\\]/g, '')}%`)
      const total = Number((await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      return { total, rows: (await q.orderBy('r.id', 'desc').offset(filter.offset).limit(filter.limit).execute()).map(toRow) }
    },
    /** The record's content changed outside collection: a re-sent source row must not count as unchanged. */
    async markContent(recordId: number, contentHash: string): Promise<void> {
      await db.updateTable('records').set({ current_hash: contentHash, current_fingerprint: null }).where('id', '=', recordId).execute()
    },
  }
}
