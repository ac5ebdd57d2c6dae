/**
 * Credit commitments (信用承诺) of the four national kinds. A commitment's status follows from its
 * term and what departments have recorded against it: in force during its term, breached once a
 * department records a breach (which becomes a negative record), fulfilled after its term without
 * one or when the department confirms it earlier. Pure.
 */
export const commitmentKinds = {
  approval_substitute: { zh: '审批替代型', en: 'In place of approval (告知承诺)' },
  voluntary: { zh: '主动型', en: 'Voluntary' },
  industry_self_discipline: { zh: '行业自律型', en: 'Industry self-discipline' },
  credit_repair: { zh: '信用修复型', en: 'For credit repair' },
} as const
export type CommitmentKind = keyof typeof commitmentKinds

export interface CommitmentTerms {
  kind: CommitmentKind
  /** The day it was made. */
  madeOn: string
  /** Last day of its term; null = open-ended. */
  termEnd: string | null
  /** When a department confirmed it fulfilled before the term ended. */
  fulfilledOn: string | null
  /** When a department recorded a breach. */
  breachedOn: string | null
}

export type CommitmentStatus = 'not_started' | 'in_force' | 'fulfilled' | 'breached'

export const commitmentStatusLabels: Record<CommitmentStatus, { zh: string; en: string }> = {
  not_started: { zh: '未生效', en: 'Not yet in force' },
  in_force: { zh: '履行中', en: 'In force' },
  fulfilled: { zh: '已履行', en: 'Fulfilled' },
  breached: { zh: '已违诺', en: 'Breached' },
}

export function commitmentStatus(c: CommitmentTerms, today: string): CommitmentStatus {
  if (c.breachedOn !== null && c.breachedOn <= today) return 'breached'
  if (c.madeOn > today) return 'not_started'
  if (c.fulfilledOn !== null && c.fulfilledOn <= today) return 'fulfilled'
  if (c.termEnd !== null && c.termEnd < today) return 'fulfilled'
  return 'in_force'
}

/** A breach may be recorded only while the commitment binds: made, not yet fulfilled or breached. */
export function breachAllowed(c: CommitmentTerms, on: string): { allowed: true } | { allowed: false; zh: string; en: string } {
  if (c.madeOn > on) return { allowed: false, zh: '承诺尚未作出，不能记录违诺', en: 'The commitment had not been made on that day' }
  const status = commitmentStatus(c, on)
  if (status === 'breached') return { allowed: false, zh: '该承诺已记录违诺', en: 'A breach is already recorded for this commitment' }
  if (status === 'fulfilled') return { allowed: false, zh: '该承诺已履行完毕，不能记录违诺', en: 'The commitment was already fulfilled' }
  return { allowed: true }
}
