import { describe, expect, it } from 'vitest'
import type { DecisionKind } from '../publicity/record-decisions.ts'
import { archiveEligibility } from './archive-eligibility.ts'

const today = '2026-06-02'

describe('archiving on request (河南条例 Art. 44)', () => {
  it.each([
    ['the period ended yesterday', '2026-06-01', 'in_force', [], []],
    ['the period ends today (exclusive end)', '2026-06-02', 'in_force', [], []],
    ['the period has not ended', '2026-06-03', 'in_force', [], ['ARCHIVE_PERIOD_NOT_ENDED']],
    ['the record is never public (empty window)', '0000-01-01', 'in_force', [], []],
    ['the record is shown without end', null, 'in_force', [], ['ARCHIVE_PERIOD_OPEN']],
    ['a repair ended its publicity early', '2027-01-01', 'in_force', ['repaired'], []],
    ['a repaired record shown without end', null, 'in_force', ['repaired'], []],
    ['it is archived already', '2026-01-01', 'in_force', ['archived'], ['ARCHIVE_ALREADY_ARCHIVED']],
    ['its status is archived', '2026-01-01', 'archived', [], ['ARCHIVE_ALREADY_ARCHIVED']],
    ['it was deleted on an objection', '2026-01-01', 'in_force', ['deleted'], ['ARCHIVE_RECORD_DELETED']],
    ['a withdrawn record past its period', '2026-05-01', 'revoked', [], []],
  ] as const)('when %s', (_, publicityEnd, status, kinds, refusals) => {
    const verdict = archiveEligibility({ today, publicityEnd, status, decisions: kinds.map((kind) => ({ kind: kind as DecisionKind })) })
    expect(verdict.eligible).toBe(refusals.length === 0)
    if (!verdict.eligible) expect(verdict.reasons.map((r) => r.code)).toEqual(refusals)
  })

  it('tells the subject the last day of the period and the first day it may ask', () => {
    const verdict = archiveEligibility({ today, publicityEnd: '2026-07-01', status: 'in_force', decisions: [] })
    expect(verdict).toMatchObject({ eligible: false, reasons: [{ zh: expect.stringContaining('2026-06-30') }] })
    if (!verdict.eligible) expect(verdict.reasons[0]!.en).toContain('from 2026-07-01')
  })
})
