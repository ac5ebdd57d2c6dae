/**
 * The validating half of the pipeline: rows from a source → validated, protected records and
 * rejected rows, in chunks. Runs on a worker thread for files and inline for API requests.
 */
import type { CatalogItemDefinition, CodeTable } from '../catalog/catalog.ts'
import type { PersonalDataCipher } from '../security/personal-data.ts'
import type { RowIssue, RowSource, SourceRow } from './collection.ts'
import type { PreparedChunk, SourceSummary } from './prepared-record.ts'
import { createRowValidator } from './validate-row.ts'
import { createRecordProtector } from './protect-record.ts'
import { collectionMessages, toIssue } from './collection-errors.ts'
import { hash } from 'node:crypto'
import type { FingerprintProbe } from '../db/fingerprint-probe.ts'

export interface PrepareContext {
  definition: CatalogItemDefinition
  catalogVersion: number
  /** Finds rows already stored unchanged; without it every row is validated. */
  probe?: FingerprintProbe
  codeTables: CodeTable[]
  /** Today in the platform's clock, YYYY-MM-DD. */
  today: string
  cipher: PersonalDataCipher
  chunkSize: number
}

/** Prepared chunks of a source: its summary at once, its chunks once the writer says what standing_facts projects. */
export interface PreparedSource {
  summary: SourceSummary
  /**
   * `standingKeys`: the payload keys standing_items projects for the item (null: not projected), as
   * the writer read them holding the batch's lock — so they hold for every round it writes.
   */
  start(standingKeys: string[] | null): AsyncGenerator<PreparedChunk & { rowsRead: number }>
  /** Ends the reading early (the batch failed before or while reading). */
  stop(): Promise<void>
}

const PROBE_ROWS = 500

// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

function controlIssues(row: SourceRow, headers: string[]): RowIssue[] {
  const issues: RowIssue[] = []
  row.values.forEach((value, i) => {
    if (controlCharacter.test(value)) {
      const header = headers[i] ?? `#${i + 1}`
      issues.push(toIssue(row.rowNumber, header, value.replace(/[\u0000-\u001f\u007f]/g, '�'), collectionMessages.COLLECTION_CONTROL_CHARACTER(header)))
    }
  })
  return issues
}

export function prepareChunks(source: RowSource, ctx: PrepareContext): PreparedSource {
  const validator = createRowValidator({ definition: ctx.definition, codeTables: ctx.codeTables, headers: source.headers, today: ctx.today })
  const personalKeys = new Set(ctx.definition.fields.filter((f) => f.personal).map((f) => f.key))
  const personalColumns = new Set(validator.columns.columns.filter((c) => c.fieldKey !== null && personalKeys.has(c.fieldKey)).map((c) => c.index))
  const summary: SourceSummary = { format: source.format, encoding: source.encoding ?? null, headers: source.headers, headerIssues: validator.headerIssues }

  // The same bytes under the same catalog version and header give the same record: the fingerprint.
  const context = `${ctx.definition.code}\u0001${ctx.catalogVersion}\u0001${source.headers.join('\u001f')}\u0001`
  const fingerprintOf = (row: SourceRow) => hash('sha1', context + row.values.join('\u001f'), 'base64')

  async function* chunks(standingKeys: string[] | null): AsyncGenerator<PreparedChunk & { rowsRead: number }> {
    const protector = createRecordProtector(ctx.definition, source.headers, personalColumns, ctx.cipher, standingKeys)
    let chunk: PreparedChunk = { rounds: [], warnings: [], rejected: [], unchanged: 0 }
    // How often each business key occurred in this chunk: the nth occurrence goes to round n.
    let occurrences = new Map<string, number>()
    let rowsInChunk = 0
    let rowsRead = 0
    let pending: SourceRow[] = []

    // Rows are probed and validated a few hundred at a time, so that neither they nor their
    // intermediate objects live long enough to be copied by the garbage collector.
    async function prepare(rows: SourceRow[]): Promise<void> {
      const fingerprints = rows.map(fingerprintOf)
      const known = ctx.probe ? await ctx.probe.known(fingerprints) : undefined
      rows.forEach((row, i) => {
        const fingerprint = fingerprints[i]!
        rowsInChunk++
        if (known?.has(fingerprint)) {
          chunk.unchanged++
          return
        }
        const control = controlIssues(row, source.headers)
        if (control.length) {
          chunk.rejected.push(protector.reject(row, control, []))
          return
        }
        const outcome = validator.validate(row)
        if (!outcome.ok) {
          chunk.rejected.push(protector.reject(row, outcome.issues, outcome.warnings))
          return
        }
        const record = protector.protect(outcome.record, fingerprint)
        const n = occurrences.get(record.businessKey) ?? 0
        occurrences.set(record.businessKey, n + 1)
        ;(chunk.rounds[n] ??= []).push(record.stageRow)
        for (const w of record.warnings) chunk.warnings.push(w)
      })
    }
    function take(): PreparedChunk & { rowsRead: number } {
      const out = { ...chunk, rowsRead }
      chunk = { rounds: [], warnings: [], rejected: [], unchanged: 0 }
      occurrences = new Map()
      rowsInChunk = 0
      return out
    }
    for await (const row of source.rows) {
      rowsRead++
      pending.push(row)
      if (pending.length >= PROBE_ROWS) {
        await prepare(pending)
        pending = []
        if (rowsInChunk >= ctx.chunkSize) yield take()
      }
    }
    if (pending.length) await prepare(pending)
    if (rowsInChunk) yield take()
  }
  return { summary, start: chunks, stop: async () => {} }
}
