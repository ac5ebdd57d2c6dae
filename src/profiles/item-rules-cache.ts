/**
 * The compiled rules of every catalog item, reloaded only when the catalog changes: one tiny query
 * (each item's current version) per use instead of parsing every definition. A sharing level
 * tightened by the platform office therefore applies to the very next read.
 */
import type { CatalogService } from '../catalog/catalog.service.ts'
import { compileItemRules, unknownItemRules, type ItemRules } from './item-rules.ts'
import type { RemovalKeys } from './profile.repository.ts'

export interface CatalogRules {
  rulesOf(category: string): ItemRules
  removalKeys: RemovalKeys
}

export function createItemRulesCache(deps: { catalog: CatalogService; signature: () => Promise<string> }) {
  let cached: { signature: string; rules: CatalogRules } | undefined
  /** The rules last loaded, unchecked: lets a read start while the check runs (then compare identity). */
  const lastRules = (): CatalogRules | undefined => cached?.rules
  async function currentRules(): Promise<CatalogRules> {
    const signature = await deps.signature()
    if (cached?.signature === signature) return cached.rules
    const items = new Map((await deps.catalog.list()).map((v) => [v.code, compileItemRules(v.definition)]))
    const rules: CatalogRules = {
      rulesOf: (category) => items.get(category) ?? unknownItemRules(category),
      removalKeys: [...items.values()].filter((r) => r.removalDateKeys.length > 0).map((r) => [r.code, r.removalDateKeys] as const),
    }
    cached = { signature, rules }
    return rules
  }
  return { currentRules, lastRules }
}
