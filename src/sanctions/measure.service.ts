/**
 * The matter and measure catalogs as the platform office keeps them: read (cached until they
 * change), and edited — each edit a new version, validated, with its audit entry in the same
 * transaction. Seeded from the built-ins by migration 0010.
 */
import type { Database } from '../db/create-database.ts'
import type { Clock } from '../clock.ts'
import { notFound, AppError } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { actorRef, type Actor } from '../security/actor.ts'
import { authorize } from '../security/policy.ts'
import type { CatalogService } from '../catalog/catalog.service.ts'
import { canonicalJson } from '../collection/content-hash.ts'
import type { Matter } from './matters.ts'
import type { Measure } from './measures.ts'
import { measureRepository, type Stored } from './measure.repository.ts'
import { parseMatter, parseMeasure } from './measure.schema.ts'
import { configCache, configGeneration } from '../db/config-generation.ts'

export interface MeasureCatalog {
  matters: Matter[]
  /** Active measures only. */
  measures: Measure[]
  matter(code: string): Matter | undefined
}

export type SetOutcome = { code: string; version: number; outcome: 'created' | 'updated' | 'unchanged' }

export function createMeasureService(deps: { database: Database; clock: Clock; audit: AuditTrail; catalog: CatalogService }) {
  const { database, clock, audit } = deps
  const repo = measureRepository(database.db)
  const catalog = configCache(configGeneration(database.db), async (): Promise<MeasureCatalog> => {
    const matters = (await repo.matters()).filter((m) => m.status === 'active').map((m) => m.definition)
    const measures = (await repo.measures()).filter((m) => m.status === 'active').map((m) => m.definition)
    const byCode = new Map(matters.map((m) => [m.code, m]))
    return { matters, measures, matter: (code) => byCode.get(code) }
  })
  /** `at`: a configuration generation just read. */
  const current = (at?: number): Promise<MeasureCatalog> => catalog.current(at)

  async function checkReferences(m: Measure): Promise<void> {
    const matters = new Set((await repo.matters()).map((x) => x.definition.code))
    const unknown = m.matters.filter((c) => !matters.has(c))
    if (unknown.length) throw new AppError('MEASURE_MATTER_UNKNOWN', `未知的事项：${unknown.join('、')}`, `Unknown matters: ${unknown.join(', ')}`, { details: { matters: unknown } })
    const items = new Map((await deps.catalog.list()).map((v) => [v.code, v.definition]))
    for (const code of m.trigger.items ?? []) {
      const kind = items.get(code)?.listKind
      if (!kind || !m.trigger.lists!.includes(kind)) {
        throw new AppError('MEASURE_ITEM_NOT_A_LIST', `目录项 ${code} 不是所列类型的名单`, `Catalog item ${code} is not a list of the kinds named`, { details: { item: code } })
      }
    }
  }

  async function set<T extends { code: string }>(actor: Actor, kind: 'matter' | 'measure', definition: T, existing: Stored<T> | undefined): Promise<SetOutcome> {
    if (existing && existing.status === 'active' && canonicalJson(existing.definition) === canonicalJson(definition)) return { code: definition.code, version: existing.version, outcome: 'unchanged' }
    const version = (existing?.version ?? 0) + 1
    const at = clock.now().toISOString()
    const ref = actorRef(actor)
    await database.db.transaction().execute(async (trx) => {
      const tx = measureRepository(trx)
      const by = `${ref.type}:${ref.id}`
      await (kind === 'matter' ? tx.saveMatter(definition as unknown as Matter, version, at, by) : tx.saveMeasure(definition as unknown as Measure, version, at, by))
      await audit.append(trx, { actor, action: existing ? `${kind}.updated` : `${kind}.created`, entityType: kind, entityId: definition.code, detail: { version, definition, previous: existing?.definition ?? null } })
    })
    return { code: definition.code, version, outcome: existing ? 'updated' : 'created' }
  }

  return {
    current,

    async listMeasures(): Promise<Array<Stored<Measure>>> {
      return repo.measures()
    },
    async listMatters(): Promise<Array<Stored<Matter>>> {
      return repo.matters()
    },
    async getMeasure(code: string): Promise<Stored<Measure>> {
      const m = await repo.measure(code)
      if (!m) throw notFound('MEASURE_NOT_FOUND', `措施 ${code} 不存在`, `No measure ${code}`)
      return m
    },
    async getMatter(code: string): Promise<Matter> {
      const m = (await current()).matter(code)
      if (!m) throw notFound('MATTER_NOT_FOUND', `事项 ${code} 不存在`, `No matter ${code}`, { matter: code })
      return m
    },

    /** Installs a measure: created, a new version, or unchanged when identical. Audited. */
    async setMeasure(actor: Actor, input: unknown): Promise<SetOutcome> {
      authorize(actor, 'manage_measures')
      const measure = parseMeasure(input)
      await checkReferences(measure)
      return set(actor, 'measure', measure, await repo.measure(measure.code))
    },

    async setMatter(actor: Actor, input: unknown): Promise<SetOutcome> {
      authorize(actor, 'manage_measures')
      const matter = parseMatter(input)
      return set(actor, 'matter', matter, await repo.matter(matter.code))
    },
  }
}

export type MeasureService = ReturnType<typeof createMeasureService>
