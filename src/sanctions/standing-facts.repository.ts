/**
 * standing_items and the rebuild of standing_facts (migration 0013) for items whose projected keys
 * changed. The record writers keep the facts of projected items current as they write
 * (db/standing-facts-sql.ts); a rebuild only follows a change in what is projected.
 */
import { sql, type Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { Dialect } from '../db/create-database.ts'
import { projectStandingSql } from '../db/standing-facts-sql.ts'
import { standingItemChanges, type StandingItems } from './standing-projection.ts'

export function standingFactsRepository(db: Kysely<Tables>, dialect: Dialect) {
  async function items(on: Kysely<Tables>): Promise<StandingItems> {
    const rows = await on.selectFrom('standing_items').select(['category', 'keys']).execute()
    return new Map(rows.map((r) => [r.category, JSON.parse(r.keys) as string[]]))
  }
  return {
    items: () => items(db),

    /**
     * Brings the store to `desired` in one transaction: dropped items lose their facts, changed and
     * new items are projected afresh from every record's current version. On PostgreSQL the records
     * table is held in share mode meanwhile, so no batch writes facts under the old keys.
     */
    async rebuild(desired: StandingItems, at: string): Promise<{ dropped: number; built: number; facts: number }> {
      return db.transaction().execute(async (trx) => {
        if (dialect === 'postgres') await sql`lock table records in share mode`.execute(trx)
        const { drop, build } = standingItemChanges(await items(trx), desired)
        const gone = [...drop, ...build.keys()]
        if (gone.length > 0) {
          await trx.deleteFrom('standing_facts').where('category', 'in', gone).execute()
          await trx.deleteFrom('standing_items').where('category', 'in', gone).execute()
        }
        let facts = 0
        if (build.size > 0) {
          await trx.insertInto('standing_items').values([...build].map(([category, keys]) => ({ category, keys: JSON.stringify(keys), built_at: at }))).execute()
          const categories = [...build.keys()].map((c) => `'${c.replaceAll("'", "''")}'`).join(', ')
          const result = await sql.raw(projectStandingSql(dialect, `r.category in (${categories})`, { inSubjectOrder: true })).execute(trx)
          facts = Number(result.numAffectedRows ?? 0)
        }
        return { dropped: drop.length, built: build.size, facts }
      })
    },
  }
}
