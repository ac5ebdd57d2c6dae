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
  /** The payload fields the check reads (list entries' names and dates, tier fields, fulfilment); the rest is not read. */
  fields: Record<string, unknown>
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

/**
 * How the records of one item are read for a check. Conditions the store can apply from the
 * record's own columns leave out what cannot count today (an expired entry, a penalty older than
 * any window the rules allow), so a check of 100,000 subjects reads what matters, not their history.
 */
export interface CategoryRead {
  category: string
  /**
   * The payload fields the check reads: 'keys' always (a list entry's name, authority, reason…),
   * 'tier_keys' only when the provider sent no tier (the fields the tier is then assigned from).
   */
  fields: { kind: 'keys'; keys: readonly string[] } | { kind: 'tier_keys'; keys: readonly string[] } | { kind: 'none' }
  /** Leave out entries whose valid-to date is before this day. */
  validToFrom?: string
  /** Leave out records published and decided before this day (both dates, when present). */
  datedFrom?: string
  /** Only records whose field has this value (e.g. a breached commitment). */
  fieldEquals?: { key: string; value: string }
}

export function standingRepository(db: Kysely<Tables>) {
  return {
    async recordsOf(subjectIds: readonly number[], reads: readonly CategoryRead[]): Promise<StandingRow[]> {
      if (subjectIds.length === 0 || reads.length === 0) return []
      const readOf = new Map(reads.map((r) => [r.category, r]))
      // Only the named fields come out of the payload, each as JSON text, in the store: a record's
      // whole payload is ten times the size of what a check reads of it.
      const keys = [...new Set(reads.flatMap((r) => (r.fields.kind === 'none' ? [] : r.fields.keys)))]
      const fieldOf = (key: string) => {
        const always = reads.filter((r) => r.fields.kind === 'keys' && r.fields.keys.includes(key)).map((r) => r.category)
        const tierless = reads.filter((r) => r.fields.kind === 'tier_keys' && r.fields.keys.includes(key)).map((r) => r.category)
        const when = [...(always.length ? [sql`r.category in (${sql.join(always)})`] : []), ...(tierless.length ? [sql`(v.tier is null and r.category in (${sql.join(tierless)}))`] : [])]
        return sql<string | null>`case when ${sql.join(when, sql` or `)} then v.payload -> ${sql.lit(key)} else null end`
      }
      // `category || ''` is not indexable: with the items' conditions in an OR, a planner would otherwise
      // read every record of those items through the (category, business_key) index instead of the
      // subjects' few records through records_subject_summary (seen on SQLite after ANALYZE: 3.5 s per
      // 1,000 subjects instead of 75 ms).
      const category = sql<string>`(r.category || '')`
      const conditions = reads.map((r) => {
        const parts = [sql`${category} = ${r.category}`]
        if (r.validToFrom) parts.push(sql`(v.valid_to is null or v.valid_to >= ${r.validToFrom})`)
        if (r.datedFrom) parts.push(sql`((v.publication_date is null and v.decision_date is null) or v.publication_date >= ${r.datedFrom} or v.decision_date >= ${r.datedFrom})`)
        if (r.fieldEquals) parts.push(sql`v.payload ->> ${sql.lit(r.fieldEquals.key)} = ${r.fieldEquals.value}`)
        return sql`(${sql.join(parts, sql` and `)})`
      })
      const out: StandingRow[] = []
      for (const part of chunked(subjectIds)) {
        const rows = await db
          .selectFrom('records as r')
          .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
          .innerJoin('departments as d', 'd.id', 'r.department_id')
          .select(['r.id', 'r.subject_id', 'r.category', 'r.status', 'v.decision_date', 'v.publication_date', 'v.valid_from', 'v.valid_to', 'v.publicity_end', 'v.tier', 'd.code as department_code'])
          .select(keys.map((key, i) => fieldOf(key).as(`f${i}`)))
          .where('r.subject_id', 'in', part)
          .where('r.status', '=', 'in_force')
          .where(category, 'in', [...readOf.keys()])
          .where(sql<boolean>`(${sql.join(conditions, sql` or `)})`)
          .execute()
        for (const r of rows) {
          const read = readOf.get(r.category)!.fields
          const fields: Record<string, unknown> = {}
          if (read.kind === 'keys' || (read.kind === 'tier_keys' && r.tier === null)) {
            // A key the payload lacks comes back as SQL NULL (absent); a JSON null as the text 'null'.
            const row = r as unknown as Record<string, string | null>
            for (const key of read.keys) {
              const text = row[`f${keys.indexOf(key)}`]
              fields[key] = text === null || text === undefined ? undefined : JSON.parse(text)
            }
          }
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
            fields,
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
