/** The repair application's state machine: every allowed transition, and every forbidden one. */
import { describe, expect, it } from 'vitest'
import { applyRepairAction, henanRepairRules, nationalRepairRules, newRepairCase, repairStates, requiredSteps, type RepairAction, type RepairActionType, type RepairCase, type RepairState } from './repair-machine.ts'
import * as machine from './repair-machine.ts'

const at = (state: RepairState, extra: Partial<RepairCase> = {}): RepairCase => ({ state, materialsRequested: false, requiredSteps: [], completedSteps: [], ...extra })

const sample: Record<RepairActionType, RepairAction> = {
  request_materials: { type: 'request_materials', missing: ['营业执照复印件', '法定代表人身份证明'] },
  resubmit: { type: 'resubmit' },
  accept: { type: 'accept' },
  complete_step: { type: 'complete_step', step: 'training' },
  approve: { type: 'approve' },
  reject: { type: 'reject', reasons: '未提供罚款缴纳凭证' },
  withdraw: { type: 'withdraw' },
}

/** The allowed transitions, by hand: from → action → to. */
const allowed: Array<[RepairState, RepairActionType, RepairState]> = [
  ['submitted', 'request_materials', 'materials_requested'],
  ['submitted', 'accept', 'accepted'],
  ['submitted', 'reject', 'rejected'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['materials_requested', 'resubmit', 'resubmitted'],
  ['materials_requested', 'withdraw', 'withdrawn'],
  ['resubmitted', 'accept', 'accepted'],
  ['resubmitted', 'reject', 'rejected'],
  ['resubmitted', 'withdraw', 'withdrawn'],
  ['accepted', 'complete_step', 'accepted'],
  ['accepted', 'approve', 'approved'],
  ['accepted', 'reject', 'rejected'],
  ['accepted', 'withdraw', 'withdrawn'],
]
const actions = Object.keys(sample) as RepairActionType[]
const forbidden = repairStates.flatMap((s) => actions.filter((a) => !allowed.some(([f, x]) => f === s && x === a)).map((a) => [s, a] as const))

describe('applyRepairAction', () => {
  it.each(allowed)('from %s, %s leads to %s', (state, action, to) => {
    const c = at(state, action === 'complete_step' ? { requiredSteps: ['training'] } : {})
    expect(applyRepairAction(c, sample[action]).state).toBe(to)
  })

  it.each(forbidden)('from %s, %s is forbidden', (state, action) => {
    expect(() => applyRepairAction(at(state, { requiredSteps: ['training'] }), sample[action])).toThrow(expect.objectContaining({ code: 'REPAIR_TRANSITION_FORBIDDEN', kind: 'conflict' }))
  })

  it('has 13 allowed and 36 forbidden transitions', () => {
    expect(allowed.length + forbidden.length).toBe(repairStates.length * actions.length)
    expect(forbidden).toHaveLength(36)
  })

  it('walks submitted → materials requested → resubmitted → accepted → approved', () => {
    let c = newRepairCase(nationalRepairRules)
    for (const a of ['request_materials', 'resubmit', 'accept', 'approve'] as const) c = applyRepairAction(c, sample[a])
    expect(c).toMatchObject({ state: 'approved', materialsRequested: true })
  })

  it('asks for missing materials only once (一次性告知)', () => {
    const resubmitted = at('resubmitted', { materialsRequested: true })
    expect(() => applyRepairAction(resubmitted, sample.request_materials)).toThrow(expect.objectContaining({ code: 'REPAIR_TRANSITION_FORBIDDEN' }))
    expect(() => applyRepairAction(at('submitted', { materialsRequested: true }), sample.request_materials)).toThrow(expect.objectContaining({ code: 'REPAIR_TRANSITION_FORBIDDEN', details: expect.objectContaining({ reason: 'materials_already_requested' }) }))
  })

  it('requires the missing materials to be listed', () => {
    expect(() => applyRepairAction(at('submitted'), { type: 'request_materials', missing: [' ', ''] })).toThrow(expect.objectContaining({ code: 'REPAIR_MISSING_LIST_REQUIRED' }))
  })

  it('requires reasons for a rejection', () => {
    expect(() => applyRepairAction(at('accepted'), { type: 'reject', reasons: '  ' })).toThrow(expect.objectContaining({ code: 'REPAIR_REASONS_REQUIRED' }))
  })

  it('approves only when every configured step is done, and records each step once', () => {
    const rules = { ...nationalRepairRules, steps: { training: true, credit_report: true } }
    let c = applyRepairAction(newRepairCase(rules), sample.accept)
    expect(c.requiredSteps).toEqual(['training', 'credit_report'])
    expect(() => applyRepairAction(c, sample.approve)).toThrow(expect.objectContaining({ code: 'REPAIR_STEPS_OUTSTANDING', details: { outstanding: ['training', 'credit_report'] } }))
    c = applyRepairAction(c, { type: 'complete_step', step: 'training' })
    expect(() => applyRepairAction(c, { type: 'complete_step', step: 'training' })).toThrow(expect.objectContaining({ code: 'REPAIR_STEP_DONE' }))
    expect(() => applyRepairAction(c, sample.approve)).toThrow(expect.objectContaining({ code: 'REPAIR_STEPS_OUTSTANDING', details: { outstanding: ['credit_report'] } }))
    c = applyRepairAction(c, { type: 'complete_step', step: 'credit_report' })
    expect(applyRepairAction(c, sample.approve).state).toBe('approved')
  })

  it('refuses a step the application does not require', () => {
    expect(() => applyRepairAction(at('accepted'), { type: 'complete_step', step: 'credit_report' })).toThrow(expect.objectContaining({ code: 'REPAIR_STEP_NOT_REQUIRED' }))
  })
})

describe('repair rules', () => {
  it('default to the national deadlines with no optional steps', () => {
    expect(nationalRepairRules).toMatchObject({ feedbackWorkingDays: 10, decisionWorkingDays: 3, reminderWorkingDays: 1 })
    expect(requiredSteps(nationalRepairRules)).toEqual([])
    expect(henanRepairRules.decisionWorkingDays).toBe(1)
  })

  it('know nothing of fees: repair is free', () => {
    const text = JSON.stringify([repairStates, actions, Object.keys(machine), nationalRepairRules, machine.repairStateLabels, machine.repairStepLabels])
    // Words of identifiers and labels: snake_case and camelCase split apart.
    const words = text.split(/[^A-Za-z]+|(?=[A-Z])/).map((w) => w.toLowerCase())
    expect(words.filter((w) => ['fee', 'fees', 'pay', 'payment', 'paid', 'charge', 'charges', 'price', 'invoice'].includes(w))).toEqual([])
    expect(text).not.toMatch(/收费|缴费|付款|费用/)
  })
})
