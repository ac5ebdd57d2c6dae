/**
 * The writing half of the pipeline: links each prepared record to its subject (creating subjects
 * that are new, noting names that differ), decides new / unchanged / new version, and writes a
 * chunk with a few set-based statements through the writer's stage — all inside the batch's one
 * transaction.
 */
import type { RecordWriter, IdentifierRow, NameRow, BatchErrorRow } from '../db/record-writer/record-writer.ts'
import type { StageValue } from '../db/record-writer/staged-records.ts'
import { usccSubjectKind } from '../identifiers/index.ts'
import type { RowIssue } from './collection.ts'
import type { PreparedChunk, PreparedRecord, PreparedSubject } from './prepared-record.ts'
import { collectionMessages, toIssue } from './collection-errors.ts'
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

  const identityKey = (s: PreparedSubject): string | undefined =>
    s.personal ? `${s.personal.scheme}#${s.personal.hash}` : s.uscc ? `uscc#${s.uscc}` : s.registrationNumber ? `registration_number#${s.registrationNumber}` : s.orgCode ? `org_code#${s.orgCode}` : undefined

  /** Creates the subjects of staged rows that link to none; returns their ids. */
  async function createNewSubjects(records: PreparedRecord[]): Promise<Set<number>> {
    const unlinked = await writer.unlinkedStaged()
    if (unlinked.length === 0) return new Set()
    const creating = new Map<string, PreparedSubject>()
    for (const seq of unlinked) {
      const s = records[seq]!.subject
      const key = identityKey(s)!
      if (!creating.has(key)) creating.set(key, s)
    }
    const ids = await writer.reserveIds('subjects', creating.size)
    const identifiers: IdentifierRow[] = []
    const subjects = [...creating.values()].map((s, i) => {
      const id = ids[i]!
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
    })
    await writer.insertSubjects(subjects)
    await writer.insertIdentifiers(identifiers)
    await writer.relinkStaged()
    return new Set(ids)
  }

  /** A known subject under another name: warn, and keep the name as an observed alias for search. */
  async function noteOtherNames(records: PreparedRecord[], created: Set<number>, warnings: RowIssue[]): Promise<void> {
    const candidates = (await writer.stagedNameCandidates()).filter((c) => !created.has(c.subjectId))
    if (candidates.length === 0) return
    const known = await writer.subjectNames([...new Set(candidates.map((c) => c.subjectId))])
    // Compared in normal form: brackets, widths and spaces alone do not make another name.
    const normalForms = new Map([...known].map(([id, k]) => [id, new Set([...k.names].map(normalizeName))]))
    const names: NameRow[] = []
    for (const { seq, subjectId } of candidates) {
      const r = records[seq]!
      const k = known.get(subjectId)
      const forms = normalForms.get(subjectId)
      const form = normalizeName(r.subject.name)
      if (!k || !forms || forms.has(form)) continue
      warnings.push(toIssue(r.rowNumber, ctx.nameColumn, r.subject.name, collectionMessages.COLLECTION_NAME_DIFFERS(ctx.nameColumn ?? '名称', r.subject.name, k.name)))
      forms.add(form)
      names.push({ subjectId, name: r.subject.name, source: 'observed', batchId: ctx.batchId, at: ctx.at })
    }
    await writer.insertNames(names)
  }

  /** One round (no business key twice): stage, link, version and write it set-based. */
  async function writeRound(records: PreparedRecord[], warnings: RowIssue[]): Promise<void> {
    if (records.length === 0) return
    await writer.stageRound(records.map(stageValues))
    await writer.classifyStaged(ctx.category)
    const created = await createNewSubjects(records)
    await noteOtherNames(records, created, warnings)
    const repeats = new Set(await writer.stagedRepeats(ctx.batchId))
    records.forEach((r, seq) => {
      for (const w of r.warnings) warnings.push(w)
      if (repeats.has(seq)) {
        const key = r.businessKey.replaceAll('\u001f', ' / ')
        warnings.push(toIssue(r.rowNumber, null, key, collectionMessages.COLLECTION_DUPLICATE_IN_BATCH(key)))
      }
    })
    const outcome = await writer.stagedOutcome()
    counts.accepted += outcome.fresh
    counts.updated += outcome.revised
    counts.unchanged += outcome.unchanged
    counts.revoked += outcome.revoked
    if (outcome.fresh + outcome.revised === 0) return
    await writer.writeStaged({
      category: ctx.category,
      batchId: ctx.batchId,
      departmentId: ctx.departmentId,
      submittedBy: ctx.submittedBy,
      at: ctx.at,
      catalogVersion: ctx.catalogVersion,
      fileHash: ctx.fileHash,
      recordBase: outcome.fresh ? await writer.reserveRange('records', records.length) : 0,
      versionBase: await writer.reserveRange('record_versions', records.length),
    })
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

/** A record's row of the stage, in `stageColumns` order. */
function stageValues(r: PreparedRecord, seq: number): StageValue[] {
  const s = r.subject
  return [
    seq,
    r.rowNumber,
    r.fingerprint,
    s.name,
    s.uscc ?? null,
    s.orgCode ?? null,
    s.registrationNumber ?? null,
    s.personal?.scheme ?? null,
    s.personal?.hash ?? null,
    r.businessKey,
    r.payloadJson,
    r.contentHash,
    r.decisionDate,
    r.publicationDate,
    r.validFrom,
    r.validTo,
    r.publicityEnd,
    r.revoked ? 'revoked' : 'in_force',
  ]
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
