/** Every transition of the objection machine, every forbidden one, and the deadlines it keeps. */
import { describe, expect, it } from 'vitest'
import { builtInCalendar } from '../calendar/holidays/index.ts'
import { workingCalendar } from '../calendar/working-days.ts'
import { objectionLimits } from './objection-deadlines.ts'
import { availableCommands, currentDue, objectionStates, receiveObjection, transition, type CommandType, type ObjectionCase, type ObjectionCommand, type ObjectionState, type Party, type TransitionContext } from './objection-machine.ts'

const calendar = workingCalendar(builtInCalendar)
const ctx = (today: string, parties: Party[] = ['office', 'provider'], latestVersion = 2): TransitionContext => ({ today, calendar, limits: objectionLimits, parties, latestVersion })
const received = () => receiveObjection({ today: '2026-09-29', calendar, limits: objectionLimits, recordVersion: 1 }).next

const sample: Record<CommandType, ObjectionCommand> = {
  forward: { type: 'forward' },
  answer: { type: 'answer', outcome: 'confirmed', note: '经核实信息无误' },
  decide: { type: 'decide', outcome: 'unverifiable', note: '无法核实' },
  suspend: { type: 'suspend', reason: 'testing', note: '送检' },
  resume: { type: 'resume' },
  request_review: { type: 'request_review', grounds: '不服处理结果' },
  decide_review: { type: 'decide_review', result: 'upheld', note: '维持' },
  withdraw: { type: 'withdraw' },
  refuse: { type: 'refuse', reason: 'no_grounds', note: '未提出异议理由' },
}

const run = (c: ObjectionCase, ...types: CommandType[]) => types.reduce((acc, t) => transition(acc, sample[t], ctx('2026-09-30')).next, c)

/** One case in each state, reached by the ordinary path. */
const inState: Record<ObjectionState, () => ObjectionCase> = {
  received,
  forwarded: () => run(received(), 'forward'),
  answered: () => run(received(), 'forward', 'answer'),
  suspended: () => run(received(), 'forward', 'suspend'),
  decided: () => run(received(), 'decide'),
  under_review: () => run(received(), 'decide', 'request_review'),
  reviewed: () => run(received(), 'decide', 'request_review', 'decide_review'),
  withdrawn: () => run(received(), 'withdraw'),
  refused: () => run(received(), 'refuse'),
}

/** What is allowed, written out independently of the machine's own table. */
const allowed: Array<[ObjectionState, CommandType, Party, ObjectionState]> = [
  ['received', 'forward', 'office', 'forwarded'],
  ['received', 'decide', 'office', 'decided'],
  ['received', 'suspend', 'office', 'suspended'],
  ['received', 'withdraw', 'office', 'withdrawn'],
  ['received', 'withdraw', 'applicant', 'withdrawn'],
  ['received', 'refuse', 'office', 'refused'],
  ['forwarded', 'answer', 'provider', 'answered'],
  ['forwarded', 'decide', 'office', 'decided'],
  ['forwarded', 'suspend', 'office', 'suspended'],
  ['forwarded', 'suspend', 'provider', 'suspended'],
  ['forwarded', 'withdraw', 'office', 'withdrawn'],
  ['forwarded', 'withdraw', 'applicant', 'withdrawn'],
  ['answered', 'decide', 'office', 'decided'],
  ['answered', 'withdraw', 'office', 'withdrawn'],
  ['answered', 'withdraw', 'applicant', 'withdrawn'],
  ['suspended', 'resume', 'office', 'forwarded'],
  ['suspended', 'resume', 'provider', 'forwarded'],
  ['suspended', 'withdraw', 'office', 'withdrawn'],
  ['suspended', 'withdraw', 'applicant', 'withdrawn'],
  ['decided', 'request_review', 'applicant', 'under_review'],
  ['decided', 'request_review', 'office', 'under_review'],
  ['under_review', 'decide_review', 'office', 'reviewed'],
  ['under_review', 'suspend', 'office', 'suspended'],
  ['under_review', 'withdraw', 'office', 'withdrawn'],
  ['under_review', 'withdraw', 'applicant', 'withdrawn'],
]

const parties: Party[] = ['office', 'provider', 'applicant']
const matrix = objectionStates.flatMap((state) => (Object.keys(sample) as CommandType[]).flatMap((command) => parties.map((party) => [state, command, party] as const)))

describe('objection transitions', () => {
  it.each(allowed)('%s --%s (by %s)--> %s', (state, command, party, to) => {
    const { next } = transition(inState[state](), sample[command], ctx('2026-10-08', [party]))
    expect(next.state).toBe(to)
  })

  const forbidden = matrix.filter(([s, c, p]) => !allowed.some(([as, ac, ap]) => as === s && ac === c && ap === p))
  it.each(forbidden)('refuses %s --%s-- by %s', (state, command, party) => {
    const attempt = () => transition(inState[state](), sample[command], ctx('2026-10-08', [party]))
    expect(attempt).toThrow(expect.objectContaining({ code: expect.stringMatching(/^OBJECTION_(NOT_YOURS|TRANSITION_NOT_ALLOWED)$/) }))
  })

  it('lists the available commands for each party as the table says', () => {
    for (const state of objectionStates) {
      for (const party of parties) {
        const expected = allowed.filter(([s, , p]) => s === state && p === party).map(([, c]) => c).sort()
        expect(availableCommands(inState[state](), [party]).sort(), `${state} ${party}`).toEqual(expected)
      }
    }
  })

  it('refuses forbidden moves as conflicts, and moves by the wrong party as forbidden', () => {
    expect(() => transition(inState.decided(), sample.forward, ctx('2026-10-08'))).toThrow(expect.objectContaining({ code: 'OBJECTION_TRANSITION_NOT_ALLOWED', kind: 'conflict' }))
    expect(() => transition(inState.received(), sample.forward, ctx('2026-10-08', ['provider']))).toThrow(expect.objectContaining({ code: 'OBJECTION_NOT_YOURS', kind: 'forbidden' }))
  })

  it('does not let the provider resume a suspension the office made before forwarding', () => {
    const officeSuspended = run(received(), 'suspend')
    expect(() => transition(officeSuspended, sample.resume, ctx('2026-10-08', ['provider']))).toThrow(expect.objectContaining({ code: 'OBJECTION_TRANSITION_NOT_ALLOWED' }))
    expect(transition(officeSuspended, sample.resume, ctx('2026-10-08', ['office'])).next.state).toBe('received')
  })
})

describe('objection effects', () => {
  it.each([
    ['filing', () => receiveObjection({ today: '2026-09-29', calendar, limits: objectionLimits, recordVersion: 1 }), 'objection.file', 'set', false],
    ['forwarding', () => transition(received(), sample.forward, ctx('2026-09-30')), 'objection.forward', null, false],
    ['deciding confirmed', () => transition(received(), { type: 'decide', outcome: 'confirmed', note: 'x' }, ctx('2026-09-30')), 'objection.decide', 'cleared', false],
    ['deciding deleted', () => transition(received(), { type: 'decide', outcome: 'deleted', note: 'x' }, ctx('2026-09-30')), 'objection.decide', 'cleared', true],
    ['requesting a review', () => transition(inState.decided(), sample.request_review, ctx('2026-10-09', ['applicant'])), 'objection.request_review', 'set', false],
    ['overturning to deleted', () => transition(inState.under_review(), { type: 'decide_review', result: 'overturned', outcome: 'deleted', note: 'x' }, ctx('2026-10-09')), 'objection.decide_review', 'cleared', true],
    ['withdrawing', () => transition(inState.forwarded(), sample.withdraw, ctx('2026-09-30', ['applicant'])), 'objection.withdraw', 'cleared', false],
    ['refusing', () => transition(received(), sample.refuse, ctx('2026-09-30')), 'objection.refuse', 'cleared', false],
  ] as const)('%s: %s, mark %s, delete %s', (_, make, action, flag, deleteRecord) => {
    expect(make().effects).toEqual({ action, flag, deleteRecord })
  })

  it('records a correction only against a newer version the provider sent', () => {
    const c = received()
    const decide = (correctedVersion: number | undefined, latest = 2) => transition(c, { type: 'decide', outcome: 'corrected', ...(correctedVersion === undefined ? {} : { correctedVersion }), note: '已更正' }, ctx('2026-09-30', ['office'], latest))
    for (const bad of [undefined, 1, 0, 3]) expect(() => decide(bad)).toThrow(expect.objectContaining({ code: 'OBJECTION_CORRECTION_VERSION_INVALID' }))
    expect(decide(2).next).toMatchObject({ state: 'decided', outcome: 'corrected', correctedVersion: 2 })
    expect(() => transition(c, { type: 'decide', outcome: 'confirmed', correctedVersion: 2, note: 'x' }, ctx('2026-09-30'))).toThrow(expect.objectContaining({ code: 'OBJECTION_CORRECTION_UNEXPECTED' }))
  })

  it('requires reasons and valid choices', () => {
    expect(() => transition(received(), { type: 'decide', outcome: 'confirmed', note: '  ' }, ctx('2026-09-30'))).toThrow(expect.objectContaining({ code: 'OBJECTION_FIELD_REQUIRED' }))
    expect(() => transition(received(), { type: 'decide', outcome: 'nope' as never, note: 'x' }, ctx('2026-09-30'))).toThrow(expect.objectContaining({ code: 'OBJECTION_OUTCOME_INVALID' }))
    expect(() => transition(received(), { type: 'refuse', reason: 'dislike' as never, note: 'x' }, ctx('2026-09-30'))).toThrow(expect.objectContaining({ code: 'OBJECTION_REFUSAL_REASON_INVALID' }))
    expect(() => transition(received(), { type: 'suspend', reason: 'holiday' as never, note: 'x' }, ctx('2026-09-30'))).toThrow(expect.objectContaining({ code: 'OBJECTION_SUSPENSION_REASON_INVALID' }))
    expect(() => transition(inState.decided(), { type: 'request_review', grounds: '' }, ctx('2026-10-09', ['applicant']))).toThrow(expect.objectContaining({ code: 'OBJECTION_FIELD_REQUIRED' }))
    expect(() => transition(inState.under_review(), { type: 'decide_review', result: 'overturned', outcome: 'unverifiable', note: 'x' }, ctx('2026-10-09'))).toThrow(expect.objectContaining({ code: 'OBJECTION_OUTCOME_UNCHANGED' }))
  })

  it('admits no review of a deletion, nor one asked after the review period', () => {
    const deleted = transition(received(), { type: 'decide', outcome: 'deleted', note: 'x' }, ctx('2026-09-30')).next
    expect(() => transition(deleted, sample.request_review, ctx('2026-10-08', ['applicant']))).toThrow(expect.objectContaining({ code: 'OBJECTION_REVIEW_NOT_ADMISSIBLE' }))
    const d = inState.decided()
    // Decided 2026-09-30; 15 working days later is 2026-10-27 (National Day and the 调休 Saturday 10-10 in between).
    expect(d.reviewRequestBy).toBe('2026-10-27')
    expect(transition(d, sample.request_review, ctx('2026-10-27', ['applicant'])).next.state).toBe('under_review')
    expect(() => transition(d, sample.request_review, ctx('2026-10-28', ['applicant']))).toThrow(expect.objectContaining({ code: 'OBJECTION_REVIEW_TOO_LATE' }))
  })
})

describe('objection deadlines in the machine', () => {
  it('gives the office 3 and the whole case 7 working days from receipt, across National Day 2026', () => {
    const c = received() // 2026-09-29: 09-30, 10-08, 10-09 | 10-10 (调休), 10-12, 10-13, 10-14
    expect(c).toMatchObject({ officeDueOn: '2026-10-09', finalDueOn: '2026-10-14' })
    expect(currentDue(c)).toBe('2026-10-09')
  })

  it('gives the provider 3 working days from forwarding, never past the total', () => {
    const early = transition(received(), sample.forward, ctx('2026-09-30')).next
    expect(early).toMatchObject({ forwardedOn: '2026-09-30', providerDueOn: '2026-10-10' })
    expect(currentDue(early)).toBe('2026-10-10')
    const late = transition(received(), sample.forward, ctx('2026-10-12')).next
    expect(late.providerDueOn).toBe('2026-10-14') // 10-15 would pass the 7-day total
  })

  it('pushes every running deadline by the working days suspended (not counted, Art. 41)', () => {
    const forwarded = transition(received(), sample.forward, ctx('2026-09-30')).next
    const suspended = transition(forwarded, sample.suspend, ctx('2026-10-08', ['provider'])).next
    expect(currentDue(suspended)).toBeNull()
    // (10-08, 10-12] holds 10-09, 10-10 (调休 Saturday) and 10-12: three working days.
    const resumed = transition(suspended, sample.resume, ctx('2026-10-12', ['provider'])).next
    expect(resumed).toMatchObject({ state: 'forwarded', suspendedDays: 3, providerDueOn: '2026-10-14', officeDueOn: '2026-10-13', finalDueOn: '2026-10-19' })
  })

  it('suspends and resumes a review, moving only its due date', () => {
    const review = transition(inState.decided(), sample.request_review, ctx('2026-10-09', ['applicant'])).next
    expect(review.reviewDueOn).toBe('2026-10-19') // 7 WD from 10-09: 10-10 (调休), 10-12 … 10-16, 10-19
    const suspended = transition(review, sample.suspend, ctx('2026-10-12')).next
    const resumed = transition(suspended, sample.resume, ctx('2026-10-14')).next
    // (10-12, 10-14] = 2 working days
    expect(resumed).toMatchObject({ state: 'under_review', suspendedDays: 2, reviewDueOn: '2026-10-21', finalDueOn: review.finalDueOn })
  })
})
