/**
 * Turns a validated record into what is stored: personal field values sealed (AES-256-GCM) and
 * masked, a person's identity number reduced to a lookup hash, ciphertext and mask.
 */
import type { CatalogItemDefinition } from '../catalog/catalog.ts'
import type { PersonalDataCipher } from '../security/personal-data.ts'
import { maskResidentId } from '../identifiers/index.ts'
import { maskOtherId } from '../subjects/mask.ts'
import type { RowIssue, SourceRow, ValidatedRecord } from './collection.ts'
import type { PreparedRecord, PreparedSubject, RejectedRow } from './prepared-record.ts'

export interface RecordProtector {
  protect(record: ValidatedRecord): Omit<PreparedRecord, 'fingerprint'>
  reject(row: SourceRow, issues: RowIssue[], warnings: RowIssue[]): RejectedRow
}

const maskAny = (value: string) => (/^\d{17}[\dX]$/.test(value) ? maskResidentId(value) : value.length <= 4 ? '*'.repeat(value.length) : `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`)

export function createRecordProtector(definition: CatalogItemDefinition, headers: string[], personalColumns: ReadonlySet<number>, cipher: PersonalDataCipher): RecordProtector {
  const personalFields = definition.fields.filter((f) => f.personal).map((f) => f.key)
  const personalHeaders = new Set([...personalColumns].map((i) => headers[i]).filter((h): h is string => h !== undefined))

  function subjectOf(record: ValidatedRecord): PreparedSubject {
    const s = record.subject
    const subject: PreparedSubject = { kind: s.kind, name: s.name }
    if (s.uscc) subject.uscc = s.uscc
    if (s.orgCode) subject.orgCode = s.orgCode
    if (s.registrationNumber) subject.registrationNumber = s.registrationNumber
    if (s.legalRepresentative) subject.legalRepresentative = s.legalRepresentative
    if (s.kind === 'natural_person' && s.idNumber) {
      if (!s.idType || s.idType === '01') {
        subject.personal = { scheme: 'resident_id', hash: cipher.lookupHash(s.idNumber), ciphertext: cipher.encrypt(s.idNumber), masked: maskResidentId(s.idNumber) }
      } else {
        const value = `${s.idType}:${s.idNumber.toUpperCase()}`
        subject.personal = { scheme: 'other_id', hash: cipher.lookupHash(value), ciphertext: cipher.encrypt(value), masked: maskOtherId(value) }
      }
    }
    return subject
  }

  const maskIssue = (issue: RowIssue): RowIssue => (issue.column !== null && issue.value && personalHeaders.has(issue.column) ? { ...issue, value: maskAny(issue.value) } : issue)

  return {
    protect(record) {
      const payload: Record<string, unknown> = { ...record.payload }
      for (const key of personalFields) {
        const value = payload[key]
        if (typeof value === 'string' && value) payload[key] = { masked: maskAny(value), sealed: cipher.encrypt(value) }
      }
      return {
        rowNumber: record.rowNumber,
        subject: subjectOf(record),
        businessKey: record.businessKey,
        payloadJson: JSON.stringify(payload),
        contentHash: record.contentHash,
        decisionDate: record.decisionDate,
        publicationDate: record.publicationDate,
        validFrom: record.validFrom,
        validTo: record.validTo,
        publicityEnd: record.publicityEnd,
        revoked: record.revoked,
        warnings: record.warnings.map(maskIssue),
      }
    },
    reject(row, issues, warnings) {
      return { rowNumber: row.rowNumber, sealedValues: cipher.encrypt(JSON.stringify(row.values)), issues: issues.map(maskIssue), warnings: warnings.map(maskIssue) }
    },
  }
}
