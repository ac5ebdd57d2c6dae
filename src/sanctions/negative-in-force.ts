/**
 * Whether a negative record still counts against its subject today, asked of the publicity rules
 * engine (the same rule set, tier tables and decisions the public profile follows): it counts
 * while its publicity window is open — not after the window, a repair, an archiving, a deletion or
 * a withdrawal (国办发〔2025〕22号: a repaired record is no longer used for punishment). Pure.
 */
import type { PublicityRule, Tier } from '../catalog/catalog.ts'
import { assessPublicity, type AssessmentInstant } from '../publicity/assess-publicity.ts'
import { compileCatalogRule, type CompiledRules } from '../publicity/compile-rules.ts'
import { publicityRecordOf } from '../publicity/publicity-record.ts'
import type { PublicityRuleSet } from '../publicity/rule-set.ts'
import type { DecisionKind } from '../publicity/record-decisions.ts'
import type { StandingRow } from './standing.repository.ts'

/** A breached commitment counts as general dishonesty for a year from the breach (国办发〔2025〕22号 general tier). */
export const breachPublicityRule: PublicityRule = { kind: 'tiered', start: 'publication_date', defaultTier: 'general', ceilingYears: 5 }

export interface NegativeAssessment {
  tier: Tier
  inForce: boolean
}

export type AssessNegative = (row: StandingRow, decisions: ReadonlyArray<{ kind: DecisionKind; effectiveAt: string }>, options: { breach: boolean }) => NegativeAssessment

/** The assessor for one check: the rule set in force today, compiled against the catalog. */
export function negativeAssessor(rules: CompiledRules, set: PublicityRuleSet, at: AssessmentInstant): AssessNegative {
  const breachRule = compileCatalogRule(breachPublicityRule, set)
  return (row, decisions, { breach }) => {
    const facts = { ...row, status: row.status === 'in_force' ? ('in_force' as const) : ('revoked' as const), payload: row.payload ?? '{}' }
    const a = assessPublicity(breach ? breachRule : rules.ruleOf(row.category), publicityRecordOf(facts, row.departmentCode ?? null, decisions), at)
    return { tier: a.tier ?? 'general', inForce: a.state === 'shown' }
  }
}
