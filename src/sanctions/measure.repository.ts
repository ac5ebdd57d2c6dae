/** SQL of the matter and measure catalogs: each row a definition as JSON with its version. */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { Matter } from './matters.ts'
import type { Measure } from './measures.ts'

export interface Stored<T> {
  definition: T
  version: number
  status: string
  updatedAt: string
  updatedBy: string
}

type Table = 'matters' | 'measures'

export function measureRepository(db: Kysely<Tables>) {
  const all = async <T>(table: Table): Promise<Stored<T>[]> => {
    const rows = await db.selectFrom(table).selectAll().orderBy('code').execute()
    return rows.map((r) => ({ definition: JSON.parse(r.definition) as T, version: r.version, status: r.status, updatedAt: r.updated_at, updatedBy: r.updated_by }))
  }
  const one = async <T>(table: Table, code: string): Promise<Stored<T> | undefined> => {
    const r = await db.selectFrom(table).selectAll().where('code', '=', code).executeTakeFirst()
    return r && { definition: JSON.parse(r.definition) as T, version: r.version, status: r.status, updatedAt: r.updated_at, updatedBy: r.updated_by }
  }
  const save = async (table: Table, code: string, definition: unknown, version: number, at: string, by: string): Promise<void> => {
    const row = { code, version, definition: JSON.stringify(definition), status: 'active', updated_at: at, updated_by: by }
    if (version === 1) await db.insertInto(table).values(row).execute()
    else await db.updateTable(table).set(row).where('code', '=', code).where('version', '=', version - 1).execute()
  }
  return {
    matters: () => all<Matter>('matters'),
    measures: () => all<Measure>('measures'),
    matter: (code: string) => one<Matter>('matters', code),
    measure: (code: string) => one<Measure>('measures', code),
    saveMatter: (m: Matter, version: number, at: string, by: string) => save('matters', m.code, m, version, at, by),
    saveMeasure: (m: Measure, version: number, at: string, by: string) => save('measures', m.code, m, version, at, by),
    async retireMeasure(code: string, version: number, at: string, by: string): Promise<void> {
      await db.updateTable('measures').set({ status: 'retired', version, updated_at: at, updated_by: by }).where('code', '=', code).execute()
    },
  }
}
