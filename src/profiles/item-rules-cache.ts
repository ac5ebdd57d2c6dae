/**
 * The compiled rules of every catalog item, reloaded only when the configuration generation moves
 * (src/db/config-generation.ts): one tiny read per use instead of parsing every definition. A sharing
 * level tightened by the platform office therefore applies to the very next read.
 */
import type { CatalogService } from '../catalog/catalog.service.ts'
import { configCache, type ConfigGeneration } from '../db/config-generation.ts'
import type { CatalogItemDefinition } from '../catalog/catalog.ts'
import { compileItemRules, unknownItemRules, type ItemRules } from './item-rules.ts'
import type { RemovalKeys } from './profile.repository.ts'

export interface CatalogRules {
  rulesOf(category: string): ItemRules
  removalKeys: RemovalKeys
  /** The definitions compiled: the publicity engine compiles its rules against them (this object is their version key). */
  definitions: readonly CatalogItemDefinition[]
}

export function createItemRulesCache(deps: { catalog: CatalogService; generation: ConfigGeneration }) {
  const cache = configCache(deps.generation, async (): Promise<CatalogRules> => {
    const definitions = (await deps.catalog.list()).map((v) => v.definition)
    const items = new Map(definitions.map((d) => [d.code, compileItemRules(d)]))
    return {
      definitions,
      rulesOf: (category) => items.get(category) ?? unknownItemRules(category),
      removalKeys: [...items.values()].filter((r) => r.removalDateKeys.length > 0).map((r) => [r.code, r.removalDateKeys] as const),
    }
  })
  /** The rules last loaded, unchecked: lets a read start while the check runs (then compare identity). */
  return { currentRules: cache.current, lastRules: cache.last }
}
