/**
 * Set-based writing of a round of validated records. The round is loaded into a temporary stage
 * table (prepared inserts on SQLite, COPY on PostgreSQL); linking to subjects, finding the records
 * that already exist, versioning and the writes themselves are then a handful of INSERT … SELECT
 * and UPDATE … FROM statements that the store runs in its own engine, not row by row in JavaScript.
 * Each staged row has a `seq` (its place in the round); new ids are `base + seq`, so a round
 * reserves one contiguous range per table (ids of rows that turn out unchanged are left unused).
 */
import { projectStandingSql, standingFactColumns } from '../standing-facts-sql.ts'

const heldFactColumns = standingFactColumns.filter((c) => c !== 'tier')

export type Dialect = 'sqlite' | 'postgres'

/** Columns of the stage, in load order. */
export const stageColumns = [
  'seq',
  'row_number',
  'fingerprint',
  'subject_kind',
  'subject_name',
  'uscc',
  'org_code',
  'registration_number',
  'legal_representative',
  'person_scheme',
  'person_hash',
  'person_ciphertext',
  'person_masked',
  'business_key',
  'payload',
  'content_hash',
  'decision_date',
  'publication_date',
  'valid_from',
  'valid_to',
  'publicity_end',
  'status',
  // The payload narrowed to the keys standing_items names for the category (standing-facts-sql.ts),
  // made by the validating thread; null when the category is not projected.
  'standing_fields',
] as const

export type StageValue = string | number | null

/**
 * A staged row travels from the validating thread as one string: a line of PostgreSQL's COPY text
 * without its `seq` and line end — values (all columns but `seq`) separated by tabs, null as \N,
 * and a backslash, tab, newline or carriage return in a value escaped with a backslash. PostgreSQL
 * takes it as it is; SQLite splits it. One string per record instead of an object graph is what
 * keeps the threads' garbage collectors and the structured clone between them cheap.
 */
const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }
const copyUnescapes: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r' }
const needsEscape = /[\\\t\n\r]/

export function encodeStageRow(values: ReadonlyArray<string | number | null | undefined>): string {
  if (values.length !== stageColumns.length - 1) throw new Error(`stage row: ${values.length} values for ${stageColumns.length - 1} columns`)
  let out = ''
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (i > 0) out += '\t'
    if (v === null || v === undefined) out += '\\N'
    else if (typeof v === 'number') out += v
    else out += needsEscape.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c]!) : v
  }
  return out
}

/** The row as a line of COPY text. */
export function stageRowCopyLine(row: string, seq: number): string {
  return `${seq}\t${row}\n`
}

/** The row's values for the stage, `seq` first. */
export function decodeStageRow(row: string, seq: number): StageValue[] {
  const values: StageValue[] = row.split('\t')
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string
    if (v === '\\N') values[i] = null
    else if (v.includes('\\')) values[i] = v.replace(/\\(.)/g, (_, c: string) => copyUnescapes[c] ?? c)
  }
  values.unshift(seq)
  return values
}

export function stageTables(dialect: Dialect): string[] {
  const text = stageColumns.map((c) => `${c} ${c === 'seq' ? 'integer primary key' : c === 'row_number' ? 'integer' : 'text'}`).join(', ')
  // created: the row's subject was created by this round (relink).
  const link = 'seq integer primary key, subject_id bigint, record_id bigint, current_version integer, current_version_id bigint, current_hash text, current_batch_id bigint, created integer'
  // The names the rows give their known subjects, compared when the batch ends (heldNameCandidates).
  const names = 'row_number integer, subject_id bigint, name text'
  // New records' standing facts, held until the batch ends (projectHeldStanding).
  const facts = `subject_id bigint, record_id ${dialect === 'sqlite' ? 'integer primary key' : 'bigint'}, category text, department_id bigint, status text, decision_date text, publication_date text, valid_from text, valid_to text, publicity_end text, fields text`
  return dialect === 'sqlite'
    ? [`create temp table if not exists xy_stage (${text})`, `create temp table if not exists xy_stage_link (${link})`, `create temp table if not exists xy_facts (${facts})`, `create temp table if not exists xy_names (${names})`]
    : // Dropped with the batch's transaction, whatever its end.
      [`create temp table xy_stage (${text}) on commit drop`, `create temp table xy_stage_link (${link}) on commit drop`, `create temp table xy_facts (${facts}) on commit drop`, `create temp table xy_names (${names}) on commit drop`]
}

// The subject a staged row is about: a person by the lookup hash of the identity number; an
// organisation by its USCC, else by a legacy code it carries. On SQLite the lookup is named: the
// planner would take the unique (value, scheme) index and read each match's row for its subject.
const byValue = (dialect: Dialect, column: string, scheme: string) =>
  `(select i.subject_id from subject_identifiers i${dialect === 'sqlite' ? ' indexed by subject_identifiers_lookup' : ''} where i.value = s.${column} and i.scheme = '${scheme}')`
const subjectOf = (dialect: Dialect) => `case when s.person_hash is not null
  then (select i.subject_id from subject_identifiers i where i.value_hash = s.person_hash and i.scheme = s.person_scheme)
  else coalesce(${byValue(dialect, 'uscc', 'uscc')}, ${byValue(dialect, 'registration_number', 'registration_number')}, ${byValue(dialect, 'org_code', 'org_code')}) end`

const changed = 'l.record_id is not null and l.current_hash <> s.content_hash'
const staged = 'xy_stage s join xy_stage_link l on l.seq = s.seq'

/** SQL with `:name` parameters; `compile` turns it into the dialect's form. */
export const stagedSql = {
  clear: ['delete from xy_stage', 'delete from xy_stage_link'],
  classify: (dialect: Dialect) => `insert into xy_stage_link (seq, subject_id, record_id, current_version, current_version_id, current_hash, current_batch_id)
    select s.seq, ${subjectOf(dialect)}, r.id, r.current_version, r.current_version_id, r.current_hash, r.current_batch_id
    from xy_stage s left join records r on r.category = cast(:category as text) and r.business_key = s.business_key`,
  unlinked: `select s.seq, s.subject_kind, s.subject_name, s.uscc, s.org_code, s.registration_number, s.legal_representative, s.person_scheme, s.person_hash, s.person_ciphertext, s.person_masked
    from ${staged} where l.subject_id is null order by s.seq`,
  relink: (dialect: Dialect) => `update xy_stage_link set subject_id = (select ${subjectOf(dialect)} from xy_stage s where s.seq = xy_stage_link.seq), created = 1 where subject_id is null`,
  /**
   * The names rows give subjects known before their round, held until the batch ends: comparing
   * them then, in subject order, reads each subject's row once, in order, instead of one random read
   * per row as the rounds go.
   */
  holdNames: `insert into xy_names (row_number, subject_id, name) select s.row_number, l.subject_id, s.subject_name from ${staged} where l.created is null`,
  indexHeldNames: 'create index xy_names_subject on xy_names (subject_id, row_number, name)',
  /** The next held rows, in subject and row order, whose name is neither the subject's name nor one of its recorded names, exactly. */
  heldNameCandidates: `select h.row_number, h.name, h.subject_id from xy_names h join subjects sub on sub.id = h.subject_id
    where (h.subject_id > cast(:subject as bigint) or (h.subject_id = cast(:subject as bigint) and h.row_number > cast(:row as integer))) and h.name <> sub.name
      and not exists (select 1 from subject_names n where n.subject_id = h.subject_id and n.name = h.name)
    order by h.subject_id, h.row_number limit cast(:limit as integer)`,
  outcome: `select
      coalesce(sum(case when l.record_id is null then 1 else 0 end), 0) as fresh,
      coalesce(sum(case when l.record_id is not null and l.current_hash = s.content_hash then 1 else 0 end), 0) as unchanged,
      coalesce(sum(case when ${changed} then 1 else 0 end), 0) as revised,
      coalesce(sum(case when s.status = 'revoked' and (l.record_id is null or l.current_hash <> s.content_hash) then 1 else 0 end), 0) as revoked
    from ${staged}`,
  /** Rows whose record was already written by this batch: the same key twice in one file. */
  repeated: `select s.row_number, s.business_key from ${staged} where l.current_batch_id = cast(:batch as bigint) order by s.seq`,
  insertRecords: `insert into records (id, category, subject_id, business_key, current_version_id, current_version, current_hash, current_fingerprint, current_batch_id, department_id, status, created_at, updated_at)
    select cast(:recordBase as bigint) + s.seq, cast(:category as text), l.subject_id, s.business_key, cast(:versionBase as bigint) + s.seq, 1, s.content_hash, s.fingerprint,
      cast(:batch as bigint), cast(:department as bigint), s.status, cast(:at as text), cast(:at as text)
    from ${staged} where l.record_id is null order by s.seq`,
  insertVersions: (dialect: Dialect) => `insert into record_versions (id, record_id, version, payload, content_hash, decision_date, publication_date, valid_from, valid_to, publicity_end, status, department_id, batch_id, source_row, submitted_by, received_at, catalog_version, file_hash)
    select cast(:versionBase as bigint) + s.seq, coalesce(l.record_id, cast(:recordBase as bigint) + s.seq), coalesce(l.current_version + 1, 1),
      ${dialect === 'postgres' ? 'cast(s.payload as jsonb)' : 's.payload'}, s.content_hash, s.decision_date, s.publication_date, s.valid_from, s.valid_to, s.publicity_end, s.status,
      cast(:department as bigint), cast(:batch as bigint), s.row_number, cast(:submittedBy as text), cast(:at as text), cast(:catalogVersion as integer), cast(:fileHash as text)
    from ${staged} where l.record_id is null or l.current_hash <> s.content_hash order by s.seq`,
  supersede: `update record_versions set status = 'superseded' where id in (select l.current_version_id from ${staged} where ${changed})`,
  advanceRecords: `update records set current_version_id = cast(:versionBase as bigint) + x.seq, current_version = x.current_version + 1, current_hash = x.content_hash,
      current_fingerprint = x.fingerprint, current_batch_id = cast(:batch as bigint), status = x.status, updated_at = cast(:at as text)
    from (select s.seq, l.record_id, l.current_version, s.content_hash, s.fingerprint, s.status from ${staged} where ${changed}) x
    where records.id = x.record_id`,
  /**
   * Revised records' facts, from each record's current version (after advanceRecords): a revision
   * keeps its record's subject and department.
   */
  projectRevisedStanding: (dialect: Dialect) => projectStandingSql(dialect, `r.id in (select l.record_id from ${staged} where ${changed})`),
  /**
   * New records' facts straight from the stage, whose fields the validating thread narrowed with the
   * keys standing_items holds (RecordWriter.standingKeys): a new record's subject,
   * department, status and dates are the staged row's, and a collected version has no tier. They are
   * held in xy_facts and written when the batch ends, in subject order, so that standing_facts (keyed
   * by subject) takes them as one ordered pass instead of a random insert per record.
   */
  holdFreshStanding: `insert into xy_facts (${heldFactColumns.join(', ')})
    select l.subject_id, cast(:recordBase as bigint) + s.seq, cast(:category as text), cast(:department as bigint), s.status,
      s.decision_date, s.publication_date, s.valid_from, s.valid_to, s.publicity_end, s.standing_fields
    from ${staged} where l.record_id is null and s.standing_fields is not null`,
  /** A record this batch created and now revises: its held fact is stale (projectRevisedStanding writes the new one). */
  dropRevisedHeldStanding: `delete from xy_facts where record_id in (select l.record_id from ${staged} where ${changed})`,
  projectHeldStanding: (dialect: Dialect) => `insert into standing_facts (${heldFactColumns.join(', ')}, tier)
    select ${heldFactColumns.map((c) => (c === 'fields' && dialect === 'postgres' ? 'cast(fields as jsonb)' : c)).join(', ')}, null from xy_facts order by subject_id, record_id`,
}

/**
 * On SQLite a statement that writes many rows and may fail midway keeps a statement journal — a copy
 * of every page it touches first — so that a failure undoes only that statement. A batch never
 * needs that: any failure rolls back its whole transaction. OR FAIL stops at the failing row
 * without the journal (1M rows: the records insert 15.2 → 9.8 s). An upsert keeps its own conflict
 * handling.
 */
const withoutStatementJournal = (sql: string) =>
  sql.includes('on conflict') ? sql : sql.replace(/^(\s*)insert into /, '$1insert or fail into ').replace(/^(\s*)update (\w+) set /, '$1update or fail $2 set ')

/**
 * `:name` parameters → `$1…` and a value list (PostgreSQL), or `@name` and an object (better-sqlite3,
 * with withoutStatementJournal). Only the parameters a statement uses are bound: PostgreSQL refuses
 * extra ones.
 */
export function compile(dialect: Dialect, sql: string, params: Record<string, StageValue> = {}): { text: string; values: StageValue[] | Record<string, StageValue> } {
  if (dialect === 'sqlite') {
    const used: Record<string, StageValue> = {}
    const text = withoutStatementJournal(sql).replace(/(?<![:\w]):([a-zA-Z]\w*)/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`staged SQL: no value for :${name}`)
      used[name] = params[name]!
      return `@${name}`
    })
    return { text, values: used }
  }
  const order: string[] = []
  const text = sql.replace(/(?<![:\w]):([a-zA-Z]\w*)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`staged SQL: no value for :${name}`)
    let i = order.indexOf(name)
    if (i < 0) i = order.push(name) - 1
    return `$${i + 1}`
  })
  return { text, values: order.map((n) => params[n]!) }
}

/** A staged row whose subject is not known yet: what is needed to register it. */
export interface UnlinkedRow {
  seq: number
  subject_kind: string
  subject_name: string
  uscc: string | null
  org_code: string | null
  registration_number: string | null
  legal_representative: string | null
  person_scheme: string | null
  person_hash: string | null
  person_ciphertext: string | null
  person_masked: string | null
}

export interface StagedOutcome {
  /** Rows with a key not stored before: new records. */
  fresh: number
  unchanged: number
  /** Rows with a stored key and new content: new versions. */
  revised: number
  /** Of the fresh and revised rows, those that revoke their record. */
  revoked: number
}

export interface StagedWrite {
  category: string
  batchId: number
  departmentId: number
  submittedBy: string
  at: string
  catalogVersion: number
  fileHash: string | null
  /** First ids of the round's ranges (see reserveRange). */
  recordBase: number
  versionBase: number
}

export function writeParams(w: StagedWrite): Record<string, StageValue> {
  return {
    category: w.category,
    batch: w.batchId,
    department: w.departmentId,
    submittedBy: w.submittedBy,
    at: w.at,
    catalogVersion: w.catalogVersion,
    fileHash: w.fileHash,
    recordBase: w.recordBase,
    versionBase: w.versionBase,
  }
}
