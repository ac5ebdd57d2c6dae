/** Eligibility for credit repair: each condition of the 2025 national rules, alone and together. */
import { describe, expect, it } from 'vitest'
import { repairEligibility, type RepairCondition, type RepairEligibilityInput } from './repair-eligibility.ts'

const met = { obligations: { fulfilled: true, evidence: ['罚款缴纳凭证 No. 2026-0001'] }, commitmentSigned: true }
const base: RepairEligibilityInput = { tier: 'general', minimumEnd: '2026-04-10', maximumEnd: '2027-01-10', earlyEndAllowed: true, state: 'shown', applicant: met, today: '2026-05-01' }

describe('repairEligibility', () => {
  it.each<[string, Partial<RepairEligibilityInput>, RepairCondition[]]>([
    ['a general record past its minimum period, obligations proven, commitment signed', {}, []],
    ['a serious record on the very day its minimum period ends', { tier: 'serious', minimumEnd: '2026-05-01' }, []],
    ['a record a day before its minimum period ends', { minimumEnd: '2026-05-02' }, ['minimum_period']],
    ['a record whose minimum period cannot be determined', { minimumEnd: null }, ['minimum_period']],
    ['a category that never ends early (吊销营业执照)', { tier: 'serious', earlyEndAllowed: false }, ['never_ends_early']],
    ['a record whose publicity already ended', { state: 'ended' }, ['not_published']],
    ['a record already repaired', { state: 'repaired' }, ['not_published']],
    ['obligations not fulfilled', { applicant: { ...met, obligations: { fulfilled: false, evidence: [] } } }, ['obligations']],
    ['obligations declared fulfilled without any proof', { applicant: { ...met, obligations: { fulfilled: true, evidence: ['  '] } } }, ['obligations']],
    ['no credit commitment', { applicant: { ...met, commitmentSigned: false } }, ['commitment']],
    ['a minor-tier record', { tier: 'minor' }, ['minor_stops_itself']],
    ['information that is not dishonesty information', { tier: null }, ['not_dishonesty']],
    [
      'everything wrong at once',
      { minimumEnd: '2026-06-01', state: 'ended', applicant: { obligations: { fulfilled: false, evidence: [] }, commitmentSigned: false } },
      ['not_published', 'minimum_period', 'obligations', 'commitment'],
    ],
  ])('%s', (_, change, conditions) => {
    const verdict = repairEligibility({ ...base, ...change })
    expect(verdict.unmet.map((u) => u.condition)).toEqual(conditions)
    expect(verdict.eligible).toBe(conditions.length === 0)
    expect(verdict.mayApply).toBe(conditions.length === 0)
    for (const u of verdict.unmet) {
      expect(u.zh).toMatch(/[\u4e00-\u9fff]/)
      // English, but for a Chinese term given in brackets.
      expect(u.en.replace(/\([^)]*\)/g, '')).toMatch(/^[\x20-\x7e]+$/)
    }
  })

  it('says from which date repair may be applied for', () => {
    const [unmet] = repairEligibility({ ...base, minimumEnd: '2026-07-15' }).unmet
    expect(unmet).toMatchObject({ condition: 'minimum_period', on: '2026-07-15' })
    expect(unmet!.zh).toContain('2026-07-15 起可申请信用修复')
    expect(unmet!.en).toContain('from 2026-07-15')
  })

  it('says a minor record stops by itself, and when', () => {
    const [unmet] = repairEligibility({ ...base, tier: 'minor', minimumEnd: null, maximumEnd: '2026-06-10' }).unmet
    expect(unmet).toMatchObject({ condition: 'minor_stops_itself', on: '2026-06-10' })
    expect(unmet!.zh).toContain('自动停止公示')
    expect(unmet!.en).toContain('stops being published by itself')
  })

  it('without declarations, lets the subject apply and lists what the application must bring', () => {
    const { applicant: _, ...recordOnly } = base
    const verdict = repairEligibility(recordOnly)
    expect(verdict).toMatchObject({ eligible: false, mayApply: true, unmet: [] })
    expect(verdict.toProvide.map((u) => u.condition)).toEqual(['obligations', 'commitment'])
  })

  it('without declarations, still refuses a record that cannot be repaired', () => {
    const { applicant: _, ...recordOnly } = base
    const verdict = repairEligibility({ ...recordOnly, earlyEndAllowed: false })
    expect(verdict).toMatchObject({ eligible: false, mayApply: false })
    expect(verdict.unmet.map((u) => u.condition)).toEqual(['never_ends_early'])
  })
})
