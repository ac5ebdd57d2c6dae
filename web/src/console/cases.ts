/** Objection and repair shapes and labels for the console queues (see /api/openapi.json). */
export const objectionStates = {
  received: ['已受理', 'Received'],
  forwarded: ['已转提供单位核实', 'Forwarded to the provider'],
  answered: ['提供单位已答复', 'Answered by the provider'],
  suspended: ['中止计时', 'Suspended'],
  decided: ['已办结', 'Decided'],
  under_review: ['复核中', 'Under review'],
  reviewed: ['复核已办结', 'Reviewed'],
  withdrawn: ['已撤回', 'Withdrawn'],
  refused: ['不予受理', 'Refused'],
} as const
export type ObjectionState = keyof typeof objectionStates

export const outcomes = {
  corrected: ['信息已更正', 'Corrected'],
  confirmed: ['信息无误，撤销异议标注', 'Confirmed as published'],
  deleted: ['信息已删除', 'Deleted'],
  unverifiable: ['无法核实，一并记载', 'Unverifiable, noted beside the record'],
} as const

export const suspensionReasons = { testing: ['检测', 'Testing'], appraisal: ['鉴定', 'Appraisal'], expert: ['专家评审', 'Expert review'] } as const
export const refusalReasons = { not_party: ['申请人不是信息主体或其代理人', 'Not the subject or its agent'], no_grounds: ['没有异议理由', 'No grounds given'] } as const

export const repairStates = {
  submitted: ['已申请', 'Submitted'],
  materials_requested: ['待补正材料', 'Materials requested'],
  resubmitted: ['已补正', 'Resubmitted'],
  accepted: ['已受理', 'Accepted'],
  approved: ['修复通过', 'Approved'],
  rejected: ['不予修复', 'Rejected'],
  withdrawn: ['已撤回', 'Withdrawn'],
} as const
export type RepairState = keyof typeof repairStates

export const options = <K extends string>(table: Record<K, readonly [string, string]>) => (Object.keys(table) as K[]).map((value) => ({ value, label: table[value] }))

export interface Objection {
  id: number
  receiptNumber: string
  recordId: number
  recordVersion: number
  subjectId: number
  departmentId: number
  applicant: { name: string; contact: string; relation: 'subject' | 'agent' }
  grounds: string
  state: ObjectionState
  outcome: keyof typeof outcomes | null
  outcomeNote: string | null
  receivedOn: string
  dueOn: string | null
  finalDueOn: string
  overdue?: boolean
  case: { officeDueOn: string; providerDueOn: string | null; reviewRequestBy: string | null; reviewDueOn: string | null; answer: { outcome: string; note: string } | null; suspension: { since: string; reason: string } | null }
}

export interface ObjectionDetail extends Objection {
  steps: Array<{ id: number; action: string; toState: string; actorType: string; actorId: string; note: string | null; at: string }>
  evidence: Array<{ id: number; name: string; mediaType: string; size: number; uploadedAt: string }>
}

export interface Repair {
  id: number
  receiptNumber: string
  recordId: number
  subjectId: number
  department: { id: number; code: string; name: string }
  applicant: { name: string; contact: string; relation: 'subject' | 'agent'; powerOfAttorney: string | null }
  commitment: { text: string; signedAt: string }
  obligations: { statement: string; evidence: string[] }
  state: RepairState
  materialsMissing: string[] | null
  requiredSteps: string[]
  completedSteps: string[]
  receivedOn: string
  feedbackDueOn: string
  decisionDueOn: string | null
  dueOn: string | null
  decision: 'approved' | 'rejected' | null
  reasons: string | null
}

export interface RepairDetail extends Repair {
  steps: Array<{ id: number; action: string; toState: string; actor: string; note: string | null; at: string }>
  materials: Array<{ id: number; name: string; mediaType: string; size: number; uploadedAt: string }>
  deadlines: Array<{ kind: 'feedback' | 'decision'; dueOn: string; remindOn: string; status: 'running' | 'due_soon' | 'overdue' }>
}
