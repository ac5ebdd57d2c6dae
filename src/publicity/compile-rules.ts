/**
 * A rule set joined with the catalog, once per (rule-set version, catalog version): for every item,
 * the rule that decides its records' publicity and what it needs from a record (which payload keys
 * hold penalty categories and fines). Items the set does not name keep the catalog's own rule.
 * Pure.
 */
import type { CatalogItemDefinition, PublicityRule, Tier } from '../catalog/catalog.ts'
import type { ItemPublicityRule, PublicityRuleSet, TierPeriod, TierRule } from './rule-set.ts'

export interface CompiledRule {
  category: string
  ruleSetVersion: number
  ruleSetBasis: string
  /** Where the item's rule comes from: named in the rule set, or the catalog item's own. */
  source: 'rule_set' | 'catalog'
  rule: ItemPublicityRule
  /** 失信 information: the ceiling applies. */
  negative: boolean
  tiers: Record<Tier, TierPeriod>
  tierRules: TierRule[]
  departmentTierRules: Readonly<Record<string, TierRule[]>>
  neverEarlyEnd: ReadonlySet<string>
  neverEarlyEndBasis: string
  ceiling: { years: number; legalBasis: string } | null
  honourProviderEnd: boolean
  /** Payload keys of the fields with the penalty_category and fine_amount roles. */
  categoryKeys: readonly string[]
  fineKeys: readonly string[]
  /** Payload keys of a list entry's removal date (removal_date role). */
  removalKeys: readonly string[]
}

export interface CompiledRules {
  ruleSetVersion: number
  ruleOf(category: string): CompiledRule
}

export function catalogRuleAsItemRule(rule: PublicityRule, legalBasis: string): ItemPublicityRule {
  switch (rule.kind) {
    case 'tiered':
      return { kind: 'tiered', start: rule.start, defaultTier: rule.defaultTier, legalBasis }
    case 'fixed':
      return { kind: 'fixed', start: rule.start, months: rule.months, legalBasis }
    case 'until_removed':
      // The catalog's ceiling on a list is the list's own duration (e.g. 3 years for wage arrears).
      return rule.ceilingYears === undefined ? { kind: 'until_removed', legalBasis } : { kind: 'until_removed', maximumYears: rule.ceilingYears, legalBasis }
    default:
      return { kind: rule.kind, legalBasis }
  }
}

export function compilePublicityRules(set: PublicityRuleSet, items: readonly CatalogItemDefinition[]): CompiledRules {
  const neverEarlyEnd = new Set(set.neverEarlyEnd.categories)
  const base = (category: string) => ({
    category,
    ruleSetVersion: set.version,
    ruleSetBasis: set.legalBasis,
    tierRules: set.tierRules,
    departmentTierRules: set.departmentTierRules,
    neverEarlyEnd,
    neverEarlyEndBasis: set.neverEarlyEnd.legalBasis,
    honourProviderEnd: set.honourProviderEnd,
  })
  const compiled = new Map<string, CompiledRule>()
  for (const item of items) {
    const named = set.items[item.code]
    const rule = named ?? catalogRuleAsItemRule(item.publicityRule, item.legalBasis)
    const negative = item.nature === 'negative'
    compiled.set(item.code, {
      ...base(item.code),
      source: named ? 'rule_set' : 'catalog',
      rule,
      negative,
      tiers: rule.kind === 'tiered' && rule.tiers ? { ...set.tiers, ...rule.tiers } : set.tiers,
      ...(rule.kind === 'tiered' && rule.tierRules ? { tierRules: rule.tierRules } : {}),
      ceiling: negative ? set.ceiling : null,
      categoryKeys: item.fields.filter((f) => f.role === 'penalty_category').map((f) => f.key),
      fineKeys: item.fields.filter((f) => f.role === 'fine_amount').map((f) => f.key),
      removalKeys: item.fields.filter((f) => f.role === 'removal_date').map((f) => f.key),
    })
  }
  const unknown = (category: string): CompiledRule => ({
    ...base(category),
    source: 'catalog',
    rule: { kind: 'not_public', legalBasis: '目录中没有此项（已停用），不予公示 Not in the catalog (retired): not published' },
    negative: false,
    tiers: set.tiers,
    ceiling: null,
    categoryKeys: [],
    fineKeys: [],
    removalKeys: [],
  })
  return { ruleSetVersion: set.version, ruleOf: (category) => compiled.get(category) ?? unknown(category) }
}

/**
 * One catalog rule compiled on its own (no item at hand): dishonesty kinds get the ceiling. For
 * callers that know only an item's publicity rule; tiers then come from the provider or the rule's
 * default, since no penalty categories are known.
 */
export function compileCatalogRule(rule: PublicityRule, set: PublicityRuleSet): CompiledRule {
  const negative = rule.kind === 'tiered' || rule.kind === 'fixed' || rule.kind === 'until_removed'
  return {
    category: '',
    ruleSetVersion: set.version,
    ruleSetBasis: set.legalBasis,
    source: 'catalog',
    rule: catalogRuleAsItemRule(rule, set.legalBasis),
    negative,
    tiers: set.tiers,
    tierRules: [],
    departmentTierRules: {},
    neverEarlyEnd: new Set(set.neverEarlyEnd.categories),
    neverEarlyEndBasis: set.neverEarlyEnd.legalBasis,
    ceiling: negative ? set.ceiling : null,
    honourProviderEnd: set.honourProviderEnd,
    categoryKeys: [],
    fineKeys: [],
    removalKeys: [],
  }
}
