/**
 * What a list item of the catalog (listKind red / focus / black) says about its entries, compiled
 * once per catalog version: where the list name, reason, basis, authority and decision number sit
 * in the payload (by field role first, then by the keys the built-in items use), where the removal
 * date sits, and whether the listing department must serve the written pre-notice of 河南条例
 * Art. 28 first. Then one record's current version → a ListEntry. Pure.
 */
import type { CatalogItemDefinition, SharingLevel } from '../catalog/catalog.ts'
import type { ListEntry } from './list-entry.ts'
import type { ListKind } from './measures.ts'

export interface ListItem {
  code: string
  name: string
  nameEn: string
  listKind: ListKind
  sharingLevel: SharingLevel
  naturalPersonSharingLevel?: SharingLevel
  preNoticeRequired: boolean
  keys: { listName: string | null; reason: string | null; basis: string | null; authority: string | null; decisionNumber: string | null; removal: string[] }
}

// Keys of the built-in items where no field role names the meaning.
const reasonKeys = ['LISTING_REASON', 'DEFAULT_SITUATION', 'LISTING_SITUATION', 'MAIN_FACTS', 'FACTS', 'CASE_NATURE', 'GRADE', 'LEVEL']
const basisKeys = ['LISTING_BASIS', 'BASIS_AND_HANDLING', 'BASIS_DOC_NUMBER']

/**
 * Items whose entries need a pre-notice unless configured otherwise: black lists, but not court
 * defaulters — courts notify under their own procedure (SPC defaulter-list rules), not Art. 28.
 */
export function defaultPreNoticeItems(items: readonly CatalogItemDefinition[]): string[] {
  return items.filter((i) => i.listKind === 'black' && i.code !== 'SXBZXR').map((i) => i.code)
}

export function compileListItem(def: CatalogItemDefinition, preNoticeItems: ReadonlySet<string>): ListItem | undefined {
  if (!def.listKind) return undefined
  const has = (key: string) => def.fields.some((f) => f.key === key)
  const byRole = (role: string) => def.fields.find((f) => f.role === role)?.key ?? null
  const firstKey = (keys: string[]) => keys.find(has) ?? null
  return {
    code: def.code,
    name: def.name,
    nameEn: def.nameEn,
    listKind: def.listKind,
    sharingLevel: def.sharingLevel,
    ...(def.naturalPersonSharingLevel ? { naturalPersonSharingLevel: def.naturalPersonSharingLevel } : {}),
    preNoticeRequired: preNoticeItems.has(def.code),
    keys: {
      listName: has('LIST_NAME') ? 'LIST_NAME' : null,
      reason: firstKey(reasonKeys),
      basis: firstKey(basisKeys),
      authority: byRole('authority_name'),
      decisionNumber: byRole('decision_number'),
      removal: def.fields.filter((f) => f.role === 'removal_date').map((f) => f.key),
    },
  }
}

/** One list record's current version, with what the platform knows beside it. */
export interface ListRecordFacts {
  recordId: number
  subjectId: number
  category: string
  /** Record status: in_force | revoked | archived. */
  status: string
  payload: Record<string, unknown>
  decisionDate: string | null
  publicationDate: string | null
  validFrom: string | null
  validTo: string | null
  /** A repair or archiving ends the entry from this day; a deletion on objection withdraws it. */
  endedOn: string | null
  deleted: boolean
  /** The latest pre-notice served for this subject and item (the one served by the start, if any). */
  preNoticeServedOn: string | null
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null)
const date = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null)

/** Every payload field toListEntry reads of an item's records. */
export function listEntryKeys(item: ListItem): string[] {
  const { listName, reason, basis, authority, decisionNumber, removal } = item.keys
  return [...new Set([listName, reason, basis, authority, decisionNumber, ...removal].filter((k): k is string => k !== null))]
}

const textAt = (payload: Record<string, unknown>, key: string | null): string | null => (key === null ? null : text(payload[key]))

export function toListEntry(item: ListItem, r: ListRecordFacts): ListEntry {
  const { payload } = r
  // The earliest of the removal dates it carries and the day a repair or archiving ended it.
  let removalDate = r.endedOn
  for (const key of item.keys.removal) {
    const d = date(payload[key])
    if (d !== null && (removalDate === null || d < removalDate)) removalDate = d
  }
  return {
    recordId: r.recordId,
    subjectId: r.subjectId,
    category: item.code,
    listKind: item.listKind,
    listName: textAt(payload, item.keys.listName) ?? item.name,
    authority: textAt(payload, item.keys.authority),
    reason: textAt(payload, item.keys.reason),
    legalBasis: textAt(payload, item.keys.basis),
    decisionNumber: textAt(payload, item.keys.decisionNumber),
    listingDate: r.decisionDate ?? r.publicationDate ?? r.validFrom,
    startDate: r.validFrom,
    endDate: r.validTo,
    removalDate,
    withdrawn: r.status !== 'in_force' || r.deleted,
    preNoticeRequired: item.preNoticeRequired,
    preNoticeServedOn: r.preNoticeServedOn,
  }
}

/**
 * Which served pre-notice counts for an entry starting on `start`: the latest served by then, else
 * (to show it came too late) the earliest served after. Dates sorted ascending.
 */
export function preNoticeFor(servedDates: readonly string[], start: string | null): string | null {
  if (servedDates.length === 0) return null
  if (start === null) return servedDates[servedDates.length - 1]!
  let best: string | null = null
  for (const d of servedDates) if (d <= start) best = d
  return best ?? servedDates[0]!
}
