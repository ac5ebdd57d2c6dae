/** All SQL about objections and their steps (and the few record facts an objection needs). */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import { preparedQuery } from '../db/prepared-query.ts'
import type { Read } from '../db/read-together.ts'
import { openStates, type ObjectionCase, type ObjectionState, type Outcome } from './objection-machine.ts'
import type { ApplicantRelation, ObjectionNote, ObjectionStep, StoredObjection } from './objection.ts'

type Row = Tables['objections'] & { id: number }

// Every profile asks it, in the same round as the subject's records: built and compiled once.
const markingObjections = preparedQuery((db, subjectId: number) =>
  db
    .selectFrom('objections')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where((eb) => eb.or([eb('state', 'in', [...openStates]), eb('outcome', '=', 'unverifiable')]))
    .orderBy('record_id')
    .orderBy('id'),
)

const noteOf = (o: StoredObjection): ObjectionNote => ({ recordId: o.recordId, objectionId: o.id, receiptNumber: o.receiptNumber, grounds: o.grounds, outcomeNote: o.outcomeNote ?? '', decidedOn: o.case.decidedOn ?? o.updatedAt.slice(0, 10) })

const toObjection = (r: Row): StoredObjection => {
  const detail = JSON.parse(r.detail) as { case: ObjectionCase; powerOfAttorneyId: number | null }
  return {
    id: Number(r.id),
    receiptNumber: r.receipt_number,
    recordId: Number(r.record_id),
    recordVersion: Number(r.record_version),
    subjectId: Number(r.subject_id),
    departmentId: Number(r.department_id),
    applicant: { name: r.applicant_name, contact: r.applicant_contact, relation: r.applicant_relation as ApplicantRelation },
    grounds: r.grounds,
    state: r.state as ObjectionState,
    outcome: r.outcome as Outcome | null,
    outcomeNote: r.outcome_note,
    correctedVersion: r.corrected_version === null ? null : Number(r.corrected_version),
    receivedOn: r.received_on,
    dueOn: r.due_on,
    finalDueOn: r.final_due_on,
    case: detail.case,
    powerOfAttorneyId: detail.powerOfAttorneyId,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export interface ObjectionFilter {
  state?: ObjectionState
  departmentId?: number
  subjectId?: number
  /** Only cases whose running deadline is before this day. */
  overdueOn?: string
  limit: number
  beforeId?: number
}

export function objectionRepository(db: Kysely<Tables>) {
  return {
    async recordFacts(recordId: number): Promise<{ id: number; subjectId: number; departmentId: number; currentVersion: number } | undefined> {
      const r = await db.selectFrom('records').select(['id', 'subject_id', 'department_id', 'current_version']).where('id', '=', recordId).executeTakeFirst()
      return r && { id: Number(r.id), subjectId: Number(r.subject_id), departmentId: Number(r.department_id), currentVersion: Number(r.current_version) }
    },

    async countReceivedOn(day: string): Promise<number> {
      const r = await db.selectFrom('objections').select((eb) => eb.fn.countAll<number>().as('n')).where('received_on', '=', day).executeTakeFirstOrThrow()
      return Number(r.n)
    },

    async openOn(recordId: number): Promise<boolean> {
      const r = await db.selectFrom('objections').select('id').where('record_id', '=', recordId).where('state', 'in', [...openStates]).limit(1).executeTakeFirst()
      return r !== undefined
    },

    async insert(o: Omit<Tables['objections'], 'id'>): Promise<number> {
      const r = await db.insertInto('objections').values(o).returning('id').executeTakeFirstOrThrow()
      return Number(r.id)
    },

    /** Writes the new state only if nobody moved the case meanwhile. */
    async update(id: number, fromState: ObjectionState, o: Pick<Tables['objections'], 'state' | 'detail' | 'outcome' | 'outcome_note' | 'corrected_version' | 'due_on' | 'final_due_on' | 'updated_at'>): Promise<boolean> {
      const r = await db.updateTable('objections').set(o).where('id', '=', id).where('state', '=', fromState).executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async addStep(s: Omit<Tables['objection_steps'], 'id'>): Promise<void> {
      await db.insertInto('objection_steps').values(s).execute()
    },

    async find(id: number): Promise<StoredObjection | undefined> {
      const r = await db.selectFrom('objections').selectAll().where('id', '=', id).executeTakeFirst()
      return r && toObjection(r as Row)
    },

    async findByReceipt(receiptNumber: string): Promise<{ objection: StoredObjection; tokenHash: string } | undefined> {
      const r = await db.selectFrom('objections').selectAll().where('receipt_number', '=', receiptNumber).executeTakeFirst()
      return r && { objection: toObjection(r as Row), tokenHash: r.access_token_hash }
    },

    async steps(id: number): Promise<ObjectionStep[]> {
      const rows = await db.selectFrom('objection_steps').selectAll().where('objection_id', '=', id).orderBy('id').execute()
      return rows.map((s) => ({ id: Number(s.id), action: s.action, fromState: s.from_state as ObjectionState | null, toState: s.to_state as ObjectionState, actorType: s.actor_type, actorId: s.actor_id, note: s.note, at: s.at }))
    },

    async list(f: ObjectionFilter): Promise<StoredObjection[]> {
      let q = db.selectFrom('objections').selectAll()
      if (f.state) q = q.where('state', '=', f.state)
      if (f.departmentId !== undefined) q = q.where('department_id', '=', f.departmentId)
      if (f.subjectId !== undefined) q = q.where('subject_id', '=', f.subjectId)
      if (f.overdueOn !== undefined) q = q.where('due_on', '<', f.overdueOn)
      if (f.beforeId !== undefined) q = q.where('id', '<', f.beforeId)
      const rows = await q.orderBy('id', 'desc').limit(f.limit).execute()
      return rows.map((r) => toObjection(r as Row))
    },

    /** Cases with a deadline running (for reminders and escalation). */
    async running(): Promise<StoredObjection[]> {
      const rows = await db.selectFrom('objections').selectAll().where('due_on', 'is not', null).where('state', 'in', [...openStates]).orderBy('id').execute()
      return rows.map((r) => toObjection(r as Row))
    },

    /** A subject's records under objection and its unverifiable outcomes, in one read (on objections_subject). */
    markingSubject: (subjectId: number): Read<{ open: number[]; notes: ObjectionNote[] }> => ({
      query: markingObjections.bind(db, subjectId),
      map(rows: Row[]) {
        const open: number[] = []
        const notes: ObjectionNote[] = []
        for (const r of rows) {
          const o = toObjection(r)
          if (openStates.includes(o.state)) open.push(o.recordId)
          if (o.outcome === 'unverifiable') notes.push(noteOf(o))
        }
        return { open, notes }
      },
    }),
  }
}
