/**
 * Turns a validated record into what is stored: personal field values sealed (AES-256-GCM) and
 * masked, a person's identity number reduced to a lookup hash, ciphertext and mask.
 */
import type { CatalogItemDefinition } from '../catalog/catalog.ts'
import type { PersonalDataCipher } from '../security/personal-data.ts'
import { maskResidentId } from '../identifiers/index.ts'
import { maskOtherId } from '../subjects/mask.ts'
import type { RowIssue, SourceRow, ValidatedRecord } from './collection.ts'
import type { RejectedRow } from './prepared-record.ts'
import { encodeStageRow } from '../db/record-writer/staged-records.ts'

export interface ProtectedRecord {
  /** The record's stage row (encodeStageRow). */
  stageRow: string
  businessKey: string
  warnings: RowIssue[]
}

export interface RecordProtector {
  /** `fingerprint`: the digest of the source row (prepare-chunks.ts). */
  protect(record: ValidatedRecord, fingerprint: string): ProtectedRecord
  reject(row: SourceRow, issues: RowIssue[], warnings: RowIssue[]): RejectedRow
}

const maskAny = (value: string) => (/^\d{17}[\dX]$/.test(value) ? maskResidentId(value) : value.length <= 4 ? '*'.repeat(value.length) : `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`)

/**
 * `standingKeys`: the payload keys standing_items projects for the item (null: not projected); each
 * record's stage row carries its payload narrowed to them, as standing-facts-sql.ts narrows a
 * version's — keys in that order, a key the payload lacks left out, a null kept.
 */
export function createRecordProtector(definition: CatalogItemDefinition, headers: string[], personalColumns: ReadonlySet<number>, cipher: PersonalDataCipher, standingKeys: readonly string[] | null): RecordProtector {
  const personalFields = definition.fields.filter((f) => f.personal).map((f) => f.key)
  const personalHeaders = new Set([...personalColumns].map((i) => headers[i]).filter((h): h is string => h !== undefined))

  /** A person's identity document: lookup hash, ciphertext and mask; never the number in clear. */
  function personalOf(record: ValidatedRecord): { scheme: 'resident_id' | 'other_id'; hash: string; ciphertext: string; masked: string } | null {
    const s = record.subject
    if (s.kind !== 'natural_person' || !s.idNumber) return null
    if (!s.idType || s.idType === '01') return { scheme: 'resident_id', hash: cipher.lookupHash(s.idNumber), ciphertext: cipher.encrypt(s.idNumber), masked: maskResidentId(s.idNumber) }
    const value = `${s.idType}:${s.idNumber.toUpperCase()}`
    return { scheme: 'other_id', hash: cipher.lookupHash(value), ciphertext: cipher.encrypt(value), masked: maskOtherId(value) }
  }

  function standingFields(payload: Record<string, unknown>): string | null {
    if (!standingKeys) return null
    const fields: Record<string, unknown> = {}
    for (const key of standingKeys) if (Object.hasOwn(payload, key)) fields[key] = payload[key]
    return JSON.stringify(fields)
  }

  const maskIssue = (issue: RowIssue): RowIssue => (issue.column !== null && issue.value && personalHeaders.has(issue.column) ? { ...issue, value: maskAny(issue.value) } : issue)

  return {
    protect(record, fingerprint) {
      const payload: Record<string, unknown> = { ...record.payload }
      for (const key of personalFields) {
        const value = payload[key]
        if (typeof value === 'string' && value) payload[key] = { masked: maskAny(value), sealed: cipher.encrypt(value) }
      }
      const s = record.subject
      const personal = personalOf(record)
      // In stageColumns order (src/db/record-writer/staged-records.ts), without seq.
      const stageRow = encodeStageRow([
        record.rowNumber,
        fingerprint,
        s.kind,
        s.name,
        s.uscc || null,
        s.orgCode || null,
        s.registrationNumber || null,
        s.legalRepresentative || null,
        personal?.scheme,
        personal?.hash,
        personal?.ciphertext,
        personal?.masked,
        record.businessKey,
        JSON.stringify(payload),
        record.contentHash,
        record.decisionDate,
        record.publicationDate,
        record.validFrom,
        record.validTo,
        record.publicityEnd,
        record.revoked ? 'revoked' : 'in_force',
        standingFields(payload),
      ])
      return { stageRow, businessKey: record.businessKey, warnings: record.warnings.length ? record.warnings.map(maskIssue) : record.warnings }
    },
    reject(row, issues, warnings) {
      return { rowNumber: row.rowNumber, sealedValues: cipher.encrypt(JSON.stringify(row.values)), issues: issues.map(maskIssue), warnings: warnings.map(maskIssue) }
    },
  }
}
