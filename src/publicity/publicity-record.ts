/**
 * A stored record's facts as the assessment takes them. The assessment reads at most a few fields
 * (penalty categories, a fine, a removal date) of a payload it otherwise ignores, so those are cut
 * out of the JSON text by key rather than by parsing the whole payload for every record of a profile.
 */
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
  /** The current version's payload, JSON text of a flat object. */
  payload: string
}

const NONE: ReadonlyArray<{ kind: DecisionKind; effectiveAt: string }> = []

export function publicityRecordOf(facts: StoredPublicityFacts, departmentCode: string | null, decisions: ReadonlyArray<{ kind: DecisionKind; effectiveAt: string }> = NONE): PublicityRecord {
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
    field: (key) => payloadField(facts.payload, key),
    decisions,
  }
}

const space = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

/**
 * The value of a top-level key of a flat JSON object's text (as written by SQLite or read back from
 * PostgreSQL jsonb, which adds spaces). A `"KEY"` that opens a string outside any other string and
 * is followed by a colon can only be a key. Falls back to a full parse for anything unexpected.
 */
export function payloadField(text: string, key: string): unknown {
  const needle = JSON.stringify(key)
  let from = 0
  let quotesBefore = 0
  let counted = 0
  for (;;) {
    const at = text.indexOf(needle, from)
    if (at < 0) return undefined
    // The needle may start at an escaped quote inside a string (key `"v` holds `"v"` in `"\"v"`):
    // only a quote preceded by an even number of unescaped quotes opens a string.
    for (let q = text.indexOf('"', counted); q >= 0 && q < at; q = text.indexOf('"', q + 1)) if (!escapedAt(text, q)) quotesBefore++
    counted = at
    if (quotesBefore % 2 !== 0) {
      from = at + 1
      continue
    }
    let i = at + needle.length
    while (i < text.length && space(text.charCodeAt(i))) i++
    if (text[i] !== ':') {
      from = at + 1
      continue
    }
    i++
    while (i < text.length && space(text.charCodeAt(i))) i++
    const end = valueEnd(text, i)
    try {
      return end < 0 ? fullParse(text, key) : JSON.parse(text.slice(i, end))
    } catch {
      return fullParse(text, key)
    }
  }
}

/** Whether the quote at `q` is escaped: preceded by an odd run of backslashes. */
function escapedAt(text: string, q: number): boolean {
  let n = 0
  while (q - 1 - n >= 0 && text.charCodeAt(q - 1 - n) === 92) n++
  return n % 2 === 1
}

/** The end (exclusive) of the JSON value starting at `i`: a string, a flat array, or a literal; -1 if nested. */
function valueEnd(text: string, i: number): number {
  const c = text[i]
  if (c === '"') {
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === '\\') j++
      else if (text[j] === '"') return j + 1
    }
    return -1
  }
  if (c === '[') {
    let inString = false
    for (let j = i + 1; j < text.length; j++) {
      const d = text[j]
      if (inString) {
        if (d === '\\') j++
        else if (d === '"') inString = false
      } else if (d === '"') inString = true
      else if (d === '[' || d === '{') return -1
      else if (d === ']') return j + 1
    }
    return -1
  }
  if (c === '{') return -1
  let j = i
  while (j < text.length && text[j] !== ',' && text[j] !== '}' && !space(text.charCodeAt(j))) j++
  return j
}

function fullParse(text: string, key: string): unknown {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
  } catch {
    return undefined
  }
}
