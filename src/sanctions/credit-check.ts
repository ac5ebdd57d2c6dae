/**
 * The credit check (信用核查) of one subject for one matter, decided in one pure function: which
 * list entries and negative records in force matter here, which measures apply with their legal
 * basis, which incentives the subject has earned, and why — each measure names the entries or
 * records that triggered it. An expired, removed, withdrawn or un-noticed entry triggers nothing;
 * a negative record counts only within its publicity period (after a repair it may no longer be
 * used for punishment, 国办发〔2025〕22号).
 */
import type { Tier } from '../catalog/catalog.ts'
import { listEntryStatus, type ListEntry } from './list-entry.ts'
import type { Matter } from './matters.ts'
import type { Measure } from './measures.ts'

export interface NegativeRecord {
  recordId: number
  category: string
  tier: Tier
  /** Within its publicity period today (from the publicity engine). */
  inForce: boolean
}

export interface SubjectStanding {
  subjectId: number
  listEntries: readonly ListEntry[]
  negativeRecords: readonly NegativeRecord[]
}

export type Trigger = { kind: 'list_entry'; recordId: number; category: string; listName: string } | { kind: 'negative_record'; recordId: number; category: string; tier: Tier }

export interface AppliedMeasure {
  measure: Measure
  triggeredBy: Trigger[]
}

export interface CheckOutcome {
  subjectId: number
  matter: string
  /** Entries in force on red, focus and black lists. */
  activeEntries: ListEntry[]
  /** Negative records in force that set off a measure for this matter. */
  negativeRecords: NegativeRecord[]
  punishments: AppliedMeasure[]
  incentives: AppliedMeasure[]
  /** A punishment applies: the check is a hit. */
  hit: boolean
}

export function checkCredit(standing: SubjectStanding, matter: Matter, measures: readonly Measure[], today: string): CheckOutcome {
  const activeEntries = standing.listEntries.filter((e) => listEntryStatus(e, today) === 'active')
  const negativeInForce = standing.negativeRecords.filter((r) => r.inForce)
  const punishments: AppliedMeasure[] = []
  const incentives: AppliedMeasure[] = []
  const usedRecords = new Set<number>()
  for (const measure of measures) {
    if (!measure.matters.includes(matter.code)) continue
    const triggeredBy = triggersOf(measure, activeEntries, negativeInForce)
    if (triggeredBy.length === 0) continue
    for (const t of triggeredBy) if (t.kind === 'negative_record') usedRecords.add(t.recordId)
    ;(measure.effect === 'incentive' ? incentives : punishments).push({ measure, triggeredBy })
  }
  // A subject under joint punishment earns no incentives (河南条例 Art. 34: 撤销荣誉, no priority).
  const underPunishment = activeEntries.some((e) => e.listKind === 'black')
  return {
    subjectId: standing.subjectId,
    matter: matter.code,
    activeEntries,
    negativeRecords: negativeInForce.filter((r) => usedRecords.has(r.recordId)),
    punishments,
    incentives: underPunishment ? [] : incentives,
    hit: punishments.length > 0,
  }
}

function triggersOf(measure: Measure, entries: readonly ListEntry[], negative: readonly NegativeRecord[]): Trigger[] {
  const { lists, items, negativeTiers } = measure.trigger
  const out: Trigger[] = []
  if (lists) {
    for (const e of entries) {
      if (!lists.includes(e.listKind)) continue
      if (items && !items.includes(e.category)) continue
      out.push({ kind: 'list_entry', recordId: e.recordId, category: e.category, listName: e.listName })
    }
  }
  if (negativeTiers) {
    for (const r of negative) if (negativeTiers.includes(r.tier)) out.push({ kind: 'negative_record', recordId: r.recordId, category: r.category, tier: r.tier })
  }
  return out
}
