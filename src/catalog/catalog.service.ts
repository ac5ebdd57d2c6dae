/**
 * Use cases for the catalog: the catalog is data, every change makes a new version, and every
 * version is written with its audit entry in the same transaction. Records later point at the
 * version they were checked against, so old versions are never changed or removed.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Database } from '../db/create-database.ts'
import type { Clock } from '../clock.ts'
import { AppError, conflict, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { authorize } from '../security/policy.ts'
import { actorRef, type Actor } from '../security/actor.ts'
import { catalogRepository } from './catalog.repository.ts'
import type { CatalogItemDefinition, CatalogItemVersion, CodeTable } from './catalog.ts'
import { parseCatalogItems } from './catalog.schema.ts'
import { baseCatalog, codeTables as baseCodeTables } from './base-catalog/index.ts'
import { catalogTemplateCsv, catalogTemplateXlsx } from './catalog-template.ts'

export interface ImportOutcome {
  code: string
  outcome: 'created' | 'revised' | 'unchanged'
  version: number
}

export function createCatalogService(deps: { database: Database; clock: Clock; audit: AuditTrail }) {
  const { database, clock, audit } = deps
  const repo = catalogRepository(database.db)

  const itemNotFound = (code: string, version?: number) =>
    notFound('CATALOG_ITEM_NOT_FOUND', `目录中没有 ${code}${version ? ` 第 ${version} 版` : ''}`, `No catalog item ${code}${version ? ` version ${version}` : ''}`)

  async function knownCodeTableKeys(): Promise<string[]> {
    return (await repo.codeTables()).map((t) => t.key)
  }

  /** Validates definitions against the schema and the stored code tables; throws one coded error listing every issue. */
  async function validate(json: unknown): Promise<CatalogItemDefinition[]> {
    const parsed = parseCatalogItems(json, await knownCodeTableKeys())
    if (!parsed.ok) {
      const first = parsed.issues[0]
      throw new AppError('CATALOG_ITEM_INVALID', `目录项定义有误：${first ? `${first.path} ${first.zh}` : ''}${parsed.issues.length > 1 ? ` 等 ${parsed.issues.length} 处` : ''}`, `Invalid catalog item definition: ${first ? `${first.path} ${first.en}` : ''}${parsed.issues.length > 1 ? ` and ${parsed.issues.length - 1} more` : ''}`, { details: { issues: parsed.issues } })
    }
    return parsed.items
  }

  /** Writes one definition as a new version (or the first), unless it equals the current one. */
  async function save(actor: Actor, definition: CatalogItemDefinition, note: string | null, mode: 'create' | 'revise' | 'upsert'): Promise<ImportOutcome> {
    return database.db.transaction().execute(async (trx) => {
      const r = catalogRepository(trx)
      const current = await r.findVersion(definition.code)
      if (current && mode === 'create') throw conflict('CATALOG_ITEM_EXISTS', `目录项 ${definition.code} 已存在`, `Catalog item ${definition.code} already exists`)
      if (!current && mode === 'revise') throw itemNotFound(definition.code)
      if (current && isDeepStrictEqual(current.definition, definition)) return { code: definition.code, outcome: 'unchanged', version: current.version }
      const version = (current?.version ?? 0) + 1
      const at = clock.now().toISOString()
      await r.insertVersion({ code: definition.code, version, definition, at, by: actorRef(actor).id, note })
      await audit.append(trx, {
        actor,
        action: current ? 'catalog.revise' : 'catalog.create',
        entityType: 'catalog_item',
        entityId: definition.code,
        detail: { version, note, ...(current ? { previousVersion: current.version, changedAttributes: changedAttributes(current.definition, definition) } : {}) },
      })
      return { code: definition.code, outcome: current ? 'revised' : 'created', version }
    })
  }

  const service = {
    /** Installs the built-in code tables and items that are not there yet; edits made by the city are kept. */
    async installBaseCatalog(actor: Actor): Promise<ImportOutcome[]> {
      authorize(actor, 'manage_catalog')
      const existingTables = new Set(await knownCodeTableKeys())
      await database.db.transaction().execute(async (trx) => {
        const at = clock.now().toISOString()
        for (const table of baseCodeTables) {
          if (existingTables.has(table.key)) continue
          await catalogRepository(trx).upsertCodeTable(table, at)
          await audit.append(trx, { actor, action: 'code_table.install', entityType: 'code_table', entityId: table.key, detail: { entries: table.entries.length } })
        }
      })
      const outcomes: ImportOutcome[] = []
      for (const item of baseCatalog) {
        const current = await repo.currentVersionNumber(item.code)
        outcomes.push(current ? { code: item.code, outcome: 'unchanged', version: current } : await save(actor, item, '内置目录 built-in catalog', 'create'))
      }
      return outcomes
    },

    list: (): Promise<CatalogItemVersion[]> => repo.listCurrent(),

    async get(code: string, version?: number): Promise<CatalogItemVersion> {
      const found = await repo.findVersion(code, version)
      if (!found) throw itemNotFound(code, version)
      return found
    },

    async versions(code: string) {
      const versions = await repo.versions(code)
      if (versions.length === 0) throw itemNotFound(code)
      return versions
    },

    codeTables: (): Promise<CodeTable[]> => repo.codeTables(),

    async create(actor: Actor, json: unknown, note?: string): Promise<ImportOutcome> {
      authorize(actor, 'manage_catalog')
      const [definition] = await validate(json)
      return save(actor, definition!, note ?? null, 'create')
    },

    async revise(actor: Actor, code: string, json: unknown, note?: string): Promise<ImportOutcome> {
      authorize(actor, 'manage_catalog')
      const [definition] = await validate(json)
      if (definition!.code !== code) throw new AppError('CATALOG_CODE_MISMATCH', `定义中的代码 ${definition!.code} 与 ${code} 不一致`, `The definition's code ${definition!.code} does not match ${code}`, { details: { field: 'code' } })
      return save(actor, definition!, note ?? null, 'revise')
    },

    /** Imports one item or an array: new items are created, changed ones revised, equal ones left alone. All are validated before any is written. */
    async import(actor: Actor, json: unknown, note?: string): Promise<ImportOutcome[]> {
      authorize(actor, 'manage_catalog')
      const definitions = await validate(json)
      const outcomes: ImportOutcome[] = []
      for (const d of definitions) outcomes.push(await save(actor, d, note ?? '导入 import', 'upsert'))
      return outcomes
    },

    async export(): Promise<{ items: CatalogItemDefinition[]; codeTables: CodeTable[] }> {
      const [items, tables] = await Promise.all([repo.listCurrent(), repo.codeTables()])
      return { items: items.map((i) => i.definition), codeTables: tables }
    },

    async template(code: string, format: 'csv' | 'xlsx'): Promise<{ fileName: string; contentType: string; body: Buffer }> {
      const { definition } = await service.get(code)
      if (format === 'csv') return { fileName: `${definition.name}-${definition.code}.csv`, contentType: 'text/csv; charset=utf-8', body: catalogTemplateCsv(definition) }
      return {
        fileName: `${definition.name}-${definition.code}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await catalogTemplateXlsx(definition, await repo.codeTables()),
      }
    },
  }
  return service
}

function changedAttributes(before: CatalogItemDefinition, after: CatalogItemDefinition): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof CatalogItemDefinition>
  return [...keys].filter((k) => !isDeepStrictEqual(before[k], after[k])).sort()
}

export type CatalogService = ReturnType<typeof createCatalogService>
