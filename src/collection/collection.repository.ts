/** Kysely SQL for batches and their reports (the bulk write path is in src/db/record-writer). */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'

export interface Batch {
  id: number
  departmentId: number
  departmentCode: string
  category: string
  catalogVersion: number
  channel: string
  fileName: string | null
  fileHash: string | null
  format: string | null
  encoding: string | null
  headers: string[] | null
  submittedBy: string
  status: 'validating' | 'committed' | 'failed' | 'interrupted'
  received: number
  accepted: number
  updated: number
  unchanged: number
  rejected: number
  warnings: number
  createdAt: string
  completedAt: string | null
  failure: { code: string; message: string; message_en: string } | null
}

export interface StoredIssue {
  row: number
  column: string | null
  value: string | null
  code: string
  message: string
  message_en: string
  severity: 'error' | 'warning'
  sealedValues: string | null
}

export function collectionRepository(db: Kysely<Tables>) {
  const batches = () => db.selectFrom('batches').innerJoin('departments', 'departments.id', 'batches.department_id').selectAll('batches').select('departments.code as department_code')
  type Row = Awaited<ReturnType<ReturnType<typeof batches>['executeTakeFirstOrThrow']>>
  const toBatch = (r: Row): Batch => ({
    id: r.id,
    departmentId: r.department_id,
    departmentCode: r.department_code,
    category: r.category,
    catalogVersion: r.catalog_version,
    channel: r.channel,
    fileName: r.file_name,
    fileHash: r.file_hash,
    format: r.format,
    encoding: r.encoding,
    headers: r.headers ? (JSON.parse(r.headers) as string[]) : null,
    submittedBy: r.submitted_by,
    status: r.status as Batch['status'],
    received: r.received,
    accepted: r.accepted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    warnings: r.warnings,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    failure: r.failure ? JSON.parse(r.failure) : null,
  })

  return {
    async createBatch(b: { departmentId: number; category: string; catalogVersion: number; channel: string; fileName: string | null; fileHash: string | null; submittedBy: string; at: string }): Promise<number> {
      const { id } = await db
        .insertInto('batches')
        .values({ department_id: b.departmentId, category: b.category, catalog_version: b.catalogVersion, channel: b.channel, file_name: b.fileName, file_hash: b.fileHash, format: null, encoding: null, headers: null, submitted_by: b.submittedBy, status: 'validating', received: 0, accepted: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0, created_at: b.at, completed_at: null, failure: null })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },
    async describeSource(id: number, s: { format: string; encoding: string | null; headers: string[] }): Promise<void> {
      await db.updateTable('batches').set({ format: s.format, encoding: s.encoding, headers: JSON.stringify(s.headers) }).where('id', '=', id).execute()
    },
    /** Earlier runs of the same file that never finished (a killed process) are marked interrupted. */
    async interruptUnfinished(b: { departmentId: number; category: string; fileHash: string; exceptId: number }): Promise<number[]> {
      const rows = await db
        .updateTable('batches')
        .set({ status: 'interrupted' })
        .where('department_id', '=', b.departmentId)
        .where('category', '=', b.category)
        .where('file_hash', '=', b.fileHash)
        .where('status', '=', 'validating')
        .where('id', '!=', b.exceptId)
        .returning('id')
        .execute()
      return rows.map((r) => r.id)
    },
    async fail(id: number, failure: { code: string; message: string; message_en: string }, at: string): Promise<void> {
      await db.updateTable('batches').set({ status: 'failed', failure: JSON.stringify(failure), completed_at: at }).where('id', '=', id).where('status', '=', 'validating').execute()
    },
    async find(id: number): Promise<Batch | undefined> {
      const row = await batches().where('batches.id', '=', id).executeTakeFirst()
      return row && toBatch(row)
    },
    async list(filter: { departmentId?: number; limit: number; beforeId?: number }): Promise<Batch[]> {
      let q = batches().orderBy('batches.id', 'desc').limit(filter.limit)
      if (filter.departmentId !== undefined) q = q.where('batches.department_id', '=', filter.departmentId)
      if (filter.beforeId !== undefined) q = q.where('batches.id', '<', filter.beforeId)
      return (await q.execute()).map(toBatch)
    },
    async issues(batchId: number, options: { severity?: 'error' | 'warning'; afterId?: number; limit: number }): Promise<Array<StoredIssue & { id: number }>> {
      let q = db.selectFrom('batch_errors').selectAll().where('batch_id', '=', batchId).orderBy('id').limit(options.limit)
      if (options.severity) q = q.where('severity', '=', options.severity)
      if (options.afterId) q = q.where('id', '>', options.afterId)
      const rows = await q.execute()
      return rows.map((r) => ({
        id: r.id,
        row: r.row_number,
        column: r.column_name,
        value: r.value,
        code: r.code,
        message: r.message,
        message_en: r.message_en,
        severity: r.severity as StoredIssue['severity'],
        sealedValues: r.raw_row ? ((JSON.parse(r.raw_row) as { sealed: string }).sealed ?? null) : null,
      }))
    },
  }
}
