/**
 * What the change feed must still be told about one record: the end of its window and the day it
 * is archived, each announced once. Pure. A record withdrawn by its status or a decision has nothing
 * left to announce (whoever withdrew it announced that); a window that re-opens (a new version with
 * a later end) is announced again when it closes.
 */
import type { PublicityAssessment } from './assess-publicity.ts'
import type { ScheduleRow } from './publicity.repository.ts'

export type DueKind = 'ended' | 'archived'

export interface Plan {
  row: ScheduleRow
  /** Announcements due today or earlier, in the order they happened. */
  due: Array<{ kind: DueKind; on: string }>
}

const announced = new Set<PublicityAssessment['state']>(['shown', 'not_started', 'ended', 'archived'])

export function planRecord(record: { recordId: number; subjectId: number; category: string }, a: PublicityAssessment, existing: ScheduleRow | undefined, today: string): Plan {
  const open = !a.withdrawn && announced.has(a.state)
  let endedFor = existing?.endedFor ?? null
  let archivedFor = existing?.archivedFor ?? null
  let endsOn = open && a.end !== null && a.end !== endedFor ? a.end : null
  let archivesOn = open && a.ceiling !== null && a.ceiling !== archivedFor ? a.ceiling : null
  const due: Plan['due'] = []
  if (endsOn !== null && endsOn <= today) {
    due.push({ kind: 'ended', on: endsOn })
    endedFor = endsOn
    endsOn = null
  }
  if (archivesOn !== null && archivesOn <= today) {
    due.push({ kind: 'archived', on: archivesOn })
    archivedFor = archivesOn
    archivesOn = null
  }
  return { row: { ...record, endsOn, archivesOn, endedFor, archivedFor, ruleSetVersion: a.ruleSetVersion }, due }
}
