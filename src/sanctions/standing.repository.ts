/**
 * The set-based reads behind credit checks: for a set of subjects, their list records and negative
 * records in force with each current version's dates (records_subject_summary, then each version
 * by primary key), the decisions that ended any of them, and the pre-notices served on them. In
 * chunks of subjects; a handful of statements per thousand subjects whatever they hold.
 */
import { sql, type Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import { chunked } from '../subjects/subject-lookup.repository.ts'

export interface StandingRow {
  id: number
  subjectId: number
  category: string
  status: string
  decisionDate: string | null
  publicationDate: string | null
  validFrom: string | null
  validTo: string | null
  publicityEnd: string | null
  tier: string | null
  /** The providing department's code: its own tier table applies. */
  departmentCode?: string | null
  /** The payload, read for list records and for records whose provider sent no tier (the engine derives it from fields). */
  payload: string | null
}

export interface DecisionRow {
  recordId: number
  kind: string
  effectiveAt: string
}

export interface PreNoticeDate {
  subjectId: number
  category: string
  servedOn: string
}

export function standingRepository(db: Kysely<Tables>) {
  return {
    /** Records in force of the given items, with the payload of those in `payloadCategories` and of those without a tier. */
    async recordsOf(subjectIds: readonly number[], categories: readonly string[], payloadCategories: readonly string[]): Promise<StandingRow[]> {
      if (subjectIds.length === 0 || categories.length === 0) return []
      const payload = payloadCategories.length ? sql<string | null>`case when r.category in (${sql.join(payloadCategories)}) or v.tier is null then v.payload else null end` : sql<string | null>`case when v.tier is null then v.payload else null end`
      const out: StandingRow[] = []
      for (const part of chunked(subjectIds)) {
        const rows = await db
          .selectFrom('records as r')
          .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
          .innerJoin('departments as d', 'd.id', 'r.department_id')
          .select(['r.id', 'r.subject_id', 'r.category', 'r.status', 'v.decision_date', 'v.publication_date', 'v.valid_from', 'v.valid_to', 'v.publicity_end', 'v.tier', 'd.code as department_code', payload.as('payload')])
          .where('r.subject_id', 'in', part)
          .where('r.status', '=', 'in_force')
          .where('r.category', 'in', categories)
          .execute()
        for (const r of rows) {
          out.push({
            id: Number(r.id),
            subjectId: Number(r.subject_id),
            category: r.category,
            status: r.status,
            decisionDate: r.decision_date,
            publicationDate: r.publication_date,
            validFrom: r.valid_from,
            validTo: r.valid_to,
            publicityEnd: r.publicity_end,
            tier: r.tier,
            departmentCode: r.department_code,
            payload: r.payload,
          })
        }
      }
      return out
    },

    /** Repairs, archivings and deletions of the subjects' records (few: one read per chunk on the subject index). */
    async decisionsOf(subjectIds: readonly number[]): Promise<DecisionRow[]> {
      const out: DecisionRow[] = []
      for (const part of chunked(subjectIds)) {
        const rows = await db.selectFrom('record_decisions').select(['record_id', 'kind', 'effective_at']).where('subject_id', 'in', part).execute()
        for (const r of rows) out.push({ recordId: Number(r.record_id), kind: r.kind, effectiveAt: r.effective_at })
      }
      return out
    },

    async preNoticeDates(subjectIds: readonly number[]): Promise<PreNoticeDate[]> {
      const out: PreNoticeDate[] = []
      for (const part of chunked(subjectIds)) {
        const rows = await db.selectFrom('list_pre_notices').select(['subject_id', 'category', 'served_on']).where('subject_id', 'in', part).orderBy('served_on').execute()
        for (const r of rows) out.push({ subjectId: Number(r.subject_id), category: r.category, servedOn: r.served_on })
      }
      return out
    },
  }
}
