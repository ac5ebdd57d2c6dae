/** All SQL about the office's calendar entries. */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { CalendarEntry } from './working-days.ts'

export interface OfficeCalendarEntry extends CalendarEntry {
  createdBy: string
  createdAt: string
}

const toEntry = (r: Tables['calendar_days']): OfficeCalendarEntry => ({ date: r.date, kind: r.kind as CalendarEntry['kind'], name: r.name, source: r.source, createdBy: r.created_by, createdAt: r.created_at })

export function calendarRepository(db: Kysely<Tables>) {
  return {
    async all(): Promise<OfficeCalendarEntry[]> {
      return (await db.selectFrom('calendar_days').selectAll().orderBy('date').execute()).map(toEntry)
    },
    async find(date: string): Promise<OfficeCalendarEntry | undefined> {
      const row = await db.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst()
      return row && toEntry(row)
    },
    async upsert(e: CalendarEntry & { createdBy: string; createdAt: string }): Promise<void> {
      const values = { kind: e.kind, name: e.name, source: e.source, created_by: e.createdBy, created_at: e.createdAt }
      await db.insertInto('calendar_days').values({ date: e.date, ...values }).onConflict((oc) => oc.column('date').doUpdateSet(values)).execute()
    },
    async remove(date: string): Promise<boolean> {
      const result = await db.deleteFrom('calendar_days').where('date', '=', date).executeTakeFirst()
      return Number(result.numDeletedRows) === 1
    },
  }
}
