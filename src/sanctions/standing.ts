/**
 * A subject's standing for credit checks, assembled from what the store holds: list records →
 * list entries (with the pre-notice served and any repair or deletion), negative records → in
 * force or not by the publicity rules engine, breached commitments → negative records. Which items
 * are lists, negative or commitments, and how each is read, is compiled once from the catalog.
 * Pure.
 */
import type { CatalogItemDefinition, SharingLevel } from '../catalog/catalog.ts'
import { effectiveSharingLevel } from '../profiles/visibility.ts'
import type { NegativeRecord, SubjectStanding } from './credit-check.ts'
import { compileListItem, preNoticeFor, toListEntry, type ListItem } from './list-items.ts'
import type { ListEntry } from './list-entry.ts'
import type { AssessNegative } from './negative-in-force.ts'
import type { DecisionKind } from '../publicity/record-decisions.ts'
import type { StandingRow, DecisionRow, PreNoticeDate } from './standing.repository.ts'

/** The catalog item of credit commitments (信用承诺) and the fulfilment code of a breach. */
export const COMMITMENT_ITEM = 'XYCN'
export const FULFILMENT_KEY = 'FULFILMENT'
export const BREACH_CODE = '03'

interface NegativeItem {
  code: string
  sharingLevel: SharingLevel
  naturalPersonSharingLevel?: SharingLevel
}

export interface StandingRules {
  listItems: Map<string, ListItem>
  negativeItems: Map<string, NegativeItem>
  commitment: NegativeItem | undefined
}

export function compileStandingRules(items: readonly CatalogItemDefinition[], preNoticeItems: ReadonlySet<string>): StandingRules {
  const listItems = new Map<string, ListItem>()
  const negativeItems = new Map<string, NegativeItem>()
  let commitment: NegativeItem | undefined
  for (const def of items) {
    const sharing = { sharingLevel: def.sharingLevel, ...(def.naturalPersonSharingLevel ? { naturalPersonSharingLevel: def.naturalPersonSharingLevel } : {}) }
    const list = compileListItem(def, preNoticeItems)
    if (list) listItems.set(def.code, list)
    else if (def.nature === 'negative') negativeItems.set(def.code, { code: def.code, ...sharing })
    else if (def.code === COMMITMENT_ITEM) commitment = { code: def.code, ...sharing }
  }
  return { listItems, negativeItems, commitment }
}

/** Government use (a credit check is one): public and government-shared items, as they apply to the subject. */
export function sharedWithGovernment(item: { sharingLevel: SharingLevel; naturalPersonSharingLevel?: SharingLevel }, aboutNaturalPerson: boolean): boolean {
  // Asked per record of a 100,000-subject check: answered once per compiled item.
  let answers = sharedAnswers.get(item)
  if (!answers) sharedAnswers.set(item, (answers = [false, true].map((person) => ['public', 'government'].includes(effectiveSharingLevel({ ...item, aboutNaturalPerson: person }))) as [boolean, boolean]))
  return answers[aboutNaturalPerson ? 1 : 0]
}
const sharedAnswers = new WeakMap<object, [boolean, boolean]>()

const noneServed: readonly string[] = []

const chinaDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** The day a repair, archiving or deletion ended each record; and which were deleted. */
export function endings(decisions: readonly DecisionRow[]): { endedOn: Map<number, string>; deleted: Set<number> } {
  const endedOn = new Map<number, string>()
  const deleted = new Set<number>()
  for (const d of decisions) {
    const day = chinaDay(d.effectiveAt)
    const prior = endedOn.get(d.recordId)
    if (prior === undefined || day < prior) endedOn.set(d.recordId, day)
    if (d.kind === 'deleted') deleted.add(d.recordId)
  }
  return { endedOn, deleted }
}

export function parsePayload(payload: string | null): Record<string, unknown> {
  if (payload === null) return {}
  try {
    const v = JSON.parse(payload) as unknown
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export function listEntryOf(item: ListItem, row: StandingRow, ends: ReturnType<typeof endings>, servedDates: readonly string[]): ListEntry {
  return toListEntry(item, {
    recordId: row.id,
    subjectId: row.subjectId,
    category: row.category,
    status: row.status,
    payload: row.fields,
    decisionDate: row.decisionDate,
    publicationDate: row.publicationDate,
    validFrom: row.validFrom,
    validTo: row.validTo,
    endedOn: ends.endedOn.get(row.id) ?? null,
    deleted: ends.deleted.has(row.id),
    preNoticeServedOn: preNoticeFor(servedDates, row.validFrom ?? row.decisionDate ?? row.publicationDate),
  })
}

export function assembleStandings(
  subjects: ReadonlyMap<number, { kind: string }>,
  rows: readonly StandingRow[],
  decisions: readonly DecisionRow[],
  preNotices: readonly PreNoticeDate[],
  rules: StandingRules,
  assessNegative: AssessNegative,
): Map<number, SubjectStanding> {
  const ends = endings(decisions)
  const decisionsOf = new Map<number, Array<{ kind: DecisionKind; effectiveAt: string }>>()
  for (const d of decisions) (decisionsOf.get(d.recordId) ?? decisionsOf.set(d.recordId, []).get(d.recordId)!).push({ kind: d.kind as DecisionKind, effectiveAt: d.effectiveAt })
  // Subject → item → the days its pre-notices were served, ascending.
  const served = new Map<number, Map<string, string[]>>()
  for (const p of preNotices) {
    const items = served.get(p.subjectId) ?? served.set(p.subjectId, new Map()).get(p.subjectId)!
    ;(items.get(p.category) ?? items.set(p.category, []).get(p.category)!).push(p.servedOn)
  }
  for (const items of served.values()) for (const dates of items.values()) dates.sort()
  const out = new Map<number, { subjectId: number; listEntries: ListEntry[]; negativeRecords: NegativeRecord[] }>()
  const of = (id: number) => out.get(id) ?? out.set(id, { subjectId: id, listEntries: [], negativeRecords: [] }).get(id)!
  for (const row of rows) {
    const person = subjects.get(row.subjectId)?.kind === 'natural_person'
    const list = rules.listItems.get(row.category)
    if (list) {
      if (sharedWithGovernment(list, person)) of(row.subjectId).listEntries.push(listEntryOf(list, row, ends, served.get(row.subjectId)?.get(row.category) ?? noneServed))
      continue
    }
    // Commitment records are read only when breached (the read filters on their fulfilment).
    const breach = row.category === rules.commitment?.code
    const negative = rules.negativeItems.get(row.category) ?? (breach ? rules.commitment : undefined)
    if (!negative || !sharedWithGovernment(negative, person)) continue
    const { tier, inForce } = assessNegative(row, decisionsOf.get(row.id) ?? [], { breach })
    of(row.subjectId).negativeRecords.push({ recordId: row.id, category: row.category, tier, inForce })
  }
  return out
}
