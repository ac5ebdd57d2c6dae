/**
 * One transaction of index maintenance, as each store implements it (sqlite-index-session.ts,
 * postgres-index-session.ts). The steps that use it — what to read, in which order, what to
 * write — are the same on both stores and live in index-batch.ts.
 */
import type { IdGap } from './search-gaps.ts'
import type { IndexRow, NameToIndex } from './index-row.ts'

export type IndexSource = 'subjects' | 'subject_names'

/** A name read from the subject tables, with the id it was read by. */
export interface SourceName extends NameToIndex {
  /** subjects.id for a current name, subject_names.id for the others. */
  id: number
}

export interface IndexSession {
  /** PostgreSQL commits sequence values out of order; SQLite admits one writer, so it never does. */
  readonly outOfOrderCommits: boolean
  highWater(): Promise<Record<IndexSource, number>>
  setHighWater(marks: Record<IndexSource, number>): Promise<void>
  /** The oldest queued marks: the subjects and the last mark id taken. */
  takeDirty(limit: number): Promise<{ lastMark: number; subjectIds: number[] }>
  clearDirty(upToMark: number): Promise<void>
  /** Removes every indexed name of the subjects; returns their normalised forms. */
  removeSubjects(subjectIds: number[]): Promise<string[]>
  /** Current names and every subject_names row of the subjects. */
  namesOfSubjects(subjectIds: number[]): Promise<SourceName[]>
  /** Rows of the source with an id above `after`, ascending. */
  readAfter(source: IndexSource, after: number, limit: number): Promise<SourceName[]>
  gaps(source: IndexSource): Promise<Array<IdGap & { id: number; notedAt: string }>>
  /** Rows of the source that have appeared inside its gaps, ascending. */
  readInGaps(source: IndexSource, limit: number): Promise<SourceName[]>
  addGaps(source: IndexSource, gaps: IdGap[], notedAt: string): Promise<void>
  removeGap(id: number): Promise<void>
  expireGaps(notedBefore: string): Promise<void>
  /** Inserts rows, skipping names already indexed; returns the rows added. */
  addRows(rows: IndexRow[]): Promise<IndexRow[]>
  /** Adds to the count of names holding each term (negative to subtract). */
  addTermCounts(deltas: ReadonlyMap<string, number>): Promise<void>
  /** Nothing indexed and nothing read yet: a first build. */
  isEmpty(): Promise<boolean>
  /**
   * Drops the secondary indexes of search_names for a first build (building a b-tree or GIN index
   * from all keys at once is several times faster than inserting them one by one), and makes
   * addRows insert without the duplicate check. Returns the step that recreates them, in the same
   * transaction, so a failed build leaves the schema as it was.
   */
  suspendIndexes(): Promise<() => Promise<void>>
}

/** Runs work in one index transaction; `busy` when `wait` is false and another indexer holds the index. */
export type IndexTransaction = <T>(wait: boolean, work: (session: IndexSession) => Promise<T>) => Promise<{ busy: true } | { busy: false; value: T }>

/**
 * Anything committed that the index has not seen? Indexed max(id) lookups, the dirty queue and
 * the gaps: cheap when nothing is pending. The same SQL on both stores.
 */
export const pendingSql = `select
  coalesce((select max(id) from subjects), 0) > (select high_water from search_progress where source = 'subjects')
  or coalesce((select max(id) from subject_names), 0) > (select high_water from search_progress where source = 'subject_names')
  or exists (select 1 from search_dirty)
  or exists (select 1 from search_gaps g where g.source = 'subjects' and exists (select 1 from subjects s where s.id between g.low and g.high))
  or exists (select 1 from search_gaps g where g.source = 'subject_names' and exists (select 1 from subject_names n where n.id between g.low and g.high))
  as pending`
