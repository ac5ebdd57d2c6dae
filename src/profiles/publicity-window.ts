/**
 * A record's publicity window from its dates and its catalog item's rule alone, through the
 * publicity rules engine (src/publicity/) with the built-in rule set. Kept for callers that have
 * no record decisions or fields at hand (src/sanctions, src/rights, bench); the query platform
 * assesses records with the engine directly (rule set in force, tier tables, decisions). Pure.
 */
import type { PublicityRule, Tier } from '../catalog/catalog.ts'
import { assessPublicity } from '../publicity/assess-publicity.ts'
import { builtInRuleSet } from '../publicity/built-in-rule-set.ts'
import { compileCatalogRule, type CompiledRule } from '../publicity/compile-rules.ts'

export { addDays, addMonths } from '../publicity/dates.ts'

export interface RecordDates {
  decisionDate: string | null
  publicationDate: string | null
  validFrom: string | null
  validTo: string | null
  /** The provider's 公示截止期: the last day shown. */
  publicityEnd: string | null
  /** A list entry's 移出日期: not shown from that day. */
  removalDate: string | null
  tier: Tier | null
}

/** YYYY-MM-DD; `end` is exclusive; null = open. An empty window (start = end) is never "now". */
export interface PublicityWindow {
  start: string | null
  end: string | null
}

const EMPTY: PublicityWindow = { start: '0000-01-01', end: '0000-01-01' }
const compiled = new WeakMap<PublicityRule, CompiledRule>()

export function publicityWindow(rule: PublicityRule, d: RecordDates): PublicityWindow {
  let c = compiled.get(rule)
  if (!c) compiled.set(rule, (c = compileCatalogRule(rule, builtInRuleSet)))
  const a = assessPublicity(c, { ...d, category: '', departmentCode: null, status: 'in_force', field: () => null, decisions: [] }, { today: '0000-01-01', now: '' })
  // Not published (the item, a minor tier, or no date to count from): a window that is never now.
  return a.state === 'not_public' ? EMPTY : { start: a.start, end: a.end }
}
