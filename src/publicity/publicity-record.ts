/** A stored record's facts as the assessment takes them: fields parsed only if a tier must be derived. */
import type { DecisionKind } from './record-decisions.ts'
import type { PublicityRecord, RecordStatus } from './assess-publicity.ts'

export interface StoredPublicityFacts {
  category: string
  status: RecordStatus
  decisionDate: string | null
  publicationDate: string | null
  validFrom: string | null
  validTo: string | null
  publicityEnd: string | null
  removalDate?: string | null
  tier: string | null
  /** The current version's payload, JSON text. */
  payload: string
}

const NONE: ReadonlyArray<{ kind: DecisionKind; effectiveAt: string }> = []

export function publicityRecordOf(facts: StoredPublicityFacts, departmentCode: string | null, decisions: ReadonlyArray<{ kind: DecisionKind; effectiveAt: string }> = NONE): PublicityRecord {
  let parsed: Readonly<Record<string, unknown>> | null | undefined
  return {
    category: facts.category,
    departmentCode,
    status: facts.status,
    decisionDate: facts.decisionDate,
    publicationDate: facts.publicationDate,
    validFrom: facts.validFrom,
    validTo: facts.validTo,
    publicityEnd: facts.publicityEnd,
    removalDate: facts.removalDate ?? null,
    tier: facts.tier,
    payload: () => {
      if (parsed === undefined) {
        try {
          const value: unknown = JSON.parse(facts.payload)
          parsed = value && typeof value === 'object' ? (value as Record<string, unknown>) : null
        } catch {
          parsed = null
        }
      }
      return parsed
    },
    decisions,
  }
}
