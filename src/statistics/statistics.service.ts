/**
 * Aggregate figures: the public's "what has been collected" (cached, see collectionFigures) and
 * the console's batch figures (scoped to the caller's department unless it oversees all).
 */
import type { Database } from '../db/create-database.ts'
import type { Clock } from '../clock.ts'
import type { Actor } from '../security/actor.ts'
import { authorize, can } from '../security/policy.ts'
import type { CatalogService } from '../catalog/catalog.service.ts'
import type { DepartmentService } from '../departments/department.service.ts'
import { collectionFigures, type CollectionFigures } from './collection-figures.ts'
import { batchFigures, monthStart, monthsEnding, type BatchFigures } from './batch-figures.ts'
import { statisticsRepository } from './statistics.repository.ts'
import { ttlCache } from './ttl-cache.ts'

/**
 * Counting 10M records means reading the whole covering index (seconds), so the public figures are
 * computed at most once per TTL per process and served from memory in between; they lag new
 * batches by up to this long, which a home-page chart can afford.
 */
export const COLLECTION_FIGURES_TTL_MS = 5 * 60_000
export const DASHBOARD_MONTHS = 12

export function createStatisticsService(deps: { database: Database; clock: Clock; catalog: CatalogService; departments: DepartmentService; ttlMs?: number; now?: () => number }) {
  const { clock, catalog, departments } = deps
  const repo = statisticsRepository(deps.database.db)

  const collection = ttlCache<CollectionFigures>(
    async () => {
      const [counts, items, list] = await Promise.all([repo.countRecordsInForce(), catalog.list(), departments.list()])
      return collectionFigures({ counts, catalog: items, departments: list, asOf: clock.now().toISOString() })
    },
    { ttlMs: deps.ttlMs ?? COLLECTION_FIGURES_TTL_MS, ...(deps.now ? { now: deps.now } : {}) },
  )

  return {
    /** Anyone may read these: counts of public items only. */
    collection: (): Promise<CollectionFigures> => collection.get(),

    /** Forget the cached public figures (after a bulk load, in tests). */
    forgetCollection: () => collection.clear(),

    async batches(actor: Actor): Promise<BatchFigures> {
      authorize(actor, 'read_collection_statistics')
      const seesAll = can(actor, 'read_audit_log') || can(actor, 'manage_departments')
      const own = actor.type === 'user' || actor.type === 'api_key' ? actor.departmentId : null
      const now = clock.now()
      const months = monthsEnding(now, DASHBOARD_MONTHS)
      const from = monthStart(months[0]!)
      const [rows, list] = await Promise.all([seesAll || own === null ? repo.batchesSince(from) : repo.batchesSince(from, own), departments.list()])
      // A user without a department who does not oversee all sees nothing rather than everything.
      const visible = seesAll ? rows : rows.filter((r) => r.departmentId === own)
      return batchFigures({ batches: visible, departments: list, now, months: DASHBOARD_MONTHS })
    },
  }
}

export type StatisticsService = ReturnType<typeof createStatisticsService>
