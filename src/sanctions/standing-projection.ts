/**
 * Which items standing_facts projects and which payload keys each carries: every list item with the
 * keys its entries show, every negative item with the keys any publicity rule set assigns a tier
 * from (all sets, so the day a new set takes effect needs no rebuild), and the commitment item with
 * its fulfilment code. A check reads only what this names. Pure.
 */
import type { CompiledRules } from '../publicity/compile-rules.ts'
import { listEntryKeys } from './list-items.ts'
import { tierFieldKeys } from './negative-in-force.ts'
import { FULFILMENT_KEY, type StandingRules } from './standing.ts'

/** Category → the payload keys projected for it, sorted. */
export type StandingItems = Map<string, string[]>

export function desiredStandingItems(rules: StandingRules, ruleSets: readonly CompiledRules[]): StandingItems {
  const out: StandingItems = new Map()
  for (const item of rules.listItems.values()) out.set(item.code, listEntryKeys(item))
  for (const category of rules.negativeItems.keys()) out.set(category, [...new Set(ruleSets.flatMap((set) => tierFieldKeys(set.ruleOf(category))))])
  if (rules.commitment) out.set(rules.commitment.code, [FULFILMENT_KEY])
  for (const [category, keys] of out) out.set(category, [...new Set(keys)].sort())
  return out
}

/** What must change in the store to hold `desired`: items to drop, and items to (re)build with their keys. */
export function standingItemChanges(stored: StandingItems, desired: StandingItems): { drop: string[]; build: StandingItems } {
  const drop = [...stored.keys()].filter((c) => !desired.has(c))
  const build: StandingItems = new Map()
  for (const [category, keys] of desired) {
    const had = stored.get(category)
    if (!had || had.length !== keys.length || had.some((k, i) => k !== keys[i])) build.set(category, keys)
  }
  return { drop, build }
}
