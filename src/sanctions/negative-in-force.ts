/**
 * Whether a negative record still counts against its subject today: within its publicity period
 * and not ended by a repair, an archiving or a deletion. The one place the credit check asks the
 * publicity rules; it goes through profiles/publicity-window.ts until the publicity engine of
 * src/publicity replaces it (then only this function changes). Pure.
 */
import type { PublicityRule, Tier } from '../catalog/catalog.ts'
import { publicityWindow, type RecordDates } from '../profiles/publicity-window.ts'

export function negativeRecordInForce(rule: PublicityRule, dates: RecordDates, endedOn: string | null, today: string): boolean {
  if (endedOn !== null && endedOn <= today) return false
  const w = publicityWindow(rule, dates)
  return (w.start === null || w.start <= today) && (w.end === null || today < w.end)
}

/** A breached commitment counts as general dishonesty for a year from the breach, at most five (国办发〔2025〕22号). */
export const breachPublicityRule: PublicityRule = { kind: 'tiered', start: 'publication_date', defaultTier: 'general', ceilingYears: 5 }

export function tierOf(stored: string | null, rule: PublicityRule): Tier {
  if (stored === 'minor' || stored === 'general' || stored === 'serious') return stored
  return rule.kind === 'tiered' ? rule.defaultTier : 'general'
}
