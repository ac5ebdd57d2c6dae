/**
 * One step of catching the index up, the same on both stores: subjects queued by the triggers
 * (renamed, re-kinded, moved, deregistered, removed) are indexed afresh; then subjects and
 * subject_names added since the high-water marks; then rows that appeared inside remembered gaps.
 * The count of names holding each term moves with the rows, in the same transaction.
 */
import { nameTerms } from '../subjects/subject-name.ts'
import { gapsAmong, splitGap } from './search-gaps.ts'
import { indexRow, type IndexRow } from './index-row.ts'
import type { IndexSession, IndexSource, SourceName } from './index-session.ts'

export interface BatchOutcome {
  /** Rows read or marks taken: 0 means the index is caught up. */
  work: number
  /** Names added to the index. */
  added: number
}

export interface BatchOptions {
  batchSize: number
  now: string
  gapsExpireBefore: string
}

const sources: IndexSource[] = ['subjects', 'subject_names']

function count(deltas: Map<string, number>, terms: readonly string[], by: number): void {
  for (const t of terms) deltas.set(t, (deltas.get(t) ?? 0) + by)
}

/**
 * One batch. `deltas` collects term-count changes; without it the batch writes its own. `dirty`
 * false leaves the queue alone (see buildIndex).
 */
export async function indexBatch(s: IndexSession, options: BatchOptions & { dirty?: boolean; deltas?: Map<string, number> }): Promise<BatchOutcome> {
  const rows: IndexRow[] = []
  const deltas = options.deltas ?? new Map<string, number>()
  const take = (names: SourceName[]) => {
    for (const n of names) {
      const row = indexRow(n)
      if (row) rows.push(row)
    }
  }
  let work = 0

  const dirty = options.dirty === false ? { lastMark: 0, subjectIds: [] } : await s.takeDirty(options.batchSize)
  if (dirty.subjectIds.length) {
    const ids = [...new Set(dirty.subjectIds)]
    for (const normalized of await s.removeSubjects(ids)) count(deltas, nameTerms(normalized), -1)
    take(await s.namesOfSubjects(ids))
    await s.clearDirty(dirty.lastMark)
    work += dirty.subjectIds.length
  }

  const marks = await s.highWater()
  if (s.outOfOrderCommits) {
    await s.expireGaps(options.gapsExpireBefore)
    for (const source of sources) {
      const found = await s.readInGaps(source, options.batchSize)
      if (!found.length) continue
      take(found)
      work += found.length
      const ids = found.map((f) => f.id)
      for (const gap of await s.gaps(source)) {
        const pieces = splitGap(gap, ids)
        if (pieces.length === 1 && pieces[0]!.low === gap.low && pieces[0]!.high === gap.high) continue
        await s.removeGap(gap.id)
        await s.addGaps(source, pieces, gap.notedAt)
      }
    }
  }
  for (const source of sources) {
    const fresh = await s.readAfter(source, marks[source], options.batchSize)
    if (!fresh.length) continue
    take(fresh)
    work += fresh.length
    const ids = fresh.map((f) => f.id)
    if (s.outOfOrderCommits) await s.addGaps(source, gapsAmong(marks[source], ids), options.now)
    marks[source] = ids.at(-1)!
  }

  const added = await s.addRows(rows)
  for (const row of added) count(deltas, row.terms, 1)
  if (!options.deltas) await s.addTermCounts(deltas)
  if (work) await s.setHighWater(marks)
  return { work, added: added.length }
}

/**
 * A first build, in one transaction: the secondary indexes are dropped, every subject and name is
 * read and added, term counts are written once, and the indexes are built at the end. Queued
 * subjects are left for the next batch: re-adding them now could add a name twice while the
 * duplicate check is off.
 */
export async function buildIndex(s: IndexSession, options: BatchOptions): Promise<BatchOutcome> {
  const restore = await s.suspendIndexes()
  const deltas = new Map<string, number>()
  const total: BatchOutcome = { work: 0, added: 0 }
  for (;;) {
    const outcome = await indexBatch(s, { ...options, dirty: false, deltas })
    total.work += outcome.work
    total.added += outcome.added
    if (outcome.work === 0) break
  }
  await s.addTermCounts(deltas)
  await restore()
  return total
}
