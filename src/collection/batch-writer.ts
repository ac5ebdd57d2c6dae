/**
 * The writing half of the pipeline: links each prepared record to its subject (creating subjects
 * that are new, noting names that differ), decides new / unchanged / new version, and writes a
 * chunk with a few set-based statements through the writer's stage — all inside the batch's one
 * transaction.
 */
import type { RecordWriter, IdentifierRow, NameRow, BatchErrorRow } from '../db/record-writer/record-writer.ts'
import type { UnlinkedRow } from '../db/record-writer/staged-records.ts'
import { usccSubjectKind } from '../identifiers/index.ts'
import type { RowIssue } from './collection.ts'
import type { PreparedChunk } from './prepared-record.ts'
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

/** Held names compared per page when the batch ends. */
const NAME_PAGE = 5_000

export function createBatchWriter(writer: RecordWriter, ctx: BatchContext) {
  const counts: BatchCounts = { revoked: 0, received: 0, accepted: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0 }
  const errors: RowIssue[] = []

  /** Creates the subjects of staged rows that link to none. */
  async function createNewSubjects(): Promise<void> {
    const unlinked = await writer.unlinkedStaged()
    if (unlinked.length === 0) return
    const creating = new Map<string, UnlinkedRow>()
    for (const row of unlinked) {
      const key = identityKey(row)
      if (!creating.has(key)) creating.set(key, row)
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
      } else if (s.org_code) idRow('org_code', s.org_code)
      if (s.registration_number) idRow('registration_number', s.registration_number)
      if (s.person_scheme && s.person_hash) idRow(s.person_scheme, null, { valueHash: s.person_hash, ciphertext: s.person_ciphertext, masked: s.person_masked })
      const kind = s.subject_kind === 'natural_person' ? 'natural_person' : s.subject_kind === 'individual_business' ? 'individual_business' : s.uscc ? (usccSubjectKind(s.uscc) ?? 'enterprise') : 'enterprise'
      return { id, kind, name: s.subject_name, division: s.uscc ? s.uscc.slice(2, 8) : null, legalRepresentative: s.legal_representative, at: ctx.at }
    })
    await writer.insertSubjects(subjects)
    await writer.insertIdentifiers(identifiers)
    await writer.relinkStaged()
  }

  /**
   * A known subject under another name: warn, and keep the name as an observed alias for search.
   * Compared once the rounds are written, over the names they held, a page at a time in subject
   * order; a subject a round created is known by the name its rows gave.
   */
  async function noteOtherNames(): Promise<void> {
    let after = { subjectId: 0, rowNumber: 0 }
    for (;;) {
      const candidates = await writer.heldNameCandidates(after, NAME_PAGE)
      if (candidates.length === 0) return
      const warnings: RowIssue[] = []
      after = candidates.at(-1)!
      const known = await writer.subjectNames([...new Set(candidates.map((c) => c.subjectId))])
      // Compared in normal form: brackets, widths and spaces alone do not make another name.
      const normalForms = new Map([...known].map(([id, k]) => [id, new Set([...k.names].map(normalizeName))]))
      const names: NameRow[] = []
      for (const { rowNumber, name, subjectId } of candidates) {
        const k = known.get(subjectId)
        const forms = normalForms.get(subjectId)
        const form = normalizeName(name)
        if (!k || !forms || forms.has(form)) continue
        warnings.push(toIssue(rowNumber, ctx.nameColumn, name, collectionMessages.COLLECTION_NAME_DIFFERS(ctx.nameColumn ?? '名称', name, k.name)))
        forms.add(form)
        names.push({ subjectId, name, source: 'observed', batchId: ctx.batchId, at: ctx.at })
      }
      await writer.insertNames(names)
      counts.warnings += warnings.length
      await writer.insertBatchErrors(warnings.map((w) => toErrorRow(ctx.batchId, w, null)))
    }
  }

  /** One round (no business key twice): stage, link, version and write it set-based. */
  async function writeRound(rows: string[], warnings: RowIssue[]): Promise<void> {
    if (rows.length === 0) return
    await writer.stageRound(rows)
    await writer.classifyStaged(ctx.category)
    await createNewSubjects()
    await writer.holdNames()
    for (const { rowNumber, businessKey } of await writer.stagedRepeats(ctx.batchId)) {
      const key = businessKey.replaceAll('\u001f', ' / ')
      warnings.push(toIssue(rowNumber, null, key, collectionMessages.COLLECTION_DUPLICATE_IN_BATCH(key)))
    }
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
      recordBase: outcome.fresh ? await writer.reserveRange('records', rows.length) : 0,
      versionBase: await writer.reserveRange('record_versions', rows.length),
    })
  }

  return {
    counts,
    /** The first SUMMARY_ISSUE_LIMIT rejected-row issues, for the caller's summary. */
    errors,

    async write(chunk: PreparedChunk): Promise<void> {
      const warnings: RowIssue[] = []
      const batchErrors: BatchErrorRow[] = []
      counts.received += chunk.rounds.reduce((n, round) => n + round.length, 0) + chunk.rejected.length + chunk.unchanged
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

      for (const w of chunk.warnings) warnings.push(w)
      // A key repeated within the chunk is written in rounds, so each occurrence becomes a version.
      for (const round of chunk.rounds) await writeRound(round, warnings)
      counts.warnings += warnings.length + chunk.rejected.reduce((n, r) => n + r.warnings.length, 0)
      for (const w of warnings) batchErrors.push(toErrorRow(ctx.batchId, w, null))
      await writer.insertBatchErrors(batchErrors)
    },

    /** After the last chunk: what the rounds held back. */
    async finish(): Promise<void> {
      await writer.writeHeldStanding()
      await noteOtherNames()
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

/** Who a staged row is about, as one key: rows with the same key are one new subject. */
function identityKey(s: UnlinkedRow): string {
  return s.person_hash ? `${s.person_scheme}#${s.person_hash}` : s.uscc ? `uscc#${s.uscc}` : s.registration_number ? `registration_number#${s.registration_number}` : `org_code#${s.org_code}`
}
