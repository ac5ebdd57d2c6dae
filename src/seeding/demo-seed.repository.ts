/** The one read the demo seed needs that no service offers: a subject's latest record of an item. */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'

export function demoSeedRepository(db: Kysely<Tables>) {
  return {
    /** The newest record of `category` about the subject (the featured subjects have one of each). */
    async latestRecordOf(category: string, subjectId: number): Promise<number | undefined> {
      const row = await db.selectFrom('records').select('id').where('category', '=', category).where('subject_id', '=', subjectId).orderBy('id', 'desc').limit(1).executeTakeFirst()
      return row === undefined ? undefined : Number(row.id)
    },
  }
}
