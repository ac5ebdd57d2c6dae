/**
 * All SQL of the query platform. A profile is a handful of indexed reads: every record of one subject
 * with its current version (records_subject_summary, then each version by primary key), then
 * earlier versions for privileged askers. A bulk lookup is
 * set-based, in chunks: identifiers by value or keyed hash, subjects by id, counts grouped by
 * subject, item and provider. Subjects' tables are read here, not written: linking subjects
 * belongs to collection and registration.
 */
import { sql, type Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { Database } from '../db/create-database.ts'
import { subjectLookupRepository } from '../subjects/subject-lookup.repository.ts'
import { preparedQuery } from '../db/prepared-query.ts'
import type { Read } from '../db/read-together.ts'

export interface RecordFactsRow {
  id: number
  category: string
  status: string
  departmentId: number
  currentVersion: number
  decisionDate: string | null
  publicationDate: string | null
  validFrom: string | null
  validTo: string | null
  publicityEnd: string | null
  tier: string | null
  removalDate: string | null
  /** The current version with payload and provenance (read in the same pass: the row is visited anyway). */
  current: VersionRow
}

export interface VersionRow {
  recordId: number
  version: number
  status: string
  payload: string
  departmentCode: string
  departmentName: string
  batchId: number | null
  sourceRow: number | null
  submittedBy: string
  receivedAt: string
  catalogVersion: number
  fileHash: string | null
}

/** Items and the payload keys of their removal dates, e.g. [['SXBZXR', ['SX_YCRQ']]]. */
export type RemovalKeys = ReadonlyArray<readonly [category: string, keys: readonly string[]]>

/** Ids per statement: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
export const ID_CHUNK = 1000

const chunks = <T>(items: readonly T[], size = ID_CHUNK): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const provenanceColumns = [
  'v.record_id',
  'v.version',
  'v.status',
  'd.code as department_code',
  'd.name as department_name',
  'v.batch_id',
  'v.source_row',
  'v.submitted_by',
  'v.received_at',
  'v.catalog_version',
  'v.file_hash',
] as const
const versionColumns = [...provenanceColumns, 'v.payload'] as const
// As text on both stores, also inside read-together's JSON (where PostgreSQL's jsonb would arrive parsed).
const payloadText = sql<string>`cast(v.payload as text)`.as('payload')

/** The records-of-a-subject statement for one catalog's removal keys, compiled once (prepared-query.ts). */
const recordsOfSubject = (removalKeys: RemovalKeys) =>
  preparedQuery((db, subjectId: number) => {
    // Lists keep their removal date in the payload; extract it only for those items (->> works on both stores).
    const removal = removalKeys.length
      ? sql<string | null>`case ${sql.join(
          removalKeys.map(([category, keys]) => sql`when r.category = ${sql.lit(category)} then coalesce(${sql.join(keys.map((k) => sql`v.payload ->> ${sql.lit(k)}`))}, null)`),
          sql` `,
        )} end`
      : sql<string | null>`null`
    return db
      .selectFrom('records as r')
      .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
      .innerJoin('departments as d', 'd.id', 'v.department_id')
      .select(['r.id', 'r.category', 'r.status as record_status', 'r.department_id as provider_id', 'v.decision_date', 'v.publication_date', 'v.valid_from', 'v.valid_to', 'v.publicity_end', 'v.tier', removal.as('removal_date'), ...provenanceColumns, payloadText])
      .where('r.subject_id', '=', subjectId)
  })
// By the rules' removal keys (one array per catalog version, held by the rules cache).
const recordsQueries = new WeakMap<RemovalKeys, ReturnType<typeof recordsOfSubject>>()
type RecordRow = Awaited<ReturnType<ReturnType<typeof recordsOfSubject>>>[number]

export function profileRepository(database: Pick<Database, 'db' | 'dialect' | 'sqliteStatements' | 'pool'>) {
  const { db } = database
  const toVersion = (r: {
    record_id: number
    version: number
    status: string
    payload: string
    department_code: string
    department_name: string
    batch_id: number | null
    source_row: number | null
    submitted_by: string
    received_at: string
    catalog_version: number
    file_hash: string | null
  }): VersionRow => ({
    recordId: r.record_id,
    version: r.version,
    status: r.status,
    payload: r.payload,
    departmentCode: r.department_code,
    departmentName: r.department_name,
    batchId: r.batch_id,
    sourceRow: r.source_row,
    submittedBy: r.submitted_by,
    receivedAt: r.received_at,
    catalogVersion: r.catalog_version,
    fileHash: r.file_hash,
  })

  const toFacts = (r: RecordRow): RecordFactsRow => ({
    id: r.id,
    category: r.category,
    status: r.record_status,
    departmentId: r.provider_id,
    currentVersion: r.version,
    decisionDate: r.decision_date,
    publicationDate: r.publication_date,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    publicityEnd: r.publicity_end,
    tier: r.tier,
    removalDate: typeof r.removal_date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.removal_date) ? r.removal_date : null,
    current: toVersion(r),
  })

  return {
    /**
     * Every record of a subject with its current version: what visibility needs (dates, and a list
     * entry's removal date from the payload), and the payload and provenance to show. One pass: the
     * records come from records_subject_summary alone, each current version by primary key.
     */
    records(subjectId: number, removalKeys: RemovalKeys): Read<RecordFactsRow[]> {
      let query = recordsQueries.get(removalKeys)
      if (!query) recordsQueries.set(removalKeys, (query = recordsOfSubject(removalKeys)))
      return { query: query.bind(db, subjectId), map: (rows: RecordRow[]) => rows.map(toFacts) }
    },

    /** Every version of the records but their current ones, oldest first. */
    async earlierVersions(records: ReadonlyArray<{ id: number; currentVersion: number }>): Promise<VersionRow[]> {
      const current = new Map(records.map((r) => [r.id, r.currentVersion]))
      const out: VersionRow[] = []
      for (const ids of chunks(records.filter((r) => r.currentVersion > 1).map((r) => r.id))) {
        const rows = await db
          .selectFrom('record_versions as v')
          .innerJoin('departments as d', 'd.id', 'v.department_id')
          .select(versionColumns)
          .where('v.record_id', 'in', ids)
          .orderBy('v.record_id')
          .orderBy('v.version')
          .execute()
        for (const r of rows) if (r.version !== current.get(r.record_id)) out.push(toVersion(r))
      }
      return out
    },

    // Resolving codes to subjects is shared with credit checks (subjects/subject-lookup.repository.ts).
    ...subjectLookupRepository(database),

    /**
     * Records in force per subject and item, split by whether `ownDepartmentId` provided them (what
     * visibility needs of the provider, at a tenth of the rows of grouping by every provider).
     */
    async inForceCounts(subjectIds: readonly number[], ownDepartmentId: number | null): Promise<Array<{ subjectId: number; category: string; own: boolean; n: number }>> {
      const out: Array<{ subjectId: number; category: string; own: boolean; n: number }> = []
      const own = ownDepartmentId === null ? sql<number>`0` : sql<number>`case when department_id = ${ownDepartmentId} then 1 else 0 end`
      for (const part of chunks(subjectIds)) {
        const rows = await db
          .selectFrom('records')
          .select(['subject_id', 'category', own.as('own'), (eb) => eb.fn.countAll<number>().as('n')])
          .where('subject_id', 'in', part)
          .where('status', '=', 'in_force')
          .groupBy(['subject_id', 'category', 'own'])
          .execute()
        for (const r of rows) out.push({ subjectId: r.subject_id, category: r.category, own: Number(r.own) === 1, n: Number(r.n) })
      }
      return out
    },
  }
}
