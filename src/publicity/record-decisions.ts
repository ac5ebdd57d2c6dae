/**
 * Decisions taken about a record after it was collected. They end or withdraw its publicity at
 * query time (the rules engine reads them beside the record's dates); they never delete the
 * record, which stays in the subject's own view and the archive (河南条例 Art. 19, 44).
 */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import { preparedQuery } from '../db/prepared-query.ts'
import type { Read } from '../db/read-together.ts'

export const decisionKinds = [
  /** An approved credit repair (信用修复): publicity ends at once (国办发〔2025〕22号). */
  'repaired',
  /** Archived (转为档案保存): at the subject's request after the period, or at the ceiling. */
  'archived',
  /** Deleted on an objection's outcome: shown to no one but the subject, the provider and the office. */
  'deleted',
] as const
export type DecisionKind = (typeof decisionKinds)[number]

export interface RecordDecision {
  id: number
  recordId: number
  subjectId: number
  kind: DecisionKind
  /** ISO instant from which it takes effect. */
  effectiveAt: string
  /** The legal basis or reason, in Chinese. */
  basis: string
  /** What made it: 'repair', 'objection', 'archive_request', … and that case's id. */
  sourceType: string
  sourceId: string
  /** actorRef of who decided, 'type:id'. */
  decidedBy: string
}

export type NewRecordDecision = Omit<RecordDecision, 'id'>

export async function appendDecision(trx: Kysely<Tables>, decision: NewRecordDecision, createdAt: string): Promise<number> {
  const row = await trx
    .insertInto('record_decisions')
    .values({
      record_id: decision.recordId,
      subject_id: decision.subjectId,
      kind: decision.kind,
      effective_at: decision.effectiveAt,
      basis: decision.basis,
      source_type: decision.sourceType,
      source_id: decision.sourceId,
      decided_by: decision.decidedBy,
      created_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/** The decisions about these records, oldest first. */
export async function decisionsOf(db: Kysely<Tables>, recordIds: readonly number[]): Promise<RecordDecision[]> {
  if (recordIds.length === 0) return []
  const rows = await db.selectFrom('record_decisions').selectAll().where('record_id', 'in', [...recordIds]).orderBy('record_id').orderBy('effective_at').orderBy('id').execute()
  return rows.map((r) => ({
    id: Number(r.id),
    recordId: Number(r.record_id),
    subjectId: Number(r.subject_id),
    kind: r.kind as DecisionKind,
    effectiveAt: r.effective_at,
    basis: r.basis,
    sourceType: r.source_type,
    sourceId: r.source_id,
    decidedBy: r.decided_by,
  }))
}

/** The decisions about every record of a subject, oldest first: one indexed read for a profile. */
const decisionsOfSubjectQuery = preparedQuery((db, subjectId: number) => db.selectFrom('record_decisions').select(['record_id', 'kind', 'effective_at']).where('subject_id', '=', subjectId).orderBy('effective_at').orderBy('id'))

export function decisionsOfSubject(db: Kysely<Tables>, subjectId: number): Read<Array<Pick<RecordDecision, 'recordId' | 'kind' | 'effectiveAt'>>> {
  return {
    query: decisionsOfSubjectQuery.bind(db, subjectId),
    map: (rows: Array<{ record_id: number; kind: string; effective_at: string }>) => rows.map((r) => ({ recordId: Number(r.record_id), kind: r.kind as DecisionKind, effectiveAt: r.effective_at })),
  }
}

/** Groups decisions by record (the shape the publicity assessment takes). */
export function decisionsByRecord<T extends { recordId: number }>(decisions: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>()
  for (const d of decisions) {
    const list = out.get(d.recordId)
    if (list) list.push(d)
    else out.set(d.recordId, [d])
  }
  return out
}
