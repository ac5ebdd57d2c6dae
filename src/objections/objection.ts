/** Objection types shared by the repository, service and routes. */
import type { StoredEvidence } from '../evidence/evidence-files.ts'
import type { ObjectionCase, ObjectionState, Outcome } from './objection-machine.ts'

export type ApplicantRelation = 'subject' | 'agent'

export interface Applicant {
  name: string
  contact: string
  /** The subject itself (its legal representative or staff) or an agent with a power of attorney. */
  relation: ApplicantRelation
}

export interface StoredObjection {
  id: number
  receiptNumber: string
  recordId: number
  recordVersion: number
  subjectId: number
  departmentId: number
  applicant: Applicant
  grounds: string
  state: ObjectionState
  outcome: Outcome | null
  outcomeNote: string | null
  correctedVersion: number | null
  receivedOn: string
  /** The nearest running deadline; null while suspended or closed. */
  dueOn: string | null
  finalDueOn: string
  case: ObjectionCase
  powerOfAttorneyId: number | null
  createdAt: string
  updatedAt: string
}

export interface ObjectionStep {
  id: number
  action: string
  fromState: ObjectionState | null
  toState: ObjectionState
  actorType: string
  actorId: string
  note: string | null
  at: string
}

export interface ObjectionDetail extends StoredObjection {
  overdue: boolean
  steps: ObjectionStep[]
  evidence: StoredEvidence[]
}

/** What the applicant sees on the status page: no staff names, no other parties' data. */
export interface ObjectionStatus {
  receiptNumber: string
  state: ObjectionState
  stateLabel: string
  outcome: Outcome | null
  outcomeLabel: string | null
  outcomeNote: string | null
  receivedOn: string
  dueOn: string | null
  finalDueOn: string
  reviewRequestBy: string | null
  steps: { action: string; toState: ObjectionState; at: string }[]
}

/** An unverifiable outcome, kept beside the record (征信业管理条例 Art. 25). */
export interface ObjectionNote {
  recordId: number
  objectionId: number
  receiptNumber: string
  grounds: string
  outcomeNote: string
  decidedOn: string
}
