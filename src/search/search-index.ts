/**
 * Keeps the search index caught up with the subject tables without adding work to the collection
 * write path: new subjects and subject_names are found by id high-water marks, renamed or changed
 * subjects by the queue the migration's triggers fill.
 *
 * - `indexPending()` indexes everything committed before the call. Collection calls it after a
 *   batch commits; seeding and benchmarks after a bulk load.
 * - `refreshBeforeSearch()` runs before every search: one cheap query when nothing is pending;
 *   otherwise it catches up, unless another indexer is already at work (then the search reads the
 *   index as it stands rather than wait).
 */
import { sql } from 'kysely'
import type { Database } from '../db/create-database.ts'
import type { Clock } from '../clock.ts'
import { buildIndex, indexBatch } from './index-batch.ts'
import { pendingSql, type IndexTransaction } from './index-session.ts'
import { sqliteIndexTransaction } from './sqlite-index-session.ts'
import { postgresIndexTransaction } from './postgres-index-session.ts'

export interface IndexReport {
  /** Names added to the index. */
  added: number
  seconds: number
  /** Another indexer held the index; nothing was done. */
  busy: boolean
}

/** Rows read per source per transaction: large enough to amortise, small enough not to hold writers up. */
const BATCH_SIZE = 20_000
/** A batch transaction never stays open this long, so a gap older than this is a lost sequence value. */
const GAP_LIFETIME_MS = 24 * 3600_000

export function createSearchIndex(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps
  const transaction: IndexTransaction = database.dialect === 'sqlite' ? sqliteIndexTransaction(database) : postgresIndexTransaction(database)
  let running: Promise<IndexReport> | undefined

  async function catchUp(wait: boolean): Promise<IndexReport> {
    const started = performance.now()
    let added = 0
    for (;;) {
      const now = clock.now()
      const options = { batchSize: BATCH_SIZE, now: now.toISOString(), gapsExpireBefore: new Date(now.getTime() - GAP_LIFETIME_MS).toISOString() }
      const outcome = await transaction(wait, async (session) => ((await session.isEmpty()) ? buildIndex(session, options) : indexBatch(session, options)))
      if (outcome.busy) return { added, seconds: (performance.now() - started) / 1000, busy: true }
      added += outcome.value.added
      if (outcome.value.work === 0) return { added, seconds: (performance.now() - started) / 1000, busy: false }
    }
  }

  function start(wait: boolean): Promise<IndexReport> {
    const run = catchUp(wait).finally(() => {
      if (running === run) running = undefined
    })
    running = run
    return run
  }

  async function pending(): Promise<boolean> {
    const { rows } = await sql<{ pending: boolean | number }>`${sql.raw(pendingSql)}`.execute(database.db)
    return rows[0]?.pending === true || rows[0]?.pending === 1
  }

  return {
    /** Indexes every subject and name committed before the call (waits for a running indexer first). */
    async indexPending(): Promise<IndexReport> {
      while (running) await running.catch(() => undefined)
      if (!(await pending())) return { added: 0, seconds: 0, busy: false }
      return start(true)
    },

    /** Catches up before a search when something is pending and no indexer is at work. */
    async refreshBeforeSearch(): Promise<void> {
      if (running || !(await pending())) return
      if (!running) await start(false)
    },

    pending,
  }
}

export type SearchIndex = ReturnType<typeof createSearchIndex>
