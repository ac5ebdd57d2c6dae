/** A small key-value store for platform facts (what the demo seed did, first-start notices). */
import type { Database } from './create-database.ts'
import type { Clock } from '../clock.ts'

export function createSettings(deps: { database: Database; clock: Clock }) {
  const { db } = deps.database
  return {
    async get(key: string): Promise<string | undefined> {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
      return row?.value
    },
    async set(key: string, value: string): Promise<void> {
      const at = deps.clock.now().toISOString()
      await db
        .insertInto('settings')
        .values({ key, value, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
        .execute()
    },
  }
}

export type Settings = ReturnType<typeof createSettings>
