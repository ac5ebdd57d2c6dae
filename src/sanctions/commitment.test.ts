import { describe, expect, it } from 'vitest'
import { breachAllowed, commitmentStatus, type CommitmentTerms } from './commitment.ts'

const terms = (over: Partial<CommitmentTerms> = {}): CommitmentTerms => ({ kind: 'approval_substitute', madeOn: '2026-03-01', termEnd: '2026-09-30', fulfilledOn: null, breachedOn: null, ...over })

describe('commitmentStatus', () => {
  it.each([
    ['is not in force before it is made', {}, '2026-02-28', 'not_started'],
    ['is in force from the day it is made', {}, '2026-03-01', 'in_force'],
    ['is in force on the last day of its term', {}, '2026-09-30', 'in_force'],
    ['is fulfilled after its term without a breach', {}, '2026-10-01', 'fulfilled'],
    ['is fulfilled early when a department confirms it', { fulfilledOn: '2026-05-01' }, '2026-05-01', 'fulfilled'],
    ['is breached from the recorded breach', { breachedOn: '2026-06-15' }, '2026-06-15', 'breached'],
    ['stays breached after its term', { breachedOn: '2026-06-15' }, '2027-01-01', 'breached'],
    ['is in force the day before a breach', { breachedOn: '2026-06-15' }, '2026-06-14', 'in_force'],
    ['never ends by itself without a term', { termEnd: null }, '2030-01-01', 'in_force'],
  ] as const)('%s', (_, over, today, expected) => {
    expect(commitmentStatus(terms(over), today)).toBe(expected)
  })
})

describe('breachAllowed', () => {
  it('allows a breach while the commitment binds', () => {
    expect(breachAllowed(terms(), '2026-04-01')).toEqual({ allowed: true })
  })
  it.each([
    ['before it was made', {}, '2026-02-01', '尚未作出'],
    ['after it was fulfilled', { fulfilledOn: '2026-04-01' }, '2026-05-01', '已履行'],
    ['after its term', {}, '2026-12-01', '已履行'],
    ['twice', { breachedOn: '2026-04-01' }, '2026-05-01', '已记录违诺'],
  ] as const)('refuses a breach %s', (_, over, on, message) => {
    const verdict = breachAllowed(terms(over), on)
    expect(verdict.allowed).toBe(false)
    if (!verdict.allowed) expect(verdict.zh).toContain(message)
  })
})
