/**
 * Records sent as JSON (API uploads) as a RowSource, so the validator sees them exactly like file
 * rows. Headers are the union of the records' keys in first-seen order; every value becomes the
 * string a clerk would have typed:
 *
 * - strings as they are; numbers as plain decimals (no exponent where the number allows it),
 *   except integers beyond 2^53 — an 18-digit ID sent as a JSON number has already lost digits —
 *   which print in exponent form ('4.107021990030712E+17') so they cannot pass for the original;
 * - null and undefined → '' (an empty cell);
 * - booleans → 'true' / 'false';
 * - objects and arrays → their JSON text, so the validator rejects them with the value visible.
 *
 * There is no header row in JSON: rowNumber N is the Nth record, 1-based (the first record is
 * row 1, not row 2 as in a file).
 */
import type { RowSource, SourceRow } from '../collection.ts'

/** A number as plain decimal text: 0.2 → '0.2', 1e21 stays '1e+21' (no plain form worth printing). */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  const s = String(n)
  if (!/e/iu.test(s)) return s
  const abs = Math.abs(n)
  if (abs >= 1e21) return s
  // Small magnitudes (< 1e-6) print with an exponent; expand them.
  const [mantissa = '', exp = '0'] = s.split(/e/iu)
  const e = Number(exp)
  const negative = mantissa.startsWith('-')
  const digits = mantissa.replace(/^-/u, '').replace('.', '')
  const intLen = (mantissa.replace(/^-/u, '').split('.')[0] ?? '').length
  const point = intLen + e
  let out: string
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length)
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`
  return (negative ? '-' : '') + out
}

export function jsonValueToString(value: unknown): string {
  if (value === null || value === undefined) return ''
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
      // JSON cannot carry integers beyond 2^53 exactly (an 18-digit ID sent as a number has already
      // lost digits): print them in exponent form, so they cannot pass for the original.
      return Number.isInteger(value) && !Number.isSafeInteger(value) ? value.toExponential().replace('e', 'E') : plainNumber(value)
    case 'bigint':
      return value.toString()
    case 'boolean':
      return value ? 'true' : 'false'
    default:
      try {
        return JSON.stringify(value) ?? String(value)
      } catch {
        return String(value)
      }
  }
}

const isRecord = (r: unknown): r is Record<string, unknown> => r !== null && typeof r === 'object' && !Array.isArray(r)

/** A record that is not an object (null, a number, an array) becomes a row of empty values. */
export function jsonRowSource(records: Array<Record<string, unknown>>): RowSource {
  const index = new Map<string, number>()
  for (const record of records) {
    if (!isRecord(record)) continue
    for (const key of Object.keys(record)) if (!index.has(key)) index.set(key, index.size)
  }
  const headers = [...index.keys()]

  async function* rows(): AsyncGenerator<SourceRow> {
    for (let i = 0; i < records.length; i++) {
      const record = records[i]
      const values = new Array<string>(headers.length).fill('')
      if (isRecord(record)) {
        for (const [key, value] of Object.entries(record)) values[index.get(key) as number] = jsonValueToString(value)
      }
      yield { rowNumber: i + 1, values }
    }
  }

  return { format: 'json', headers, rows: rows() }
}
