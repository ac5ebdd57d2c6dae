/**
 * The set-based reads behind credit checks: for a set of subjects, their list records and negative
 * records in force with each current version's dates and the payload fields a check reads (from
 * standing_facts), the decisions that ended any of them, and the pre-notices served on them. In
 * chunks of subjects; a handful of statements per thousand subjects whatever they hold.
 */
import { CompiledQuery, sql } from 'kysely'
import type { Database } from '../db/create-database.ts'
import { selectArrays } from '../db/select-arrays.ts'
import { chunked, LOOKUP_CHUNK } from '../subjects/subject-lookup.repository.ts'
import { readInChunks } from '../db/chunked-reads.ts'

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

type FactColumns = [recordId: number, subjectId: number, category: string, status: string, decisionDate: string | null, publicationDate: string | null, validFrom: string | null, validTo: string | null, publicityEnd: string | null, tier: string | null, fields: string, departmentCode: string]

// Shapes seen: one per day and configuration for checks, and the chunk lengths of batches.
const MAX_FACTS_STATEMENTS = 64

export function standingRepository(database: Pick<Database, 'db' | 'dialect' | 'sqliteStatements' | 'pool'>) {
  const { db } = database
  const factsStatements = new Map<string, { sql: string; rest: readonly unknown[] }>()
  return {
    /**
     * From standing_facts (each subject's facts lie together, migration 0013): the caller has made
     * sure the projection carries every key the reads name (standing-projection.ts).
     */
    async recordsOf(subjectIds: readonly number[], reads: readonly CategoryRead[]): Promise<StandingRow[]> {
      if (subjectIds.length === 0 || reads.length === 0) return []
      const readOf = new Map(reads.map((r) => [r.category, r]))
      const conditions = () => reads.map((r) => {
        const parts = [sql`f.category = ${r.category}`]
        if (r.validToFrom) parts.push(sql`(f.valid_to is null or f.valid_to >= ${r.validToFrom})`)
        if (r.datedFrom) parts.push(sql`((f.publication_date is null and f.decision_date is null) or f.publication_date >= ${r.datedFrom} or f.decision_date >= ${r.datedFrom})`)
        if (r.fieldEquals) parts.push(sql`f.fields ->> ${sql.lit(r.fieldEquals.key)} = ${r.fieldEquals.value}`)
        return sql`(${sql.join(parts, sql` and `)})`
      })
      const shape = JSON.stringify(reads)
      return readInChunks(subjectIds, LOOKUP_CHUNK, async (part) => {
        const out: StandingRow[] = []
        // Compiled once per shape and chunk length: a single check would otherwise build its
        // conditions anew on every request. The subject ids are the statement's first values.
        const key = `${part.length}:${shape}`
        let compiled = factsStatements.get(key)
        if (!compiled) {
          const query = db
            .selectFrom('standing_facts as f')
            .innerJoin('departments as d', 'd.id', 'f.department_id')
            .select(['f.record_id', 'f.subject_id', 'f.category', 'f.status', 'f.decision_date', 'f.publication_date', 'f.valid_from', 'f.valid_to', 'f.publicity_end', 'f.tier', 'f.fields', 'd.code as department_code'])
            .where('f.subject_id', 'in', part)
            .where('f.status', '=', 'in_force')
            .where(sql<boolean>`(${sql.join(conditions(), sql` or `)})`)
            .compile()
          if (part.some((id, i) => query.parameters[i] !== id)) throw new Error('standing facts: the subject ids must be the first values')
          if (factsStatements.size >= MAX_FACTS_STATEMENTS) factsStatements.clear()
          factsStatements.set(key, (compiled = { sql: query.sql, rest: query.parameters.slice(part.length) }))
        }
        const query = CompiledQuery.raw(compiled.sql, [...part, ...compiled.rest])
        // As arrays, in the select's order: a batch check reads hundreds of thousands of these.
        for (const r of (await selectArrays(database, query)) as FactColumns[]) {
          const [recordId, subjectId, category, status, decisionDate, publicationDate, validFrom, validTo, publicityEnd, tier, projectedFields, departmentCode] = r
          const read = readOf.get(category)!.fields
          const fields: Record<string, unknown> = {}
          if (read.kind === 'keys' || (read.kind === 'tier_keys' && tier === null)) {
            const projected = JSON.parse(projectedFields) as Record<string, unknown>
            for (const key of read.keys) if (Object.hasOwn(projected, key)) fields[key] = projected[key]
          }
          out.push({ id: Number(recordId), subjectId: Number(subjectId), category, status, decisionDate, publicationDate, validFrom, validTo, publicityEnd, tier, departmentCode, fields })
        }
        return out
      })
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
