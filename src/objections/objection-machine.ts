/**
 * The objection (异议) as a pure state machine (河南条例 Art. 41; outcomes as in 征信业管理条例
 * Art. 25). Each transition checks who may take it in which state, computes the new case with its
 * deadlines, and says what the service must do besides: the audit action, whether the 异议处理中
 * mark is set or cleared (change-feed events), and whether the record is deleted.
 *
 *   received ─forward→ forwarded ─answer→ answered ─decide→ decided ─request_review→ under_review
 *      │  └──────────────decide (office settles it, or takes over an overdue case)──┘     └─decide_review→ reviewed
 *      ├─refuse→ refused (不予受理)        suspend/resume around received, forwarded, under_review
 *      └─withdraw→ withdrawn (from any open state)
 */
import { AppError, conflict } from '../errors.ts'
import { workingDaysBetween, type WorkingCalendar } from '../calendar/working-days.ts'
import { providerDueOn, pushedBy, receiptDeadlines, reviewDueOn, reviewRequestBy, type ObjectionLimits } from './objection-deadlines.ts'

export const objectionStates = ['received', 'forwarded', 'answered', 'suspended', 'decided', 'under_review', 'reviewed', 'withdrawn', 'refused'] as const
export type ObjectionState = (typeof objectionStates)[number]

/** States in which the record carries the 异议处理中 mark. */
export const openStates: readonly ObjectionState[] = ['received', 'forwarded', 'answered', 'suspended', 'under_review']

export const outcomes = ['corrected', 'confirmed', 'deleted', 'unverifiable'] as const
export type Outcome = (typeof outcomes)[number]

export const refusalReasons = ['not_party', 'no_grounds'] as const
export type RefusalReason = (typeof refusalReasons)[number]

/** Time not counted under Art. 41: testing, inspection, appraisal, expert review. */
export const suspensionReasons = ['testing', 'appraisal', 'expert'] as const
export type SuspensionReason = (typeof suspensionReasons)[number]

/** Who takes a step: the platform office, the department that provided the record, the applicant. */
export type Party = 'office' | 'provider' | 'applicant'

export const stateLabels: Record<ObjectionState, string> = {
  received: '已受理，异议处理中',
  forwarded: '已转提供单位核实',
  answered: '提供单位已答复',
  suspended: '中止计时（检测、鉴定或专家评审）',
  decided: '已办结',
  under_review: '复核中',
  reviewed: '复核已办结',
  withdrawn: '申请人已撤回',
  refused: '不予受理',
}
export const outcomeLabels: Record<Outcome, string> = { corrected: '信息已更正', confirmed: '信息无误，撤销异议标注', deleted: '信息已删除', unverifiable: '无法核实，异议与核查结果一并记载' }

export interface ObjectionCase {
  state: ObjectionState
  /** The record version objected to. */
  recordVersion: number
  receivedOn: string
  officeDueOn: string
  finalDueOn: string
  forwardedOn: string | null
  providerDueOn: string | null
  answer: { outcome: Outcome; correctedVersion: number | null; note: string } | null
  suspension: { since: string; resumeTo: ObjectionState; reason: SuspensionReason } | null
  suspendedDays: number
  outcome: Outcome | null
  correctedVersion: number | null
  outcomeNote: string | null
  decidedOn: string | null
  reviewRequestBy: string | null
  reviewRequestedOn: string | null
  reviewGrounds: string | null
  reviewDueOn: string | null
  reviewResult: 'upheld' | 'overturned' | null
  refusal: { reason: RefusalReason; note: string } | null
  closedOn: string | null
}

export type ObjectionCommand =
  | { type: 'forward'; note?: string }
  | { type: 'answer'; outcome: Outcome; correctedVersion?: number; note: string }
  | { type: 'decide'; outcome: Outcome; correctedVersion?: number; note: string }
  | { type: 'suspend'; reason: SuspensionReason; note: string }
  | { type: 'resume'; note?: string }
  | { type: 'request_review'; grounds: string }
  | { type: 'decide_review'; result: 'upheld' | 'overturned'; outcome?: Outcome; correctedVersion?: number; note: string }
  | { type: 'withdraw'; note?: string }
  | { type: 'refuse'; reason: RefusalReason; note: string }

export type CommandType = ObjectionCommand['type']

export const commandLabels: Record<CommandType, string> = {
  forward: '转提供单位核实',
  answer: '提供单位答复',
  decide: '作出处理结果',
  suspend: '中止计时',
  resume: '恢复计时',
  request_review: '申请复核',
  decide_review: '作出复核决定',
  withdraw: '撤回异议',
  refuse: '不予受理',
}

export interface TransitionContext {
  today: string
  calendar: WorkingCalendar
  limits: ObjectionLimits
  /** The parties the actor may act as (the office may also act for the provider). */
  parties: readonly Party[]
  /** The record's newest version, for a correction. */
  latestVersion: number
}

export interface Effects {
  /** The audit action and step name, e.g. objection.forward. */
  action: string
  /** The 异议处理中 mark appears or goes (change-feed events objection.flag_set / flag_cleared). */
  flag: 'set' | 'cleared' | null
  /** The outcome deletes the record from view: a record decision and a record.deleted event. */
  deleteRecord: boolean
}

export interface Transition {
  next: ObjectionCase
  effects: Effects
}

/** Which party may give each command in which states. */
const permitted: Record<CommandType, Partial<Record<Party, readonly ObjectionState[]>>> = {
  forward: { office: ['received'] },
  answer: { provider: ['forwarded'] },
  decide: { office: ['received', 'forwarded', 'answered'] },
  suspend: { office: ['received', 'forwarded', 'under_review'], provider: ['forwarded'] },
  resume: { office: ['suspended'], provider: ['suspended'] },
  request_review: { applicant: ['decided'], office: ['decided'] },
  decide_review: { office: ['under_review'] },
  withdraw: { applicant: openStates, office: openStates },
  refuse: { office: ['received'] },
}

/** The commands a party may give now (for showing the next steps). */
export function availableCommands(c: ObjectionCase, parties: readonly Party[]): CommandType[] {
  return (Object.keys(permitted) as CommandType[]).filter((type) => parties.some((p) => permitted[type][p]?.includes(c.state)) && !(type === 'resume' && !parties.includes('office') && c.suspension?.resumeTo !== 'forwarded'))
}

const required = (value: string | undefined, field: string, zh: string) => {
  const v = value?.trim()
  if (!v) throw new AppError('OBJECTION_FIELD_REQUIRED', `请填写${zh}`, `${field} is required`, { details: { field } })
  return v
}

export function receiveObjection(input: { today: string; calendar: WorkingCalendar; limits: ObjectionLimits; recordVersion: number }): Transition {
  const { officeDueOn, finalDueOn } = receiptDeadlines(input.calendar, input.today, input.limits)
  return {
    next: {
      state: 'received',
      recordVersion: input.recordVersion,
      receivedOn: input.today,
      officeDueOn,
      finalDueOn,
      forwardedOn: null,
      providerDueOn: null,
      answer: null,
      suspension: null,
      suspendedDays: 0,
      outcome: null,
      correctedVersion: null,
      outcomeNote: null,
      decidedOn: null,
      reviewRequestBy: null,
      reviewRequestedOn: null,
      reviewGrounds: null,
      reviewDueOn: null,
      reviewResult: null,
      refusal: null,
      closedOn: null,
    },
    effects: { action: 'objection.file', flag: 'set', deleteRecord: false },
  }
}

function checkOutcome(c: ObjectionCase, outcome: Outcome | undefined, correctedVersion: number | undefined, latestVersion: number): { outcome: Outcome; correctedVersion: number | null } {
  if (!outcome || !outcomes.includes(outcome)) throw new AppError('OBJECTION_OUTCOME_INVALID', `处理结果须为 ${outcomes.join('、')} 之一`, `The outcome must be one of ${outcomes.join(', ')}`, { details: { field: 'outcome', value: outcome ?? null } })
  if (outcome !== 'corrected') {
    if (correctedVersion !== undefined) throw new AppError('OBJECTION_CORRECTION_UNEXPECTED', '只有“已更正”的结果才指明更正后的版本', 'Only a corrected outcome names a corrected version', { details: { field: 'correctedVersion' } })
    return { outcome, correctedVersion: null }
  }
  if (correctedVersion === undefined || !Number.isInteger(correctedVersion) || correctedVersion <= c.recordVersion || correctedVersion > latestVersion) {
    throw new AppError(
      'OBJECTION_CORRECTION_VERSION_INVALID',
      `更正须指明提供单位报送的新版本：版本号须大于异议所指的第 ${c.recordVersion} 版，且不超过现有的第 ${latestVersion} 版`,
      `A correction must name a newer version sent by the provider: above version ${c.recordVersion}, the one objected to, and at most ${latestVersion}, the newest`,
      { details: { field: 'correctedVersion', value: correctedVersion ?? null, objectedVersion: c.recordVersion, latestVersion } },
    )
  }
  return { outcome, correctedVersion }
}

function decided(c: ObjectionCase, ctx: TransitionContext, o: { outcome: Outcome; correctedVersion: number | null }, note: string): ObjectionCase {
  return { ...c, state: 'decided', outcome: o.outcome, correctedVersion: o.correctedVersion, outcomeNote: note, decidedOn: ctx.today, reviewRequestBy: reviewRequestBy(ctx.calendar, ctx.today, ctx.limits), closedOn: ctx.today }
}

export function transition(c: ObjectionCase, command: ObjectionCommand, ctx: TransitionContext): Transition {
  const rule = permitted[command.type]
  const mayAs = ctx.parties.filter((p) => rule[p] !== undefined)
  if (mayAs.length === 0) {
    throw new AppError('OBJECTION_NOT_YOURS', `无权${commandLabels[command.type]}`, `You may not ${command.type.replace('_', ' ')} this objection`, { kind: 'forbidden', details: { command: command.type } })
  }
  const stateAllows = mayAs.some((p) => rule[p]!.includes(c.state))
  // The provider resumes only its own verification's suspension.
  const providerOnlyResume = command.type === 'resume' && !ctx.parties.includes('office') && c.suspension?.resumeTo !== 'forwarded'
  if (!stateAllows || providerOnlyResume) {
    throw conflict('OBJECTION_TRANSITION_NOT_ALLOWED', `异议当前状态为“${stateLabels[c.state]}”，不能${commandLabels[command.type]}`, `An objection in state ${c.state} cannot be given '${command.type}'`, { state: c.state, command: command.type })
  }
  const action = `objection.${command.type}`
  const step = (next: ObjectionCase, flag: Effects['flag'] = null, deleteRecord = false): Transition => ({ next, effects: { action, flag, deleteRecord } })

  switch (command.type) {
    case 'forward':
      return step({ ...c, state: 'forwarded', forwardedOn: ctx.today, providerDueOn: providerDueOn(ctx.calendar, ctx.today, c.finalDueOn, ctx.limits) })
    case 'answer': {
      const o = checkOutcome(c, command.outcome, command.correctedVersion, ctx.latestVersion)
      return step({ ...c, state: 'answered', answer: { ...o, note: required(command.note, 'note', '答复意见') } })
    }
    case 'decide': {
      const o = checkOutcome(c, command.outcome, command.correctedVersion, ctx.latestVersion)
      return step(decided(c, ctx, o, required(command.note, 'note', '处理意见')), 'cleared', o.outcome === 'deleted')
    }
    case 'suspend': {
      if (!suspensionReasons.includes(command.reason)) throw new AppError('OBJECTION_SUSPENSION_REASON_INVALID', '中止计时的事由须为检测、鉴定或专家评审', 'A suspension must be for testing, appraisal or expert review', { details: { field: 'reason', value: command.reason } })
      required(command.note, 'note', '中止事由说明')
      return step({ ...c, state: 'suspended', suspension: { since: ctx.today, resumeTo: c.state, reason: command.reason } })
    }
    case 'resume': {
      const s = c.suspension!
      // Working days in (suspended, resumed] are not counted: every running deadline moves by them.
      const k = workingDaysBetween(ctx.calendar, s.since, ctx.today)
      const push = (d: string | null) => (d === null ? null : pushedBy(ctx.calendar, d, k))
      const next: ObjectionCase = { ...c, state: s.resumeTo, suspension: null, suspendedDays: c.suspendedDays + k }
      if (s.resumeTo === 'under_review') next.reviewDueOn = push(c.reviewDueOn)
      else Object.assign(next, { officeDueOn: push(c.officeDueOn)!, finalDueOn: push(c.finalDueOn)!, providerDueOn: push(c.providerDueOn) })
      return step(next)
    }
    case 'request_review': {
      if (c.outcome === 'deleted') throw conflict('OBJECTION_REVIEW_NOT_ADMISSIBLE', '信息已按异议删除，无需复核', 'The record was deleted as asked; there is nothing to review')
      if (c.reviewRequestBy !== null && ctx.today > c.reviewRequestBy) throw conflict('OBJECTION_REVIEW_TOO_LATE', `复核申请期限已于 ${c.reviewRequestBy} 届满`, `Reviews could be requested until ${c.reviewRequestBy}`, { reviewRequestBy: c.reviewRequestBy })
      const grounds = required(command.grounds, 'grounds', '复核理由')
      return step({ ...c, state: 'under_review', reviewRequestedOn: ctx.today, reviewGrounds: grounds, reviewDueOn: reviewDueOn(ctx.calendar, ctx.today, ctx.limits), closedOn: null }, 'set')
    }
    case 'decide_review': {
      const note = required(command.note, 'note', '复核意见')
      if (command.result === 'upheld') {
        if (command.outcome !== undefined) throw new AppError('OBJECTION_OUTCOME_UNEXPECTED', '维持原结果时不能另定结果', 'Upholding keeps the outcome; give no new one', { details: { field: 'outcome' } })
        return step({ ...c, state: 'reviewed', reviewResult: 'upheld', outcomeNote: `${c.outcomeNote ?? ''}\n复核维持：${note}`.trim(), closedOn: ctx.today }, 'cleared')
      }
      if (command.result !== 'overturned') throw new AppError('OBJECTION_REVIEW_RESULT_INVALID', '复核结果须为 upheld（维持）或 overturned（撤销并重新处理）', "The review result must be 'upheld' or 'overturned'", { details: { field: 'result' } })
      const o = checkOutcome(c, command.outcome, command.correctedVersion, ctx.latestVersion)
      if (o.outcome === c.outcome) throw new AppError('OBJECTION_OUTCOME_UNCHANGED', '撤销原结果须作出不同的处理结果', 'Overturning needs a different outcome', { details: { field: 'outcome' } })
      return step({ ...c, state: 'reviewed', reviewResult: 'overturned', outcome: o.outcome, correctedVersion: o.correctedVersion, outcomeNote: note, closedOn: ctx.today }, 'cleared', o.outcome === 'deleted')
    }
    case 'withdraw':
      return step({ ...c, state: 'withdrawn', suspension: null, closedOn: ctx.today }, 'cleared')
    case 'refuse': {
      if (!refusalReasons.includes(command.reason)) throw new AppError('OBJECTION_REFUSAL_REASON_INVALID', '不予受理的理由须为：申请人不是信息主体或其代理人（not_party），或没有异议理由（no_grounds）', "The refusal reason must be 'not_party' or 'no_grounds'", { details: { field: 'reason', value: command.reason } })
      return step({ ...c, state: 'refused', refusal: { reason: command.reason, note: required(command.note, 'note', '不予受理的说明') }, closedOn: ctx.today }, 'cleared')
    }
  }
}

/** The deadlines running now, and who must meet each; none while suspended or closed. */
export function runningDeadlines(c: ObjectionCase): { dueOn: string; party: 'office' | 'provider' }[] {
  switch (c.state) {
    case 'received':
      return [{ dueOn: c.officeDueOn, party: 'office' }]
    case 'forwarded':
      return [{ dueOn: c.providerDueOn!, party: 'provider' }, { dueOn: c.finalDueOn, party: 'office' }]
    case 'answered':
      return [{ dueOn: c.finalDueOn, party: 'office' }]
    case 'under_review':
      return [{ dueOn: c.reviewDueOn!, party: 'office' }]
    default:
      return []
  }
}

/** The nearest running deadline (the queue's due date). */
export const currentDue = (c: ObjectionCase): string | null => runningDeadlines(c).map((d) => d.dueOn).sort()[0] ?? null

export const isOpen = (state: ObjectionState) => openStates.includes(state)
