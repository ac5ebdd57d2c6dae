/**
 * The reads of a subject search. Each tier comes back in its own order, after a keyset cursor, so
 * the service can read on past subjects it has already placed:
 * - exact: normalised name equal to the query (search_names_prefix), by id;
 * - prefix: names that start with the query (a byte-order range on the same index), by name, id;
 * - substring: names holding every query term (FTS5 / GIN tsvector), confirmed by a substring test
 *   that also leaves out the names already matched from their first character, by id.
 * All three read one `active` value at a time: active subjects are read first.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../db/create-database.ts'
import type { Tables } from '../db/database.ts'
import { ftsMatch, tsqueryLiteral } from './index-row.ts'
import type { NameHit, NameSource } from './search-ranking.ts'

/** Filters as the store applies them (negative categories resolved from the catalog). */
export interface StoreFilters {
  kind?: string
  divisionPrefix?: string
  negative?: { present: boolean; categories: readonly string[]; publicOnly: boolean; today: string }
}

export interface TierRow extends NameHit {
  id: number
  normalized: string
}

export type TierCursor = { id: number; normalized: string } | null

export interface SubjectSummaryRow {
  id: number
  kind: string
  name: string
  division: string | null
  status: string
}

export interface IdentifierRow {
  subject_id: number
  scheme: string
  value: string | null
  masked: string | null
}

/** The highest code point: `q` ≤ every name that starts with `q` < `q` + this. */
const AFTER_ALL = '\u{10FFFF}'

type RawTierRow = { id: number | string; subject_id: number | string; name: string; normalized: string; source: string }
const toTierRow = (r: RawTierRow): TierRow => ({ id: Number(r.id), subjectId: Number(r.subject_id), name: r.name, normalized: r.normalized, source: r.source as NameSource })

function filterSql(f: StoreFilters, col: { kind: string; division: string; subject: string }): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = []
  if (f.kind) parts.push(sql`and ${sql.ref(col.kind)} = ${f.kind}`)
  if (f.divisionPrefix) parts.push(sql`and ${sql.ref(col.division)} like ${`${f.divisionPrefix}%`}`)
  if (f.negative) {
    const n = f.negative
    const categories = n.categories.length ? sql`r.category in (${sql.join([...n.categories])})` : sql`1 = 0`
    // The public filters only by records still in their publicity window as the provider gave it.
    const exists = n.publicOnly
      ? sql`exists (select 1 from records r join record_versions v on v.id = r.current_version_id where r.subject_id = ${sql.ref(col.subject)} and r.status = 'in_force' and ${categories} and (v.publicity_end is null or v.publicity_end >= ${n.today}))`
      : sql`exists (select 1 from records r where r.subject_id = ${sql.ref(col.subject)} and r.status = 'in_force' and ${categories})`
    parts.push(n.present ? sql`and ${exists}` : sql`and not ${exists}`)
  }
  return parts.length ? sql.join(parts, sql` `) : sql``
}

const nameColumns = { kind: 'n.kind', division: 'n.division', subject: 'n.subject_id' }

/**
 * PostgreSQL substring strategy (see substring). The GIN index costs a random heap read per name
 * holding the rarest term; an id-ordered scan costs a sequential read per name until `limit`
 * matches are found, about limit × names / rarest of them, and we scan twice that to be safe. On
 * 1M names a sequential read cost about a sixth of a random one (0.45 against 2.7 µs), so the index
 * wins while rarest ≤ 2 × limit × names / rarest × 0.17.
 */
const SCAN_TO_GIN_COST = 0.17
const scanIds = (limit: number, rarest: number, names: number) => Math.min(100_000, Math.max(1_000, Math.ceil((2 * limit * names) / Math.max(rarest, 1))))
const useGin = (rarest: number, limit: number, names: number) => rarest <= scanIds(limit, rarest, names) * SCAN_TO_GIN_COST

/**
 * Which terms the substring tier looks up: the rarest two. Each further term costs the full-text
 * index a walk through its list while barely narrowing the candidates, and the substring test
 * decides anyway. `rarest` is how many names hold the rarest one.
 */
export interface TermPlan {
  terms: string[]
  rarest: number
}

/** PostgreSQL substring strategy knobs; tests turn them to reach every path on a small store. */
export interface SubstringTuning {
  useGin?: (rarest: number, limit: number, names: number) => boolean
  scanIds?: (limit: number, rarest: number, names: number) => number
}

export function searchReader(db: Kysely<Tables>, dialect: Database['dialect'], tuning: SubstringTuning = {}) {
  const gin = tuning.useGin ?? useGin
  const scan = tuning.scanIds ?? scanIds
  return {
    async exact(q: string, active: 0 | 1, f: StoreFilters, cursor: TierCursor, limit: number): Promise<TierRow[]> {
      const { rows } = await sql<RawTierRow>`select n.id, n.subject_id, n.name, n.normalized, n.source from search_names n
        where n.active = ${active} and n.normalized = ${q} and n.id > ${cursor?.id ?? 0} ${filterSql(f, nameColumns)}
        order by n.id limit ${limit}`.execute(db)
      return rows.map(toTierRow)
    },

    async prefix(q: string, active: 0 | 1, f: StoreFilters, cursor: TierCursor, limit: number): Promise<TierRow[]> {
      const after = cursor ? sql`and (n.normalized, n.id) > (${cursor.normalized}, ${cursor.id})` : sql``
      const { rows } = await sql<RawTierRow>`select n.id, n.subject_id, n.name, n.normalized, n.source from search_names n
        where n.active = ${active} and n.normalized > ${q} and n.normalized < ${q + AFTER_ALL} ${after} ${filterSql(f, nameColumns)}
        order by n.normalized, n.id limit ${limit}`.execute(db)
      return rows.map(toTierRow)
    },

    /** How many indexed names hold each term (absent: none). */
    async termCounts(terms: readonly string[]): Promise<Map<string, number>> {
      if (!terms.length) return new Map()
      const rows = await db.selectFrom('search_term_counts').select(['term', 'names']).where('term', 'in', [...terms]).execute()
      return new Map(rows.map((r) => [r.term, Number(r.names)]))
    },

    async substring(q: string, plan: TermPlan, active: 0 | 1, f: StoreFilters, cursor: TierCursor, limit: number): Promise<TierRow[]> {
      const terms = plan.terms
      const after = cursor?.id ?? 0
      const confirm = dialect === 'sqlite' ? sql`instr(n.normalized, ${q}) > 1` : sql`strpos(n.normalized, ${q}) > 1`
      if (dialect === 'sqlite') {
        // FTS5 walks the doclists in rowid order and stops at the limit, however common the terms.
        const { rows } = await sql<RawTierRow>`select n.id, n.subject_id, n.name, n.normalized, n.source
          from search_terms join search_names n on n.id = search_terms.rowid
          where search_terms match ${ftsMatch(terms)} and search_terms.rowid > ${after} and n.active = ${active} and ${confirm} ${filterSql(f, nameColumns)}
          order by search_terms.rowid limit ${limit}`.execute(db)
        return rows.map(toTierRow)
      }
      const fromIndex = (from: number, want: number) =>
        sql<RawTierRow>`select n.id, n.subject_id, n.name, n.normalized, n.source from search_names n
          where n.terms @@ ${tsqueryLiteral(terms)}::tsquery and n.id > ${from} and n.active = ${active} and ${confirm} ${filterSql(f, nameColumns)}
          order by n.id limit ${want}`.execute(db)
      const { rows: size } = await sql<{ names: number | string | null }>`select max(id) as names from search_names`.execute(db)
      const names = Number(size[0]?.names ?? 0)
      if (gin(plan.rarest, limit, names)) return (await fromIndex(after, limit)).rows.map(toTierRow)
      // A GIN index answers with a bitmap of every match, which costs most when the query is common
      // (新乡, 公司) — exactly when the first rows in id order already hold enough. So: scan a run of
      // ids in order first; only if that does not fill the page, ask the index for the rest.
      const upTo = after + scan(limit, plan.rarest, names)
      const { rows: first } = await sql<RawTierRow>`select n.id, n.subject_id, n.name, n.normalized, n.source from search_names n
        where n.id > ${after} and n.id <= ${upTo} and n.active = ${active} and ${confirm} ${filterSql(f, nameColumns)}
        order by n.id limit ${limit}`.execute(db)
      if (first.length >= limit || upTo >= names) return first.map(toTierRow)
      const { rows: rest } = await fromIndex(upTo, limit - first.length)
      return [...first, ...rest].map(toTierRow)
    },

    /** Of the subjects a code found, those the filters keep. */
    async filterSubjects(ids: readonly number[], f: StoreFilters): Promise<SubjectSummaryRow[]> {
      if (!ids.length) return []
      const { rows } = await sql<SubjectSummaryRow>`select s.id, s.kind, s.name, s.division, s.status from subjects s
        where s.id in (${sql.join([...ids])}) ${filterSql(f, { kind: 's.kind', division: 's.division', subject: 's.id' })}`.execute(db)
      return rows.map((r) => ({ ...r, id: Number(r.id) }))
    },

    async subjects(ids: readonly number[]): Promise<SubjectSummaryRow[]> {
      if (!ids.length) return []
      const rows = await db.selectFrom('subjects').select(['id', 'kind', 'name', 'division', 'status']).where('id', 'in', [...ids]).execute()
      return rows.map((r) => ({ ...r, id: Number(r.id) }))
    },

    async identifiers(ids: readonly number[]): Promise<IdentifierRow[]> {
      if (!ids.length) return []
      const rows = await db.selectFrom('subject_identifiers').select(['subject_id', 'scheme', 'value', 'masked']).where('subject_id', 'in', [...ids]).orderBy('id').execute()
      return rows.map((r) => ({ ...r, subject_id: Number(r.subject_id) }))
    },
  }
}

export type SearchReader = ReturnType<typeof searchReader>

/**
 * Runs the reads of one search. On PostgreSQL they share a read transaction (one snapshot) with
 * parallel workers off (JIT is off for every connection, db/create-database.ts): they cost
 * milliseconds to start and these plans finish in less. And each read is planned for its own
 * values: repeated texts run as named statements (db/named-statements.ts), whose generic plan,
 * blind to the query, scanned every name (1M names: p99 0.4 s against 12–18 ms).
 */
export async function readForSearch<T>(database: Database, work: (reader: SearchReader) => Promise<T>): Promise<T> {
  if (database.dialect === 'sqlite') return work(searchReader(database.db, 'sqlite'))
  return database.db.transaction().execute(async (trx) => {
    await sql`select set_config('max_parallel_workers_per_gather', '0', true), set_config('plan_cache_mode', 'force_custom_plan', true)`.execute(trx)
    return work(searchReader(trx, 'postgres'))
  })
}
