/**
 * The publicity window (公示期) of a record from the dates it carries and its catalog item's rule.
 * Pure. A first cut that issue 5's rules engine (tiers per department, repair, early stop)
 * replaces; until then it keeps to the law's outer bounds: a provider's own end date is honoured
 * but never past the item's ceiling (河南条例 Art. 19: dishonesty information at most 5 years).
 */
import type { PublicityRule, Tier } from '../catalog/catalog.ts'

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

/** Longest publicity of dishonesty information by tier, in months (国办发〔2025〕22号). */
const tierMonths: Record<Tier, number> = { minor: 3, general: 12, serious: 36 }

const EMPTY: PublicityWindow = { start: '0000-01-01', end: '0000-01-01' }

function firstOf(a: string | null, b: string | null, c: string | null = null): string | null {
  return a ?? b ?? c
}

function dayAfter(date: string | null): string | null {
  return date === null ? null : addDays(date, 1)
}

export function publicityWindow(rule: PublicityRule, d: RecordDates): PublicityWindow {
  switch (rule.kind) {
    case 'not_public':
      return EMPTY
    case 'tiered': {
      const start = rule.start === 'publication_date' ? firstOf(d.publicationDate, d.decisionDate) : firstOf(d.decisionDate, d.publicationDate)
      if (start === null) return { start: null, end: dayAfter(d.publicityEnd) }
      const byTier = addMonths(start, tierMonths[d.tier ?? rule.defaultTier])
      return { start, end: earliest(d.publicityEnd === null ? byTier : dayAfter(d.publicityEnd), addMonths(start, rule.ceilingYears * 12)) }
    }
    case 'fixed': {
      const start = rule.start === 'valid_from' ? firstOf(d.validFrom, d.decisionDate) : rule.start === 'publication_date' ? firstOf(d.publicationDate, d.decisionDate) : firstOf(d.decisionDate, d.publicationDate)
      if (start === null) return { start: null, end: dayAfter(d.publicityEnd) }
      return { start, end: earliest(dayAfter(d.publicityEnd), addMonths(start, rule.months)) }
    }
    case 'until_valid_to':
      return { start: firstOf(d.validFrom, d.decisionDate, d.publicationDate), end: dayAfter(d.validTo) }
    case 'until_removed': {
      const start = firstOf(d.publicationDate, d.decisionDate, d.validFrom)
      const ceiling = start !== null && rule.ceilingYears !== undefined ? addMonths(start, rule.ceilingYears * 12) : null
      return { start, end: earliest(d.removalDate, dayAfter(d.validTo), ceiling) }
    }
    case 'long_term':
      return { start: firstOf(d.publicationDate, d.decisionDate, d.validFrom), end: dayAfter(d.validTo) }
  }
}

function earliest(a: string | null, b: string | null, c: string | null = null): string | null {
  let out = a
  if (b !== null && (out === null || b < out)) out = b
  if (c !== null && (out === null || c < out)) out = c
  return out
}

// Calendar arithmetic on YYYY-MM-DD without Date objects: a profile computes a window per record.
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))
const formatYmd = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const daysIn = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31)

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}

function civil(z: number): [number, number, number] {
  z += 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d]
}

const parts = (date: string): [number, number, number] => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date)
  if (days === 1 && d < daysIn(y, m)) return formatYmd(y, m, d + 1)
  return formatYmd(...civil(dayNumber(y, m, d) + days))
}

/** Calendar months; the 31st plus a month without one is its last day (2024-01-31 + 1 = 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = total - ny * 12 + 1
  return formatYmd(ny, nm, Math.min(d, daysIn(ny, nm)))
}
