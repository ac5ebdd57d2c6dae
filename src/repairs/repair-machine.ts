/**
 * The credit repair (信用修复) application as a pure state machine. An application is submitted
 * (申请) and goes to the department that made the finding (谁认定谁修复); that department accepts it
 * (受理) or tells the applicant once everything that is missing (一次性告知), and after the
 * resubmission accepts it; then approves or rejects it with reasons. The applicant may withdraw
 * while it is open. Repair is free: there is no fee, payment or charge anywhere in the flow.
 */
import { AppError } from '../errors.ts'

export const repairStates = ['submitted', 'materials_requested', 'resubmitted', 'accepted', 'approved', 'rejected', 'withdrawn'] as const
export type RepairState = (typeof repairStates)[number]

export const openRepairStates = ['submitted', 'materials_requested', 'resubmitted', 'accepted'] as const satisfies readonly RepairState[]
export const isOpenRepair = (state: RepairState) => (openRepairStates as readonly RepairState[]).includes(state)

/** Steps some regimes add before approval (2019 rules for serious cases); off by default. */
export const optionalRepairSteps = ['training', 'credit_report'] as const
export type OptionalRepairStep = (typeof optionalRepairSteps)[number]

export const repairStepLabels: Record<OptionalRepairStep, { zh: string; en: string }> = {
  training: { zh: '信用修复培训', en: 'credit repair training' },
  credit_report: { zh: '信用服务机构出具的信用报告', en: 'credit report by a credit service agency' },
}

export const repairStateLabels: Record<RepairState, { zh: string; en: string }> = {
  submitted: { zh: '已申请', en: 'submitted' },
  materials_requested: { zh: '待补正材料', en: 'materials requested' },
  resubmitted: { zh: '已补正', en: 'resubmitted' },
  accepted: { zh: '已受理', en: 'accepted' },
  approved: { zh: '修复通过', en: 'approved' },
  rejected: { zh: '不予修复', en: 'rejected' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
}

/** Deadlines and optional steps; the defaults follow 国办发〔2025〕22号. */
export interface RepairRules {
  /** The department's answer to the applicant is due this many working days after the (complete) application. */
  feedbackWorkingDays: number
  /** The decision is due this many working days after the department received (accepted) the application. */
  decisionWorkingDays: number
  /** Reminders go out this many working days before a deadline. */
  reminderWorkingDays: number
  /** Steps required before approval; each off unless a regime turns it on. */
  steps: Record<OptionalRepairStep, boolean>
  basis: string
}

export const nationalRepairRules: Readonly<RepairRules> = Object.freeze({
  feedbackWorkingDays: 10,
  decisionWorkingDays: 3,
  reminderWorkingDays: 1,
  steps: Object.freeze({ training: false, credit_report: false }),
  basis: '国办发〔2025〕22号《关于进一步完善信用修复制度的实施方案》',
})

/** 河南省社会信用条例 Art. 43: an eligible repair is done within 1 working day, unless national rules differ. */
export const henanRepairRules: Readonly<RepairRules> = Object.freeze({ ...nationalRepairRules, decisionWorkingDays: 1, basis: '《河南省社会信用条例》第四十三条' })

/** What the machine needs to know of an application. */
export interface RepairCase {
  state: RepairState
  /** Set once the department has told the applicant what is missing; it may do so only once. */
  materialsRequested: boolean
  requiredSteps: readonly OptionalRepairStep[]
  completedSteps: readonly OptionalRepairStep[]
}

export type RepairAction =
  | { type: 'request_materials'; missing: readonly string[] }
  | { type: 'resubmit' }
  | { type: 'accept' }
  | { type: 'complete_step'; step: OptionalRepairStep }
  | { type: 'approve' }
  | { type: 'reject'; reasons: string }
  | { type: 'withdraw' }

export type RepairActionType = RepairAction['type']

const actionLabels: Record<RepairActionType, { zh: string; en: string }> = {
  request_materials: { zh: '一次性告知补正材料', en: 'request missing materials' },
  resubmit: { zh: '补正材料', en: 'resubmit' },
  accept: { zh: '受理', en: 'accept' },
  complete_step: { zh: '登记附加环节', en: 'record an additional step' },
  approve: { zh: '同意修复', en: 'approve' },
  reject: { zh: '不予修复', en: 'reject' },
  withdraw: { zh: '撤回申请', en: 'withdraw' },
}

/** The states each action may start from. */
const from: Record<RepairActionType, readonly RepairState[]> = {
  request_materials: ['submitted'],
  resubmit: ['materials_requested'],
  accept: ['submitted', 'resubmitted'],
  complete_step: ['accepted'],
  approve: ['accepted'],
  // A department may also refuse to accept an application (不予受理), with reasons.
  reject: ['submitted', 'resubmitted', 'accepted'],
  withdraw: openRepairStates,
}

const forbiddenTransition = (state: RepairState, action: RepairActionType, details?: Record<string, unknown>) =>
  new AppError(
    'REPAIR_TRANSITION_FORBIDDEN',
    `信用修复申请${repairStateLabels[state].zh}，不能${actionLabels[action].zh}`,
    `A repair application that is ${repairStateLabels[state].en} cannot be used to ${actionLabels[action].en}`,
    { kind: 'conflict', details: { state, action, ...details } },
  )

/** The case after the action; throws REPAIR_… AppErrors for every transition the rules forbid. */
export function applyRepairAction(current: RepairCase, action: RepairAction): RepairCase {
  if (!from[action.type].includes(current.state)) throw forbiddenTransition(current.state, action.type)
  switch (action.type) {
    case 'request_materials': {
      if (current.materialsRequested) throw forbiddenTransition(current.state, action.type, { reason: 'materials_already_requested' })
      const missing = action.missing.map((m) => m.trim()).filter((m) => m !== '')
      if (missing.length === 0) throw new AppError('REPAIR_MISSING_LIST_REQUIRED', '一次性告知须列明全部需补正的材料', 'List every missing material at once', { details: { field: 'missing' } })
      return { ...current, state: 'materials_requested', materialsRequested: true }
    }
    case 'resubmit':
      return { ...current, state: 'resubmitted' }
    case 'accept':
      return { ...current, state: 'accepted' }
    case 'complete_step': {
      if (!current.requiredSteps.includes(action.step)) {
        throw new AppError('REPAIR_STEP_NOT_REQUIRED', `本申请无需${repairStepLabels[action.step].zh}`, `This application does not require a ${repairStepLabels[action.step].en}`, { kind: 'conflict', details: { step: action.step } })
      }
      if (current.completedSteps.includes(action.step)) {
        throw new AppError('REPAIR_STEP_DONE', `${repairStepLabels[action.step].zh}已登记`, `The ${repairStepLabels[action.step].en} is already recorded`, { kind: 'conflict', details: { step: action.step } })
      }
      return { ...current, completedSteps: [...current.completedSteps, action.step] }
    }
    case 'approve': {
      const outstanding = current.requiredSteps.filter((s) => !current.completedSteps.includes(s))
      if (outstanding.length) {
        throw new AppError('REPAIR_STEPS_OUTSTANDING', `尚未完成：${outstanding.map((s) => repairStepLabels[s].zh).join('、')}`, `Still outstanding: ${outstanding.map((s) => repairStepLabels[s].en).join(', ')}`, { kind: 'conflict', details: { outstanding } })
      }
      return { ...current, state: 'approved' }
    }
    case 'reject':
      if (action.reasons.trim() === '') throw new AppError('REPAIR_REASONS_REQUIRED', '不予修复须说明理由', 'A rejection must give its reasons', { details: { field: 'reasons' } })
      return { ...current, state: 'rejected' }
    case 'withdraw':
      return { ...current, state: 'withdrawn' }
  }
}

/** The steps the rules require of a new application (fixed then, so a later change of rules does not move cases in flight). */
export const requiredSteps = (rules: RepairRules): OptionalRepairStep[] => optionalRepairSteps.filter((s) => rules.steps[s])

export const newRepairCase = (rules: RepairRules): RepairCase => ({ state: 'submitted', materialsRequested: false, requiredSteps: requiredSteps(rules), completedSteps: [] })
