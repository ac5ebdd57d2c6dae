/** SQL of credit checks: the check, its per-subject results (written in bulk), feedback, overdue and statistics reads. */
import { CompiledQuery, sql, type Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { BulkTransaction } from '../db/bulk-transaction.ts'
import type { BulkValue } from '../db/bulk-load.ts'
import { preparedQuery } from '../db/prepared-query.ts'
import { QUERY_LOG_COLUMNS } from '../security/query-log.ts'
import type { MeasureStatement } from './check-result.ts'

export interface CheckRow {
  id: number
  matter: string
  purpose: string
  departmentId: number | null
  departmentCode: string | null
  actorType: string
  actorId: string
  channel: string
  at: string
  checkedOn: string
  subjects: number
  found: number
  hits: number
  feedbackDueOn: string | null
  feedbackCount: number
  lastFeedbackAt: string | null
  /** The measures the check applied, in its own wording (check-result.ts). */
  measures: MeasureStatement[]
}

export interface ResultRow {
  position: number
  code: string
  subjectId: number | null
  hit: boolean
  outcome: string | null
}

export interface NewFeedbackRow {
  position: number
  subjectId: number | null
  measures: string[]
  outcome: string
  reason: string | null
  amount: string | null
  note: string | null
}

// Every check writes one: built and compiled once.
const insertCheckRow = preparedQuery((db, matter: string, purpose: string, departmentId: number | null, actorType: string, actorId: string, channel: string, at: string, checkedOn: string, subjects: number, found: number, hits: number, feedbackDueOn: string | null, measures: string) =>
  db
    .insertInto('credit_checks')
    .values({ matter, purpose, department_id: departmentId, actor_type: actorType, actor_id: actorId, channel, at, checked_on: checkedOn, subjects, found, hits, feedback_due_on: feedbackDueOn, last_feedback_at: null, measures })
    .returning('id'),
)

type NewCheck = Omit<CheckRow, 'id' | 'departmentCode' | 'feedbackCount' | 'lastFeedbackAt'>

const resultColumns = ['position', 'code', 'subject_id', 'hit', 'outcome'] as const
const resultValues = (r: ResultRow): BulkValue[] => [r.position, r.code, r.subjectId, r.hit ? 1 : 0, r.outcome]

/** Up to 100,000 rows in the check's transaction (bulk-transaction.ts). */
export async function insertResults(tx: BulkTransaction, checkId: number, results: readonly ResultRow[]): Promise<void> {
  await tx.insertRows('credit_check_results', ['check_id', ...resultColumns], results.map((r) => [checkId, ...resultValues(r)]))
}

/** Checks with no more answers and log entries than this are stored in one statement on PostgreSQL. */
export const ONE_STATEMENT_AT_MOST = 64

/**
 * A small check on PostgreSQL, stored as one statement: the check, its results (referring to it
 * through the CTE) and the query-log entries of its reads — one round trip where a transaction of
 * begin, three inserts and commit takes five, and atomic as every statement is.
 */
export async function insertSmallCheck(db: Kysely<Tables>, c: NewCheck, results: readonly ResultRow[], logRows: readonly BulkValue[][]): Promise<number> {
  const values: unknown[] = []
  const bind = (v: unknown) => `$${values.push(v)}`
  const tuple = (row: readonly unknown[]) => `(${row.map(bind).join(', ')})`
  const check = tuple([c.matter, c.purpose, c.departmentId, c.actorType, c.actorId, c.channel, c.at, c.checkedOn, c.subjects, c.found, c.hits, c.feedbackDueOn, JSON.stringify(c.measures)])
  const parts = [`c as (insert into credit_checks (matter, purpose, department_id, actor_type, actor_id, channel, at, checked_on, subjects, found, hits, feedback_due_on, measures) values ${check} returning id)`]
  if (results.length) {
    const rows = results.map((r) => `((select id from c), ${resultValues(r).map(bind).join(', ')})`)
    parts.push(`r as (insert into credit_check_results (check_id, ${resultColumns.join(', ')}) values ${rows.join(', ')})`)
  }
  if (logRows.length) parts.push(`l as (insert into query_log (${QUERY_LOG_COLUMNS.join(', ')}) values ${logRows.map(tuple).join(', ')})`)
  const { rows } = await db.executeQuery<{ id: number }>(CompiledQuery.raw(`with ${parts.join(', ')} select id from c`, values))
  return Number(rows[0]!.id)
}

export function creditCheckRepository(db: Kysely<Tables>) {
  const checkColumns = [
    'c.id',
    'c.matter',
    'c.purpose',
    'c.department_id',
    'd.code as department_code',
    'c.actor_type',
    'c.actor_id',
    'c.channel',
    'c.at',
    'c.checked_on',
    'c.subjects',
    'c.found',
    'c.hits',
    'c.feedback_due_on',
    'c.feedback_count',
    'c.last_feedback_at',
    'c.measures',
  ] as const
  const toCheck = (r: {
    id: number
    matter: string
    purpose: string
    department_id: number | null
    department_code: string | null
    actor_type: string
    actor_id: string
    channel: string
    at: string
    checked_on: string
    subjects: number
    found: number
    hits: number
    feedback_due_on: string | null
    feedback_count: number
    last_feedback_at: string | null
    measures: string
  }): CheckRow => ({
    id: Number(r.id),
    matter: r.matter,
    purpose: r.purpose,
    departmentId: r.department_id === null ? null : Number(r.department_id),
    departmentCode: r.department_code,
    actorType: r.actor_type,
    actorId: r.actor_id,
    channel: r.channel,
    at: r.at,
    checkedOn: r.checked_on,
    subjects: Number(r.subjects),
    found: Number(r.found),
    hits: Number(r.hits),
    feedbackDueOn: r.feedback_due_on,
    feedbackCount: Number(r.feedback_count),
    lastFeedbackAt: r.last_feedback_at,
    measures: JSON.parse(r.measures) as MeasureStatement[],
  })
  const checks = () => db.selectFrom('credit_checks as c').leftJoin('departments as d', 'd.id', 'c.department_id').select(checkColumns)

  return {
    async insertCheck(c: NewCheck): Promise<number> {
      const [row] = await insertCheckRow(db, c.matter, c.purpose, c.departmentId, c.actorType, c.actorId, c.channel, c.at, c.checkedOn, c.subjects, c.found, c.hits, c.feedbackDueOn, JSON.stringify(c.measures))
      return Number(row!.id)
    },

    async findCheck(id: number): Promise<CheckRow | undefined> {
      const r = await checks().where('c.id', '=', id).executeTakeFirst()
      return r && toCheck(r)
    },

    async results(checkId: number, page: { afterPosition: number; limit: number; hitsOnly: boolean }): Promise<ResultRow[]> {
      let q = db.selectFrom('credit_check_results').select(['position', 'code', 'subject_id', 'hit', 'outcome']).where('check_id', '=', checkId).where('position', '>', page.afterPosition)
      if (page.hitsOnly) q = q.where('hit', '=', 1)
      const rows = await q.orderBy('position').limit(page.limit).execute()
      return rows.map((r) => ({ position: r.position, code: r.code, subjectId: r.subject_id === null ? null : Number(r.subject_id), hit: Number(r.hit) === 1, outcome: r.outcome }))
    },

    async resultsByCode(checkId: number, codes: readonly string[]): Promise<ResultRow[]> {
      const out: ResultRow[] = []
      for (let i = 0; i < codes.length; i += 1000) {
        const rows = await db.selectFrom('credit_check_results').select(['position', 'code', 'subject_id', 'hit', 'outcome']).where('check_id', '=', checkId).where('code', 'in', codes.slice(i, i + 1000)).orderBy('position').execute()
        for (const r of rows) out.push({ position: r.position, code: r.code, subjectId: r.subject_id === null ? null : Number(r.subject_id), hit: Number(r.hit) === 1, outcome: r.outcome })
      }
      return out
    },

    async insertFeedback(checkId: number, rows: readonly NewFeedbackRow[], by: { departmentId: number | null; actorType: string; actorId: string; at: string }): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('credit_check_feedback')
          .values(
            rows.slice(i, i + 500).map((f) => ({
              check_id: checkId,
              position: f.position,
              subject_id: f.subjectId,
              measures: JSON.stringify(f.measures),
              outcome: f.outcome,
              reason: f.reason,
              amount: f.amount,
              note: f.note,
              department_id: by.departmentId,
              actor_type: by.actorType,
              actor_id: by.actorId,
              at: by.at,
            })),
          )
          .execute()
      }
      await db
        .updateTable('credit_checks')
        .set({ feedback_count: sql`feedback_count + ${rows.length}`, last_feedback_at: by.at })
        .where('id', '=', checkId)
        .execute()
    },

    async feedbackOf(checkId: number): Promise<Array<NewFeedbackRow & { at: string; actorId: string }>> {
      const rows = await db.selectFrom('credit_check_feedback').selectAll().where('check_id', '=', checkId).orderBy('id').execute()
      return rows.map((r) => ({
        position: r.position,
        subjectId: r.subject_id === null ? null : Number(r.subject_id),
        measures: JSON.parse(r.measures) as string[],
        outcome: r.outcome,
        reason: r.reason,
        amount: r.amount,
        note: r.note,
        at: r.at,
        actorId: r.actor_id,
      }))
    },

    /** Newest first; `overdueOn`: only checks with hits and no feedback whose due day is before it. */
    async listChecks(filter: { departmentId?: number; overdueOn?: string; beforeId?: number; limit: number }): Promise<CheckRow[]> {
      let q = checks()
      if (filter.departmentId !== undefined) q = q.where('c.department_id', '=', filter.departmentId)
      if (filter.overdueOn !== undefined) q = q.where('c.feedback_due_on', '<', filter.overdueOn).where('c.hits', '>', 0).where('c.feedback_count', '=', 0)
      if (filter.beforeId !== undefined) q = q.where('c.id', '<', filter.beforeId)
      return (await q.orderBy('c.id', 'desc').limit(filter.limit).execute()).map(toCheck)
    },

    async checkTotals(filter: { departmentId?: number; from?: string; to?: string }): Promise<Array<{ departmentCode: string | null; matter: string; checks: number; subjects: number; hits: number; checksWithHits: number; answered: number }>> {
      let q = db
        .selectFrom('credit_checks as c')
        .leftJoin('departments as d', 'd.id', 'c.department_id')
        .select((eb) => [
          'd.code as department_code',
          'c.matter',
          eb.fn.countAll<number>().as('checks'),
          eb.fn.sum<number>('c.subjects').as('subjects'),
          eb.fn.sum<number>('c.hits').as('hits'),
          eb.fn.sum<number>(sql`case when c.hits > 0 then 1 else 0 end`).as('with_hits'),
          eb.fn.sum<number>(sql`case when c.hits > 0 and c.feedback_count > 0 then 1 else 0 end`).as('answered'),
        ])
      if (filter.departmentId !== undefined) q = q.where('c.department_id', '=', filter.departmentId)
      if (filter.from) q = q.where('c.checked_on', '>=', filter.from)
      if (filter.to) q = q.where('c.checked_on', '<=', filter.to)
      const rows = await q.groupBy(['d.code', 'c.matter']).execute()
      return rows.map((r) => ({ departmentCode: r.department_code, matter: r.matter, checks: Number(r.checks), subjects: Number(r.subjects), hits: Number(r.hits), checksWithHits: Number(r.with_hits), answered: Number(r.answered) }))
    },

    async appliedMeasures(filter: { departmentId?: number; from?: string; to?: string }): Promise<Array<{ departmentCode: string | null; matter: string; measures: string; n: number }>> {
      let q = db
        .selectFrom('credit_check_feedback as f')
        .innerJoin('credit_checks as c', 'c.id', 'f.check_id')
        .leftJoin('departments as d', 'd.id', 'c.department_id')
        .select((eb) => ['d.code as department_code', 'c.matter', 'f.measures', eb.fn.countAll<number>().as('n')])
        .where('f.outcome', '=', 'applied')
      if (filter.departmentId !== undefined) q = q.where('c.department_id', '=', filter.departmentId)
      if (filter.from) q = q.where('c.checked_on', '>=', filter.from)
      if (filter.to) q = q.where('c.checked_on', '<=', filter.to)
      const rows = await q.groupBy(['d.code', 'c.matter', 'f.measures']).execute()
      return rows.map((r) => ({ departmentCode: r.department_code, matter: r.matter, measures: r.measures, n: Number(r.n) }))
    },
  }
}
