/**
 * Puts demo records in the way departments do: each batch through the collection service (JSON, as
 * a department system posts it), so every row is validated against the catalog, linked to its
 * subject and versioned with provenance. Rows the catalog rejects are counted and their first
 * errors kept, so a seed that drifts from the catalog shows it at once.
 */
import type { Platform } from '../platform.ts'
import type { Actor } from '../security/actor.ts'
import type { DemoBatch } from '../demo/demo-rows.ts'

export interface SubmittedRecords {
  batches: number
  received: number
  /** New records and new versions. */
  accepted: number
  rejected: number
  /** The first rejects, for the report. */
  errors: Array<{ category: string; department: string; row: number; column: string | null; code: string; message: string }>
}

export const emptySubmission = (): SubmittedRecords => ({ batches: 0, received: 0, accepted: 0, rejected: 0, errors: [] })

export async function submitDemoBatches(platform: Pick<Platform, 'collection'>, actor: Actor, batches: readonly DemoBatch[], into: SubmittedRecords = emptySubmission()): Promise<SubmittedRecords> {
  for (const b of batches) {
    if (b.rows.length === 0) continue
    const summary = await platform.collection.submitRecords(actor, { category: b.category, departmentCode: b.department, records: b.rows })
    into.batches++
    into.received += summary.received
    into.accepted += summary.accepted + summary.updated
    into.rejected += summary.rejected
    for (const e of summary.errors) {
      if (into.errors.length < 20) into.errors.push({ category: b.category, department: b.department, row: e.row, column: e.column, code: e.code, message: e.message })
    }
  }
  return into
}
