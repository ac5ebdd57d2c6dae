/**
 * The rule sets and their compiled form, kept in memory: sets are re-read only when the
 * configuration generation moves (one tiny read per use tells), and a set is compiled against the
 * catalog once per (rule-set version, catalog version). Version 1 is the built-in set; installed
 * versions follow.
 */
import type { CatalogItemDefinition } from '../catalog/catalog.ts'
import { builtInRuleSet } from './built-in-rule-set.ts'
import { compilePublicityRules, type CompiledRules } from './compile-rules.ts'
import { ruleSetInForce, type PublicityRuleSet } from './rule-set.ts'
import type { PublicityRepository } from './publicity.repository.ts'
import { configCache, type ConfigGeneration } from '../db/config-generation.ts'

/** The catalog as the rules see it; `key` changes (by identity) whenever the catalog does. */
export interface CatalogSnapshot {
  key: object
  definitions: readonly CatalogItemDefinition[]
}

export interface PublicityRules {
  /** Every version, oldest first (version 1 is the built-in set unless one was stored as 1); `at`: a generation just read. */
  sets(at?: number): Promise<PublicityRuleSet[]>
  /** The rule sets as last read, without checking for newer ones (lets a read start at once). */
  lastSets(): PublicityRuleSet[] | undefined
  /** The set in force on a day, compiled against the catalog. */
  compiled(sets: readonly PublicityRuleSet[], today: string, catalog: CatalogSnapshot): CompiledRules
}

export function createPublicityRules(deps: { repo: PublicityRepository; generation: ConfigGeneration }): PublicityRules {
  const cache = configCache(deps.generation, async () => {
    const stored = await deps.repo.ruleSets()
    return stored.some((s) => s.version === builtInRuleSet.version) ? stored : [builtInRuleSet, ...stored]
  })
  const compiledCache = new WeakMap<object, Map<number, CompiledRules>>()

  return {
    sets: cache.current,
    lastSets: cache.last,
    compiled(sets, today, catalog) {
      const set = ruleSetInForce(sets, today) ?? builtInRuleSet
      let byVersion = compiledCache.get(catalog.key)
      if (!byVersion) compiledCache.set(catalog.key, (byVersion = new Map()))
      let compiled = byVersion.get(set.version)
      if (!compiled) byVersion.set(set.version, (compiled = compilePublicityRules(set, catalog.definitions)))
      return compiled
    },
  }
}
