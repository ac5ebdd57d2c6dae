/** All SQL of the statistics: two grouped reads, each one statement. */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { RecordCount } from './collection-figures.ts'
import type { BatchRow } from './batch-figures.ts'

export function statisticsRepository(db: Kysely<Tables>) {
  return {
    /** Records in force per (item, provider). A scan of the records table's covering index; the service caches it. */
    async countRecordsInForce(): Promise<RecordCount[]> {
      const rows = await db
        .selectFrom('records')
        .select(['category', 'department_id'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'in_force')
        .groupBy(['category', 'department_id'])
        .execute()
      return rows.map((r) => ({ category: r.category, departmentId: r.department_id, count: Number(r.n) }))
    },

    /** Batches created since an instant, optionally of one department (index batches_department). */
    async batchesSince(from: string, departmentId?: number): Promise<BatchRow[]> {
      let query = db.selectFrom('batches').select(['department_id', 'created_at', 'status', 'received', 'accepted', 'updated', 'rejected']).where('created_at', '>=', from)
      if (departmentId !== undefined) query = query.where('department_id', '=', departmentId)
      const rows = await query.execute()
      return rows.map((r) => ({ departmentId: r.department_id, createdAt: r.created_at, status: r.status, received: r.received, accepted: r.accepted, updated: r.updated, rejected: r.rejected }))
    },
  }
}
