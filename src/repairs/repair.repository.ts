/** All SQL about credit repair applications and their steps. */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { OptionalRepairStep, RepairState } from './repair-machine.ts'
import type { ApplicantRelation, Repair, RepairStep } from './repair.ts'

type RepairRow = Tables['repairs'] & { id: number; department_code: string; department_name: string }

const toRepair = (r: RepairRow): Repair => ({
  id: Number(r.id),
  receiptNumber: r.receipt_number,
  recordId: Number(r.record_id),
  subjectId: Number(r.subject_id),
  department: { id: Number(r.department_id), code: r.department_code, name: r.department_name },
  applicant: { name: r.applicant_name, contact: r.applicant_contact, relation: r.applicant_relation as ApplicantRelation, powerOfAttorney: r.power_of_attorney },
  commitment: { text: r.commitment_text, signedAt: r.commitment_signed_at },
  obligations: { statement: r.obligations_statement, evidence: JSON.parse(r.obligations_evidence) as string[] },
  state: r.state as RepairState,
  materialsMissing: r.materials_missing === null ? null : (JSON.parse(r.materials_missing) as string[]),
  requiredSteps: JSON.parse(r.required_steps) as OptionalRepairStep[],
  completedSteps: JSON.parse(r.completed_steps) as OptionalRepairStep[],
  receivedOn: r.received_on,
  feedbackDueOn: r.feedback_due_on,
  acceptedOn: r.accepted_on,
  decisionDueOn: r.decision_due_on,
  dueOn: r.due_on,
  decision: r.decision as Repair['decision'],
  reasons: r.reasons,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export interface NewRepairRow {
  receiptNumber: string
  recordId: number
  subjectId: number
  departmentId: number
  applicant: Repair['applicant']
  commitment: Repair['commitment']
  obligations: Repair['obligations']
  requiredSteps: readonly OptionalRepairStep[]
  receivedOn: string
  feedbackDueOn: string
  accessTokenHash: string
  at: string
}

/** The fields a transition changes. */
export interface RepairChange {
  state: RepairState
  materialsMissing?: string[]
  completedSteps?: readonly OptionalRepairStep[]
  receivedOn?: string
  feedbackDueOn?: string
  acceptedOn?: string
  decisionDueOn?: string
  dueOn: string | null
  decision?: 'approved' | 'rejected'
  reasons?: string
  decidedAt?: string
  decidedBy?: string
  at: string
}

export interface RepairFilter {
  state?: RepairState
  departmentId?: number
  /** Open applications whose earliest deadline is before this date. */
  overdueOn?: string
  limit: number
  beforeId?: number
}

export function repairRepository(db: Kysely<Tables>) {
  const base = () => db.selectFrom('repairs as r').innerJoin('departments as d', 'd.id', 'r.department_id').selectAll('r').select(['d.code as department_code', 'd.name as department_name'])

  return {
    async insert(n: NewRepairRow): Promise<number> {
      const row = await db
        .insertInto('repairs')
        .values({
          receipt_number: n.receiptNumber,
          record_id: n.recordId,
          subject_id: n.subjectId,
          department_id: n.departmentId,
          applicant_name: n.applicant.name,
          applicant_contact: n.applicant.contact,
          applicant_relation: n.applicant.relation,
          power_of_attorney: n.applicant.powerOfAttorney,
          commitment_text: n.commitment.text,
          commitment_signed_at: n.commitment.signedAt,
          obligations_statement: n.obligations.statement,
          obligations_evidence: JSON.stringify(n.obligations.evidence),
          state: 'submitted',
          materials_missing: null,
          required_steps: JSON.stringify(n.requiredSteps),
          completed_steps: '[]',
          received_on: n.receivedOn,
          feedback_due_on: n.feedbackDueOn,
          accepted_on: null,
          decision_due_on: null,
          due_on: n.feedbackDueOn,
          decision: null,
          reasons: null,
          decided_at: null,
          decided_by: null,
          access_token_hash: n.accessTokenHash,
          created_at: n.at,
          updated_at: n.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return Number(row.id)
    },

    async find(id: number): Promise<Repair | undefined> {
      const row = await base().where('r.id', '=', id).executeTakeFirst()
      return row && toRepair(row as RepairRow)
    },

    /** With the token hash, for the applicant's status page. */
    async findByReceipt(receiptNumber: string): Promise<{ repair: Repair; accessTokenHash: string } | undefined> {
      const row = await base().where('r.receipt_number', '=', receiptNumber).executeTakeFirst()
      return row && { repair: toRepair(row as RepairRow), accessTokenHash: row.access_token_hash }
    },

    async findOpenForRecord(recordId: number): Promise<Repair | undefined> {
      const row = await base().where('r.record_id', '=', recordId).where('r.state', 'in', ['submitted', 'materials_requested', 'resubmitted', 'accepted']).executeTakeFirst()
      return row && toRepair(row as RepairRow)
    },

    async list(f: RepairFilter): Promise<Repair[]> {
      let q = base()
      if (f.state) q = q.where('r.state', '=', f.state)
      if (f.departmentId !== undefined) q = q.where('r.department_id', '=', f.departmentId)
      if (f.overdueOn) q = q.where('r.due_on', '<', f.overdueOn)
      if (f.beforeId !== undefined) q = q.where('r.id', '<', f.beforeId)
      const rows = await q.orderBy('r.id', 'desc').limit(f.limit).execute()
      return rows.map((r) => toRepair(r as RepairRow))
    },

    async listForSubject(subjectId: number): Promise<Repair[]> {
      const rows = await base().where('r.subject_id', '=', subjectId).orderBy('r.id', 'desc').execute()
      return rows.map((r) => toRepair(r as RepairRow))
    },

    /** Open applications with a deadline running, for the scheduler's tick. */
    async withRunningDeadline(): Promise<Repair[]> {
      const rows = await base().where('r.due_on', 'is not', null).orderBy('r.id').execute()
      return rows.map((r) => toRepair(r as RepairRow))
    },

    /** Applies a transition if the application is still in `fromState`; false when another writer moved it first. */
    async change(id: number, fromState: RepairState, c: RepairChange): Promise<boolean> {
      const result = await db
        .updateTable('repairs')
        .set({
          state: c.state,
          due_on: c.dueOn,
          updated_at: c.at,
          ...(c.materialsMissing ? { materials_missing: JSON.stringify(c.materialsMissing) } : {}),
          ...(c.completedSteps ? { completed_steps: JSON.stringify(c.completedSteps) } : {}),
          ...(c.receivedOn ? { received_on: c.receivedOn } : {}),
          ...(c.feedbackDueOn ? { feedback_due_on: c.feedbackDueOn } : {}),
          ...(c.acceptedOn ? { accepted_on: c.acceptedOn } : {}),
          ...(c.decisionDueOn ? { decision_due_on: c.decisionDueOn } : {}),
          ...(c.decision ? { decision: c.decision } : {}),
          ...(c.reasons !== undefined ? { reasons: c.reasons } : {}),
          ...(c.decidedAt ? { decided_at: c.decidedAt } : {}),
          ...(c.decidedBy ? { decided_by: c.decidedBy } : {}),
        })
        .where('id', '=', id)
        .where('state', '=', fromState)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },

    async addStep(s: { repairId: number; action: string; fromState: RepairState | null; toState: RepairState; actorType: string; actorId: string; note: string | null; at: string }): Promise<void> {
      await db.insertInto('repair_steps').values({ repair_id: s.repairId, action: s.action, from_state: s.fromState, to_state: s.toState, actor_type: s.actorType, actor_id: s.actorId, note: s.note, at: s.at }).execute()
    },

    async steps(repairId: number): Promise<RepairStep[]> {
      const rows = await db.selectFrom('repair_steps').selectAll().where('repair_id', '=', repairId).orderBy('id').execute()
      return rows.map((s) => ({ id: Number(s.id), action: s.action, fromState: s.from_state as RepairState | null, toState: s.to_state as RepairState, actor: `${s.actor_type}:${s.actor_id}`, note: s.note, at: s.at }))
    },

    /** The facts about a record a repair application needs: whose it is and which department found it. */
    async recordOwner(recordId: number): Promise<{ subjectId: number; departmentId: number; category: string } | undefined> {
      const row = await db.selectFrom('records').select(['subject_id', 'department_id', 'category']).where('id', '=', recordId).executeTakeFirst()
      return row && { subjectId: Number(row.subject_id), departmentId: Number(row.department_id), category: row.category }
    },
  }
}
