/**
 * SQL of the lists: pre-notices, responsible persons, one entry with its subject, and the list
 * pages. A page filters on the current version's dates in the store (in force = started, not
 * ended, not removed, pre-notice served where required, no repair or deletion), so paging is exact.
 */
import { parsePayload } from './standing.ts'
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { StandingRow } from './standing.repository.ts'

export interface PreNoticeRow {
  id: number
  subjectId: number
  category: string
  departmentId: number
  departmentCode: string
  noticeNumber: string
  servedOn: string
  delivery: string
  basis: string
  reasons: string
  measures: string
  objectionUntil: string | null
  recordedBy: string
  createdAt: string
}

export interface ResponsiblePersonRow {
  id: number
  recordId: number
  role: string
  name: string
  idMasked: string | null
  recordedBy: string
  createdAt: string
}

export interface EntrySubject {
  id: number
  kind: string
  name: string
  /** A USCC or other plain identifier; null for persons (see `masked`). */
  identifier: string | null
  masked: string | null
}

export interface PageFilter {
  categories: readonly string[]
  /** Items whose entries need a pre-notice served by their start. */
  preNoticeCategories: readonly string[]
  /** Payload keys of removal dates per item. */
  removalKeys: ReadonlyArray<readonly [string, readonly string[]]>
  status: 'active' | 'awaiting_pre_notice' | 'all' | 'exited'
  today: string
  /** Exits from this day (for `exited`). */
  since?: string
  now: string
  withoutPersons: boolean
  q?: string
  offset: number
  limit: number
}

export function listRepository(db: Kysely<Tables>) {
  const removalOf = (keys: PageFilter['removalKeys']) =>
    keys.length
      ? sql<string | null>`case ${sql.join(
          keys.map(([category, ks]) => sql`when r.category = ${category} then ${ks.length === 1 ? sql`v.payload ->> ${sql.lit(ks[0]!)}` : sql`coalesce(${sql.join(ks.map((k) => sql`v.payload ->> ${sql.lit(k)}`))})`}`),
          sql` `,
        )} end`
      : sql<string | null>`null`
  const start = sql<string | null>`coalesce(v.valid_from, v.decision_date, v.publication_date)`
  const noDecision = (now: string) => sql<SqlBool>`not exists (select 1 from record_decisions d where d.record_id = r.id and d.effective_at <= ${now})`
  const noticed = (f: PageFilter) =>
    f.preNoticeCategories.length
      ? sql<SqlBool>`(r.category not in (${sql.join(f.preNoticeCategories)}) or exists (select 1 from list_pre_notices p where p.subject_id = r.subject_id and p.category = r.category and p.served_on <= ${start}))`
      : sql<SqlBool>`1 = 1`

  function filtered(f: PageFilter) {
    const removal = removalOf(f.removalKeys)
    let q = db
      .selectFrom('records as r')
      .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
      .innerJoin('subjects as s', 's.id', 'r.subject_id')
      .where('r.category', 'in', f.categories)
    if (f.withoutPersons) q = q.where('s.kind', '<>', 'natural_person')
    if (f.q) q = q.where('s.name', 'like', `%${f.q.replace(/[%_\\]/g, '')}%`)
    const conditions: Array<Expression<SqlBool>> = []
    if (f.status === 'active') {
      conditions.push(sql<SqlBool>`r.status = 'in_force'`, sql<SqlBool>`${start} <= ${f.today}`, sql<SqlBool>`(v.valid_to is null or v.valid_to >= ${f.today})`, sql<SqlBool>`(${removal} is null or ${removal} > ${f.today})`, noticed(f), noDecision(f.now))
    } else if (f.status === 'awaiting_pre_notice') {
      conditions.push(sql<SqlBool>`r.status = 'in_force'`, sql<SqlBool>`not ${noticed(f)}`)
    } else if (f.status === 'exited') {
      // 移出 announced: removed, or run out, since `since` (河南条例 Art. 37: exit announced via the original channel).
      conditions.push(sql<SqlBool>`r.status = 'in_force'`, sql<SqlBool>`((${removal} >= ${f.since ?? f.today} and ${removal} <= ${f.today}) or (v.valid_to >= ${f.since ?? f.today} and v.valid_to < ${f.today}))`)
    }
    for (const c of conditions) q = q.where(c)
    return { q, removal }
  }

  return {
    async insertPreNotice(n: Omit<PreNoticeRow, 'id' | 'departmentCode'>): Promise<number> {
      const row = await db
        .insertInto('list_pre_notices')
        .values({
          subject_id: n.subjectId,
          category: n.category,
          department_id: n.departmentId,
          notice_number: n.noticeNumber,
          served_on: n.servedOn,
          delivery: n.delivery,
          basis: n.basis,
          reasons: n.reasons,
          measures: n.measures,
          objection_until: n.objectionUntil,
          recorded_by: n.recordedBy,
          created_at: n.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return Number(row.id)
    },

    async preNotices(filter: { subjectId?: number; category?: string; departmentId?: number; limit: number }): Promise<PreNoticeRow[]> {
      let q = db.selectFrom('list_pre_notices as p').innerJoin('departments as d', 'd.id', 'p.department_id').selectAll('p').select('d.code as department_code')
      if (filter.subjectId !== undefined) q = q.where('p.subject_id', '=', filter.subjectId)
      if (filter.category !== undefined) q = q.where('p.category', '=', filter.category)
      if (filter.departmentId !== undefined) q = q.where('p.department_id', '=', filter.departmentId)
      const rows = await q.orderBy('p.id', 'desc').limit(filter.limit).execute()
      return rows.map((r) => ({
        id: Number(r.id),
        subjectId: Number(r.subject_id),
        category: r.category,
        departmentId: Number(r.department_id),
        departmentCode: r.department_code,
        noticeNumber: r.notice_number,
        servedOn: r.served_on,
        delivery: r.delivery,
        basis: r.basis,
        reasons: r.reasons,
        measures: r.measures,
        objectionUntil: r.objection_until,
        recordedBy: r.recorded_by,
        createdAt: r.created_at,
      }))
    },

    async insertResponsiblePerson(p: { recordId: number; role: string; name: string; idCiphertext: string | null; idHash: string | null; idMasked: string | null; departmentId: number; recordedBy: string; createdAt: string }): Promise<number> {
      const row = await db
        .insertInto('list_responsible_persons')
        .values({ record_id: p.recordId, role: p.role, name: p.name, id_ciphertext: p.idCiphertext, id_hash: p.idHash, id_masked: p.idMasked, department_id: p.departmentId, recorded_by: p.recordedBy, created_at: p.createdAt })
        .returning('id')
        .executeTakeFirstOrThrow()
      return Number(row.id)
    },

    async responsiblePersons(recordIds: readonly number[]): Promise<ResponsiblePersonRow[]> {
      if (recordIds.length === 0) return []
      const rows = await db.selectFrom('list_responsible_persons').select(['id', 'record_id', 'role', 'name', 'id_masked', 'recorded_by', 'created_at']).where('record_id', 'in', recordIds).orderBy('id').execute()
      return rows.map((r) => ({ id: Number(r.id), recordId: Number(r.record_id), role: r.role, name: r.name, idMasked: r.id_masked, recordedBy: r.recorded_by, createdAt: r.created_at }))
    },

    /** Entries on which a person (by the keyed hash of the ID number) is recorded as responsible. */
    async recordsOfResponsible(idHash: string): Promise<number[]> {
      const rows = await db.selectFrom('list_responsible_persons').select('record_id').where('id_hash', '=', idHash).execute()
      return rows.map((r) => Number(r.record_id))
    },

    /** One list record with its current version, whatever its state, and its department. */
    async record(recordId: number): Promise<(StandingRow & { departmentId: number }) | undefined> {
      const r = await db
        .selectFrom('records as r')
        .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
        .select(['r.id', 'r.subject_id', 'r.category', 'r.status', 'r.department_id', 'v.decision_date', 'v.publication_date', 'v.valid_from', 'v.valid_to', 'v.publicity_end', 'v.tier', 'v.payload'])
        .where('r.id', '=', recordId)
        .executeTakeFirst()
      return (
        r && {
          id: Number(r.id),
          subjectId: Number(r.subject_id),
          category: r.category,
          status: r.status,
          departmentId: Number(r.department_id),
          decisionDate: r.decision_date,
          publicationDate: r.publication_date,
          validFrom: r.valid_from,
          validTo: r.valid_to,
          publicityEnd: r.publicity_end,
          tier: r.tier,
          fields: parsePayload(r.payload),
        }
      )
    },

    async subjects(ids: readonly number[]): Promise<Map<number, EntrySubject>> {
      const out = new Map<number, EntrySubject>()
      if (ids.length === 0) return out
      const rows = await db.selectFrom('subjects').select(['id', 'kind', 'name']).where('id', 'in', ids).execute()
      for (const r of rows) out.set(Number(r.id), { id: Number(r.id), kind: r.kind, name: r.name, identifier: null, masked: null })
      // One identifier a subject: the USCC first, else whatever plain value, else the mask.
      const identifiers = await db.selectFrom('subject_identifiers').select(['subject_id', 'scheme', 'value', 'masked']).where('subject_id', 'in', ids).orderBy('id').execute()
      for (const i of identifiers) {
        const s = out.get(Number(i.subject_id))
        if (!s) continue
        if (i.value !== null && (s.identifier === null || i.scheme === 'uscc')) s.identifier = i.value
        if (i.masked !== null && s.masked === null) s.masked = i.masked
      }
      return out
    },

    /** A page of list records (ids + current version) and the total matching. */
    async page(f: PageFilter): Promise<{ rows: StandingRow[]; total: number }> {
      const { q } = filtered(f)
      const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      const rows = await q
        .select(['r.id', 'r.subject_id', 'r.category', 'r.status', 'v.decision_date', 'v.publication_date', 'v.valid_from', 'v.valid_to', 'v.publicity_end', 'v.tier', 'v.payload'])
        .orderBy('r.id', 'desc')
        .offset(f.offset)
        .limit(f.limit)
        .execute()
      return {
        total,
        rows: rows.map((r) => ({ id: Number(r.id), subjectId: Number(r.subject_id), category: r.category, status: r.status, decisionDate: r.decision_date, publicationDate: r.publication_date, validFrom: r.valid_from, validTo: r.valid_to, publicityEnd: r.publicity_end, tier: r.tier, fields: parsePayload(r.payload) })),
      }
    },
  }
}
