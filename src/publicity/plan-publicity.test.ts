import { describe, expect, it } from 'vitest'
import type { PublicityAssessment } from './assess-publicity.ts'
import { planRecord } from './plan-publicity.ts'
import type { ScheduleRow } from './publicity.repository.ts'

const record = { recordId: 7, subjectId: 3, category: 'XZCF' }
const assessment = (o: Partial<PublicityAssessment>): PublicityAssessment =>
  ({ state: 'shown', shown: true, withdrawn: false, ruleSetVersion: 1, end: '2026-06-01', ceiling: '2030-06-01', ...o }) as PublicityAssessment
const row = (o: Partial<ScheduleRow> = {}): ScheduleRow => ({ ...record, endsOn: null, archivesOn: null, endedFor: null, archivedFor: null, ruleSetVersion: 1, ...o })

describe('planRecord', () => {
  it.each([
    ['a shown record waits for its end and ceiling', assessment({}), undefined, '2026-05-31', { endsOn: '2026-06-01', archivesOn: '2030-06-01' }, []],
    ['a record whose end has come is announced once', assessment({ state: 'ended', shown: false }), row({ endsOn: '2026-06-01' }), '2026-06-01', { endsOn: null, endedFor: '2026-06-01', archivesOn: '2030-06-01' }, ['ended']],
    ['an end already announced is not announced again', assessment({ state: 'ended', shown: false }), row({ endedFor: '2026-06-01' }), '2026-07-01', { endsOn: null, endedFor: '2026-06-01' }, []],
    ['a new, later end re-opens the window', assessment({ end: '2027-06-01' }), row({ endedFor: '2026-06-01' }), '2026-07-01', { endsOn: '2027-06-01', endedFor: '2026-06-01' }, []],
    ['past both, the end then the archive day', assessment({ state: 'archived', shown: false }), undefined, '2030-06-01', { endsOn: null, archivesOn: null, endedFor: '2026-06-01', archivedFor: '2030-06-01' }, ['ended', 'archived']],
    ['a repaired record has nothing left to announce', assessment({ state: 'repaired', shown: false, withdrawn: true }), row({ endsOn: '2026-06-01', archivesOn: '2030-06-01' }), '2026-07-01', { endsOn: null, archivesOn: null }, []],
    ['an unpublished record has nothing to announce', assessment({ state: 'not_public', shown: false, end: null, ceiling: null }), undefined, '2026-07-01', { endsOn: null, archivesOn: null }, []],
  ] as const)('%s', (_, a, existing, today, expected, due) => {
    const plan = planRecord(record, a, existing, today)
    expect(plan.row).toMatchObject(expected)
    expect(plan.due.map((d) => d.kind)).toEqual(due)
  })
})
