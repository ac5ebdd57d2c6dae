/** The kinds of identifier `identify` recognises. */
export type IdentifierKind = 'uscc' | 'org_code' | 'resident_id' | 'registration_number' | 'unknown'

/** A kind a caller can insist on (e.g. because it knows which column the value came from). */
export type ExpectedIdentifierKind = Exclude<IdentifierKind, 'unknown'>

/** A failure or a warning: a stable code and a message in Chinese and in English. */
export interface IdentifierMessage {
  readonly code: string
  readonly zh: string
  readonly en: string
}

/**
 * What `identify` returns — exactly the JSON object `xinyong id check CODE…` prints, one per line.
 * `details` is present on valid results (unless `details: false` was asked for) and carries
 * `warnings` when something is accepted but worth a look (unknown division, lenient checks).
 */
export interface IdentifierResult {
  input: string
  normalized: string
  kind: IdentifierKind
  valid: boolean
  error?: IdentifierMessage
  details?: Record<string, unknown>
}

export interface IdentifyOptions {
  /** Force the kind instead of guessing it from length and shape. */
  expect?: ExpectedIdentifierKind
  /** Build `details` (default true). `false` is for bulk validation: only kind/valid/error. */
  details?: boolean
  /** "Today" for the birth-date-in-the-future check; defaults to the current date. */
  today?: Date
  /**
   * Whether positions 9–17 of a USCC must pass the GB 11714 check (default true: reject with
   * IDENTIFIER_ORG_CODE_CHECKSUM). `false` turns the failure into a warning.
   */
  orgCodeStrict?: boolean
  /**
   * Whether a 15-digit business registration number must pass its ISO 7064 MOD 11,10 check
   * (default false: a failure is a warning, as GS 15-2006 numbers in the wild often fail it).
   */
  registrationChecksumStrict?: boolean
}

/** How far one reading of an input got, used to pick the most plausible reading. */
export interface CheckOutcome {
  kind: ExpectedIdentifierKind
  valid: boolean
  error?: IdentifierMessage
  details?: Record<string, unknown>
  /** Every character belongs to the kind's alphabet. */
  charsetOk: boolean
  /** The final check character matches (computed even when a structural check failed). */
  checksumOk: boolean
  /** Evidence for this reading, compared between readings (higher = more plausible). */
  score: number
}
