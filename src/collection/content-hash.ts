/**
 * Content hashes of payloads: equal content, equal hash — so a resubmitted record that did not
 * change is recognised without comparing field by field.
 *
 * recordContentHash, the hash records carry, first puts the item's business-key fields into their
 * normalised key form (business-key.ts): 新市监罚〔2024〕12号 and 新市监罚(2024)12号 are the same
 * number, so a resubmission that differs only in bracket or width form is unchanged, while the
 * payload keeps the number as the provider wrote it.
 *
 * The hash is SHA-256 (hex) of the canonical JSON text of the payload: object keys sorted by UTF-16
 * code units, arrays in their order, no whitespace, and object members whose value is null or
 * undefined left out. Leaving nulls out means an empty cell, a missing column and a field the
 * catalog added later all hash alike: adding an optional field to an item does not make every
 * stored record look changed.
 */
import { createHash, hash as oneShotHash } from 'node:crypto'
import type { CatalogItemDefinition } from '../catalog/catalog.ts'
import { normalizeKeyPart } from './business-key.ts'
import type { PayloadValue } from './collection.ts'

type Json = PayloadValue | undefined | Json[] | { [key: string]: Json }

/** Canonical JSON text (see the module comment). Numbers as JSON.stringify writes them. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null'
    case 'boolean':
      return value ? 'true' : 'false'
    case 'bigint':
      return value.toString()
    case 'object':
      break
    default:
      return 'null'
  }
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ','
      out += canonicalJson(value[i])
    }
    return `${out}]`
  }
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
  // Payloads built by the validator are already in key order: check before sorting.
  let sorted = true
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      sorted = false
      break
    }
  }
  if (!sorted) keys.sort()
  let out = '{'
  let first = true
  for (const k of keys) {
    const v = obj[k]
    if (v === null || v === undefined) continue
    if (!first) out += ','
    first = false
    out += `${JSON.stringify(k)}:${canonicalJson(v)}`
  }
  return `${out}}`
}

const sha256Hex: (text: string) => string =
  typeof oneShotHash === 'function'
    ? (text) => oneShotHash('sha256', text, 'hex')
    : (text) => createHash('sha256').update(text, 'utf8').digest('hex')

/** SHA-256 (hex) of the canonical JSON of a payload. */
export function contentHash(payload: Readonly<Record<string, Json>>): string {
  return sha256Hex(canonicalJson(payload))
}

/** SHA-256 (hex) of a text already in canonical form. */
export const hashCanonicalText = sha256Hex

/** The content hash of a record's payload: contentHash with the business-key fields normalised. */
export function recordContentHash(def: Pick<CatalogItemDefinition, 'businessKey'>, payload: Readonly<Record<string, PayloadValue>>): string {
  const copy: Record<string, PayloadValue> = { ...payload }
  for (const key of def.businessKey) {
    const v = copy[key]
    if (typeof v === 'string') copy[key] = normalizeKeyPart(v)
  }
  return contentHash(copy)
}
