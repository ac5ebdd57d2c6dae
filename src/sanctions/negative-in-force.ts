/**
 * Whether a negative record still counts against its subject today, asked of the publicity rules
 * engine (the same rule set, tier tables and decisions the public profile follows): it counts
 * while its publicity window is open — not after the window, a repair, an archiving, a deletion or
 * a withdrawal (国办发〔2025〕22号: a repaired record is no longer used for punishment). Pure.
 */
import type { PublicityRule, Tier } from '../catalog/catalog.ts'
import { assessPublicity, type AssessmentInstant, type PublicityRecord } from '../publicity/assess-publicity.ts'
import { compileCatalogRule, type CompiledRule, type CompiledRules } from '../publicity/compile-rules.ts'
import { addDays, addMonths } from '../publicity/dates.ts'
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

/** The payload keys the engine reads for an item: penalty categories and fines (tier tables). */
export function tierFieldKeys(rule: CompiledRule): string[] {
  return [...new Set([...rule.categoryKeys, ...rule.fineKeys])]
}

/**
 * The earliest start a tiered record can have and still be shown today: no tier keeps it longer
 * than its maximum (a provider's own end date is followed only within it). Records dated before are
 * past every window and need not be read. Undefined where the rule is not tiered.
 */
export function earliestStartShown(rule: CompiledRule, today: string): string | undefined {
  if (rule.rule.kind !== 'tiered') return undefined
  const months = Math.max(0, ...Object.values(rule.tiers).filter((t) => t.published).map((t) => t.maximumMonths))
  return addDays(addMonths(today, -months), -1)
}

/** The assessor for one check: the rule set in force today, compiled against the catalog. */
export function negativeAssessor(rules: CompiledRules, set: PublicityRuleSet, at: AssessmentInstant): AssessNegative {
  const breachRule = compileCatalogRule(breachPublicityRule, set)
  return (row, decisions, { breach }) => {
    const record: PublicityRecord = {
      category: row.category,
      departmentCode: row.departmentCode ?? null,
      status: row.status === 'in_force' ? 'in_force' : 'revoked',
      decisionDate: row.decisionDate,
      publicationDate: row.publicationDate,
      validFrom: row.validFrom,
      validTo: row.validTo,
      publicityEnd: row.publicityEnd,
      removalDate: null,
      tier: row.tier,
      field: (key) => row.fields[key],
      decisions,
    }
    const a = assessPublicity(breach ? breachRule : rules.ruleOf(row.category), record, at, { explain: false })
    return { tier: a.tier ?? 'general', inForce: a.state === 'shown' }
  }
}
