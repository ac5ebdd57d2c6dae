/**
 * The writing half of the pipeline: links each prepared record to its subject (creating subjects
 * that are new, noting names that differ), decides new / unchanged / new version, and writes a
 * chunk with a few set-based statements — all inside the batch's one transaction.
 */
import type { RecordWriter, IdentifierRow, NameRow, RecordRow, RecordUpdate, VersionRow, BatchErrorRow, ExistingRecord } from '../db/record-writer/record-writer.ts'
import { usccSubjectKind } from '../identifiers/index.ts'
import type { RowIssue } from './collection.ts'
import type { PreparedChunk, PreparedRecord, PreparedSubject } from './prepared-record.ts'
import { collectionMessages, toIssue } from './collection-errors.ts'
import { decideVersion } from './versioning.ts'
import { normalizeName } from '../subjects/subject-name.ts'

export interface BatchContext {
  batchId: number
  category: string
  catalogVersion: number
  departmentId: number
  submittedBy: string
  fileHash: string | null
  at: string
  /** Header column that holds the subject name, for the name-differs warning. */
  nameColumn: string | null
}

export interface BatchCounts {
  /** Versions written that revoke their record (included in accepted or updated). */
  revoked: number
  received: number
  accepted: number
  updated: number
  unchanged: number
  rejected: number
  warnings: number
}

/** Issues kept in memory for the caller's summary (all are stored in batch_errors). */
export const SUMMARY_ISSUE_LIMIT = 100_000

export function createBatchWriter(writer: RecordWriter, ctx: BatchContext) {
  const counts: BatchCounts = { revoked: 0, received: 0, accepted: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0 }
  const errors: RowIssue[] = []
  const observedNames = new Set<string>()
  // Names of subjects already linked in this batch: penalties come in runs against the same firms.
  const knownNames = new Map<number, { name: string; names: Set<string> }>()
  // Identity key → subject id, for subjects already found or created in this batch.
  const linkedSubjects = new Map<string, number>()

  const identityKey = (s: PreparedSubject): string | undefined =>
    s.personal ? `${s.personal.scheme}#${s.personal.hash}` : s.uscc ? `uscc#${s.uscc}` : s.registrationNumber ? `registration_number#${s.registrationNumber}` : s.orgCode ? `org_code#${s.orgCode}` : undefined

  async function linkSubjects(records: PreparedRecord[], issuesOut: RowIssue[]): Promise<Map<string, number>> {
    const byScheme = new Map<string, Set<string>>()
    const want = (scheme: string, value: string) => {
      let set = byScheme.get(scheme)
      if (!set) byScheme.set(scheme, (set = new Set()))
      set.add(value)
    }
    for (const r of records) {
      const s = r.subject
      if (s.personal) want(`${s.personal.scheme}#hash`, s.personal.hash)
      else {
        if (s.uscc) want('uscc', s.uscc)
        if (s.registrationNumber) want('registration_number', s.registrationNumber)
        if (s.orgCode) want('org_code', s.orgCode)
      }
    }
    const found = new Map<string, number>()
    for (const [scheme, values] of byScheme) {
      const prefixOf = scheme.endsWith('#hash') ? scheme.slice(0, -5) : scheme
      const list: string[] = []
      for (const value of values) {
        const cached = linkedSubjects.get(`${prefixOf}#${value}`)
        if (cached !== undefined) found.set(`${prefixOf}#${value}`, cached)
        else list.push(value)
      }
      if (list.length === 0) continue
      const hits = scheme.endsWith('#hash') ? await writer.subjectsByHash(prefixOf, list) : await writer.subjectsByValue(scheme, list)
      for (const [value, id] of hits) found.set(`${prefixOf}#${value}`, id)
    }

    // Subjects not found by their main key: found by a legacy code, or new.
    const linked = new Map<string, number>()
    const creating: Array<{ key: string; subject: PreparedSubject }> = []
    const creatingKeys = new Set<string>()
    for (const r of records) {
      const key = identityKey(r.subject)!
      if (linked.has(key) || creatingKeys.has(key)) continue
      const s = r.subject
      const id = found.get(key) ?? (s.registrationNumber ? found.get(`registration_number#${s.registrationNumber}`) : undefined) ?? (s.orgCode ? found.get(`org_code#${s.orgCode}`) : undefined)
      if (id !== undefined) linked.set(key, id)
      else {
        creating.push({ key, subject: s })
        creatingKeys.add(key)
      }
    }
    if (linkedSubjects.size > 500_000) linkedSubjects.clear()
    for (const [key, id] of linked) linkedSubjects.set(key, id)
    if (creating.length) {
      const ids = await writer.reserveIds('subjects', creating.length)
      const identifiers: IdentifierRow[] = []
      await writer.insertSubjects(
        creating.map(({ key, subject: s }, i) => {
          const id = ids[i]!
          linked.set(key, id)
          linkedSubjects.set(key, id)
          const idRow = (scheme: string, value: string | null, extra: Partial<IdentifierRow> = {}) =>
            identifiers.push({ subjectId: id, scheme, value, valueHash: null, ciphertext: null, masked: null, at: ctx.at, ...extra })
          if (s.uscc) {
            idRow('uscc', s.uscc)
            idRow('org_code', s.uscc.slice(8, 17))
          } else if (s.orgCode) idRow('org_code', s.orgCode)
          if (s.registrationNumber) idRow('registration_number', s.registrationNumber)
          if (s.personal) idRow(s.personal.scheme, null, { valueHash: s.personal.hash, ciphertext: s.personal.ciphertext, masked: s.personal.masked })
          const kind = s.kind === 'natural_person' ? 'natural_person' : s.kind === 'individual_business' ? 'individual_business' : s.uscc ? (usccSubjectKind(s.uscc) ?? 'enterprise') : 'enterprise'
          return { id, kind, name: s.name, division: s.uscc ? s.uscc.slice(2, 8) : null, legalRepresentative: s.legalRepresentative ?? null, at: ctx.at }
        }),
      )
      await writer.insertIdentifiers(identifiers)
    }

    // A known subject under another name: warn, and keep the name as an observed alias for search.
    const newIds = new Set(creating.map((c) => linked.get(c.key)))
    const existingIds = [...new Set([...linked.values()].filter((id) => !newIds.has(id)))]
    if (existingIds.length) {
      const missing = existingIds.filter((id) => !knownNames.has(id))
      if (missing.length) {
        if (knownNames.size > 200_000) knownNames.clear()
        // Compared in normal form: brackets, widths and spaces alone do not make another name.
        for (const [id, k] of await writer.subjectNames(missing)) knownNames.set(id, { name: k.name, names: new Set([...k.names].map(normalizeName)) })
      }
      const known = knownNames
      const names: NameRow[] = []
      for (const r of records) {
        const id = linked.get(identityKey(r.subject)!)!
        const k = known.get(id)
        if (!k || k.names.has(normalizeName(r.subject.name))) continue
        issuesOut.push(toIssue(r.rowNumber, ctx.nameColumn, r.subject.name, collectionMessages.COLLECTION_NAME_DIFFERS(ctx.nameColumn ?? '名称', r.subject.name, k.name)))
        const mark = `${id}\u0001${r.subject.name}`
        if (!observedNames.has(mark)) {
          observedNames.add(mark)
          k.names.add(normalizeName(r.subject.name))
          names.push({ subjectId: id, name: r.subject.name, source: 'observed', batchId: ctx.batchId, at: ctx.at })
        }
      }
      await writer.insertNames(names)
    }
    return linked
  }


  async function writeRound(records: PreparedRecord[], warnings: RowIssue[]): Promise<void> {
    if (records.length === 0) return
    const subjectIds = await linkSubjects(records, warnings)
    const existing = await writer.recordsByKey(ctx.category, records.map((r) => r.businessKey))
    const newRecords: Array<{ r: PreparedRecord; subjectId: number }> = []
    const revisions: Array<{ r: PreparedRecord; before: ExistingRecord }> = []
    for (const r of records) {
      for (const w of r.warnings) warnings.push(w)
      const before = existing.get(r.businessKey)
      if (before?.currentBatchId === ctx.batchId) {
        const key = r.businessKey.replaceAll('\u001f', ' / ')
        warnings.push(toIssue(r.rowNumber, null, key, collectionMessages.COLLECTION_DUPLICATE_IN_BATCH(key)))
      }
      const decision = decideVersion(before, r)
      if (decision === 'unchanged') counts.unchanged++
      else if (before) {
        revisions.push({ r, before })
        counts.updated++
      } else {
        newRecords.push({ r, subjectId: subjectIds.get(identityKey(r.subject)!)! })
        counts.accepted++
      }
    }

    const recordIds = await writer.reserveIds('records', newRecords.length)
    const versionIds = await writer.reserveIds('record_versions', newRecords.length + revisions.length)
    const recordRows: RecordRow[] = []
    const versionRows: VersionRow[] = []
    const updates: RecordUpdate[] = []
    const superseded: number[] = []
    let v = 0
    const versionRow = (r: PreparedRecord, id: number, recordId: number, version: number): VersionRow => ({
      id,
      recordId,
      version,
      payload: r.payloadJson,
      contentHash: r.contentHash,
      decisionDate: r.decisionDate,
      publicationDate: r.publicationDate,
      validFrom: r.validFrom,
      validTo: r.validTo,
      publicityEnd: r.publicityEnd,
      status: r.revoked ? 'revoked' : 'in_force',
      departmentId: ctx.departmentId,
      batchId: ctx.batchId,
      sourceRow: r.rowNumber,
      submittedBy: ctx.submittedBy,
      receivedAt: ctx.at,
      catalogVersion: ctx.catalogVersion,
      fileHash: ctx.fileHash,
    })
    newRecords.forEach(({ r, subjectId }, i) => {
      const id = recordIds[i]!
      const versionId = versionIds[v++]!
      recordRows.push({ id, category: ctx.category, subjectId, businessKey: r.businessKey, currentVersionId: versionId, currentVersion: 1, currentHash: r.contentHash, currentFingerprint: r.fingerprint, currentBatchId: ctx.batchId, departmentId: ctx.departmentId, status: r.revoked ? 'revoked' : 'in_force', at: ctx.at })
      versionRows.push(versionRow(r, versionId, id, 1))
      if (r.revoked) counts.revoked++
    })
    for (const { r, before } of revisions) {
      const versionId = versionIds[v++]!
      const version = before.currentVersion + 1
      versionRows.push(versionRow(r, versionId, before.id, version))
      updates.push({ id: before.id, currentVersionId: versionId, currentVersion: version, currentHash: r.contentHash, currentFingerprint: r.fingerprint, currentBatchId: ctx.batchId, status: r.revoked ? 'revoked' : 'in_force', at: ctx.at })
      superseded.push(before.currentVersionId)
      if (r.revoked) counts.revoked++
    }
    await writer.insertRecords(recordRows)
    await writer.supersedeVersions(superseded)
    await writer.insertVersions(versionRows)
    await writer.updateRecords(updates)
  }

  return {
    counts,
    /** The first SUMMARY_ISSUE_LIMIT rejected-row issues, for the caller's summary. */
    errors,

    async write(chunk: PreparedChunk): Promise<void> {
      const warnings: RowIssue[] = []
      const batchErrors: BatchErrorRow[] = []
      counts.received += chunk.records.length + chunk.rejected.length + chunk.unchanged
      counts.unchanged += chunk.unchanged
      counts.rejected += chunk.rejected.length

      for (const row of chunk.rejected) {
        row.issues.forEach((issue, i) => {
          if (errors.length < SUMMARY_ISSUE_LIMIT) errors.push(issue)
          // The original row is kept once, with the row's first issue, for the fix-and-resend file.
          batchErrors.push(toErrorRow(ctx.batchId, issue, i === 0 ? row.sealedValues : null))
        })
        for (const w of row.warnings) batchErrors.push(toErrorRow(ctx.batchId, w, null))
      }

      // A key repeated within the chunk is written in rounds, so each occurrence becomes a version.
      for (const round of occurrenceRounds(chunk.records)) await writeRound(round, warnings)
      counts.warnings += warnings.length + chunk.rejected.reduce((n, r) => n + r.warnings.length, 0)
      for (const w of warnings) batchErrors.push(toErrorRow(ctx.batchId, w, null))
      await writer.insertBatchErrors(batchErrors)
    },
  }
}

function toErrorRow(batchId: number, issue: RowIssue, sealedValues: string | null): BatchErrorRow {
  return {
    batchId,
    rowNumber: issue.row,
    column: issue.column,
    value: issue.value === null ? null : issue.value.slice(0, 500),
    code: issue.code,
    message: issue.message,
    messageEn: issue.message_en,
    severity: issue.severity,
    rawRow: sealedValues === null ? null : JSON.stringify({ sealed: sealedValues }),
  }
}

/** Splits records so that no business key appears twice in one round, keeping row order. */
export function occurrenceRounds(records: PreparedRecord[]): PreparedRecord[][] {
  const rounds: PreparedRecord[][] = []
  const seen = new Map<string, number>()
  for (const r of records) {
    const n = seen.get(r.businessKey) ?? 0
    seen.set(r.businessKey, n + 1)
    ;(rounds[n] ??= []).push(r)
  }
  return rounds
}
