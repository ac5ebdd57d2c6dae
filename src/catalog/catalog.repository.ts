/** All SQL about catalog items, their versions and code tables. */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { CatalogItemDefinition, CatalogItemVersion, CodeTable } from './catalog.ts'

export interface CatalogVersionSummary {
  version: number
  createdAt: string
  createdBy: string
  note: string | null
}

export function catalogRepository(db: Kysely<Tables>) {
  return {
    async listCurrent(): Promise<CatalogItemVersion[]> {
      const rows = await db
        .selectFrom('catalog_items')
        .innerJoin('catalog_versions', (j) => j.onRef('catalog_versions.item_code', '=', 'catalog_items.code').onRef('catalog_versions.version', '=', 'catalog_items.current_version'))
        .select(['catalog_items.code', 'catalog_versions.version', 'catalog_versions.definition', 'catalog_versions.created_at', 'catalog_versions.created_by'])
        .where('catalog_items.status', '=', 'active')
        .orderBy('catalog_items.code')
        .execute()
      return rows.map((r) => ({ code: r.code, version: r.version, definition: JSON.parse(r.definition) as CatalogItemDefinition, createdAt: r.created_at, createdBy: r.created_by }))
    },

    async findVersion(code: string, version?: number): Promise<CatalogItemVersion | undefined> {
      let q = db.selectFrom('catalog_versions').selectAll().where('item_code', '=', code)
      q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version)
      const r = await q.executeTakeFirst()
      return r && { code: r.item_code, version: r.version, definition: JSON.parse(r.definition) as CatalogItemDefinition, createdAt: r.created_at, createdBy: r.created_by }
    },

    async currentVersionNumber(code: string): Promise<number | undefined> {
      const r = await db.selectFrom('catalog_items').select('current_version').where('code', '=', code).executeTakeFirst()
      return r?.current_version
    },

    async versions(code: string): Promise<CatalogVersionSummary[]> {
      const rows = await db.selectFrom('catalog_versions').select(['version', 'created_at', 'created_by', 'note']).where('item_code', '=', code).orderBy('version').execute()
      return rows.map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by, note: r.note }))
    },

    async insertVersion(v: { code: string; version: number; definition: CatalogItemDefinition; at: string; by: string; note: string | null }): Promise<void> {
      if (v.version === 1) {
        await db.insertInto('catalog_items').values({ code: v.code, current_version: 1, status: 'active', created_at: v.at, updated_at: v.at }).execute()
      } else {
        await db.updateTable('catalog_items').set({ current_version: v.version, status: 'active', updated_at: v.at }).where('code', '=', v.code).execute()
      }
      await db.insertInto('catalog_versions').values({ item_code: v.code, version: v.version, definition: JSON.stringify(v.definition), created_at: v.at, created_by: v.by, note: v.note }).execute()
    },

    async codeTables(): Promise<CodeTable[]> {
      const rows = await db.selectFrom('code_tables').select('definition').orderBy('key').execute()
      return rows.map((r) => JSON.parse(r.definition) as CodeTable)
    },

    async upsertCodeTable(table: CodeTable, at: string): Promise<void> {
      const exists = await db.selectFrom('code_tables').select('key').where('key', '=', table.key).executeTakeFirst()
      if (exists) await db.updateTable('code_tables').set({ definition: JSON.stringify(table), updated_at: at }).where('key', '=', table.key).execute()
      else await db.insertInto('code_tables').values({ key: table.key, definition: JSON.stringify(table), updated_at: at }).execute()
    },
  }
}
