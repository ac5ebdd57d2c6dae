import { describe, expect, it } from 'vitest'
import { findBaseItem } from '../catalog/base-catalog/index.ts'
import { builtInRuleSet } from '../publicity/built-in-rule-set.ts'
import { compilePublicityRules } from '../publicity/compile-rules.ts'
import { addDays } from '../publicity/dates.ts'
import { earliestStartShown, negativeAssessor, tierFieldKeys } from './negative-in-force.ts'
import type { StandingRow } from './standing.repository.ts'

const rules = compilePublicityRules(builtInRuleSet, [findBaseItem('XZCF')!, findBaseItem('YZSXZT')!])
const today = '2026-11-28'
const assess = negativeAssessor(rules, builtInRuleSet, { today, now: '2026-11-28T04:00:00.000Z' })
const row = (over: Partial<StandingRow>): StandingRow => ({ id: 1, subjectId: 1, category: 'XZCF', status: 'in_force', decisionDate: null, publicationDate: null, validFrom: null, validTo: null, publicityEnd: null, tier: null, departmentCode: 'SCJG', fields: {}, ...over })

describe('the credit check’s reading of negative records', () => {
  it('reads the penalty-category and fine fields the tier tables need', () => {
    expect(tierFieldKeys(rules.ruleOf('XZCF')).length).toBeGreaterThan(0)
  })

  it('leaves out nothing that could still be shown: a record started the day after the bound is, the day of the bound with the longest tier is not', () => {
    const bound = earliestStartShown(rules.ruleOf('XZCF'), today)!
    const serious = { fields: { CF_CFLB: ['010108'] } }
    expect(assess(row({ ...serious, tier: 'serious', publicationDate: addDays(bound, 2) }), [], { breach: false }).inForce).toBe(true)
    expect(assess(row({ ...serious, tier: 'serious', publicationDate: bound }), [], { breach: false }).inForce).toBe(false)
    expect(earliestStartShown(rules.ruleOf('YZSXZT'), today)).toBeUndefined()
  })

  it('takes the tier from the fields when the provider sent none, and counts only what is shown', () => {
    const recent = { publicationDate: '2026-10-01', decisionDate: '2026-09-20' }
    expect(assess(row({ ...recent, fields: { CF_CFLB: ['010101'] } }), [], { breach: false })).toEqual({ tier: 'minor', inForce: false })
    expect(assess(row({ ...recent, fields: { CF_CFLB: ['010103'] } }), [], { breach: false })).toEqual({ tier: 'general', inForce: true })
    expect(assess(row({ ...recent, fields: { CF_CFLB: ['010103'] } }), [{ kind: 'repaired', effectiveAt: '2026-11-01T00:00:00.000Z' }], { breach: false }).inForce).toBe(false)
  })
})
