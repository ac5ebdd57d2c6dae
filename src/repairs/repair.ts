/** A credit repair application as the service hands it out. */
import type { StoredEvidence } from '../evidence/evidence-files.ts'
import type { RepairDeadlineStatus } from './repair-deadlines.ts'
import type { OptionalRepairStep, RepairState } from './repair-machine.ts'

export const applicantRelations = ['subject', 'agent'] as const
export type ApplicantRelation = (typeof applicantRelations)[number]

export interface Repair {
  id: number
  receiptNumber: string
  recordId: number
  subjectId: number
  /** The department that made the finding and decides (谁认定谁修复). */
  department: { id: number; code: string; name: string }
  applicant: { name: string; contact: string; relation: ApplicantRelation; powerOfAttorney: string | null }
  commitment: { text: string; signedAt: string }
  obligations: { statement: string; evidence: string[] }
  state: RepairState
  /** What the department told the applicant was missing (一次性告知); null when it never asked. */
  materialsMissing: string[] | null
  requiredSteps: OptionalRepairStep[]
  completedSteps: OptionalRepairStep[]
  receivedOn: string
  feedbackDueOn: string
  acceptedOn: string | null
  decisionDueOn: string | null
  dueOn: string | null
  decision: 'approved' | 'rejected' | null
  reasons: string | null
  decidedAt: string | null
  decidedBy: string | null
  createdAt: string
  updatedAt: string
}

export interface RepairStep {
  id: number
  action: string
  fromState: RepairState | null
  toState: RepairState
  actor: string
  note: string | null
  at: string
}

export interface RepairDetail extends Repair {
  steps: RepairStep[]
  materials: StoredEvidence[]
  deadlines: RepairDeadlineStatus[]
}

/** What the applicant sees on the status page (by receipt number and token): no staff names. */
export interface RepairStatus {
  receiptNumber: string
  recordId: number
  state: RepairState
  stateLabel: string
  department: string
  materialsMissing: string[] | null
  dueOn: string | null
  decision: 'approved' | 'rejected' | null
  reasons: string | null
  steps: Array<{ action: string; toState: RepairState; note: string | null; at: string }>
  materials: Array<{ name: string; size: number; uploadedAt: string }>
}
