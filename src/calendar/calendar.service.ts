/**
 * The working calendar in use: the built-in notices plus the platform office's entries (which win
 * for the same date). Only the platform office changes it; every change is audited. The calendar
 * is cached and rebuilt after a change here, and at least every few minutes so that a change made
 * by another process (the CLI beside the server) is seen.
 */
import type { Database } from '../db/create-database.ts'
import type { Clock } from '../clock.ts'
import { AppError, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { actorRef, type Actor } from '../security/actor.ts'
import { authorize } from '../security/policy.ts'
import { builtInCalendar } from './holidays/index.ts'
import { calendarRepository } from './calendar.repository.ts'
import { isValidDate, workingCalendar, type CalendarEntry, type WorkingCalendar } from './working-days.ts'

export type ListedCalendarEntry = CalendarEntry & { origin: 'built_in' | 'office' }

export interface NewCalendarDay {
  date: string
  kind: CalendarEntry['kind']
  name: string
  /** The notice it follows; defaults to an office entry. */
  source?: string
}

const RELOAD_MS = 5 * 60_000
const officeSource = '平台管理员录入'

export function createCalendarService(deps: { database: Database; clock: Clock; audit: AuditTrail }) {
  const { database, clock, audit } = deps
  const repo = calendarRepository(database.db)
  let cached: { calendar: WorkingCalendar; loadedAt: number } | undefined

  function checkDate(date: string): void {
    if (!isValidDate(date)) throw new AppError('CALENDAR_DATE_INVALID', `日期 ${date} 不是有效的 YYYY-MM-DD 日期`, `${date} is not a valid YYYY-MM-DD date`, { details: { field: 'date', value: date } })
  }

  return {
    async current(): Promise<WorkingCalendar> {
      const now = clock.now().getTime()
      if (!cached || Math.abs(now - cached.loadedAt) > RELOAD_MS) {
        cached = { calendar: workingCalendar([...builtInCalendar, ...(await repo.all())]), loadedAt: now }
      }
      return cached.calendar
    },

    async list(year: number): Promise<ListedCalendarEntry[]> {
      if (!Number.isInteger(year) || year < 1949 || year > 2200) throw new AppError('CALENDAR_YEAR_INVALID', `年份 ${year} 无效`, `${year} is not a valid year`, { details: { field: 'year', value: year } })
      const prefix = `${year}-`
      const byDate = new Map<string, ListedCalendarEntry>()
      for (const e of builtInCalendar) if (e.date.startsWith(prefix)) byDate.set(e.date, { ...e, origin: 'built_in' })
      for (const e of await repo.all()) if (e.date.startsWith(prefix)) byDate.set(e.date, { date: e.date, kind: e.kind, name: e.name, source: e.source, origin: 'office' })
      return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date))
    },

    /** Adds or replaces the office's entry for a date (a 调休 day from a new notice, a correction). */
    async setDay(actor: Actor, day: NewCalendarDay): Promise<ListedCalendarEntry> {
      authorize(actor, 'manage_calendar')
      checkDate(day.date)
      if (day.kind !== 'holiday' && day.kind !== 'workday') throw new AppError('CALENDAR_KIND_INVALID', '类型必须是 holiday（放假）或 workday（调休上班）', "Kind must be 'holiday' or 'workday'", { details: { field: 'kind', value: day.kind } })
      const name = day.name.trim()
      if (!name) throw new AppError('CALENDAR_NAME_REQUIRED', '请填写名称（如“春节”）', 'Give the day a name (e.g. 春节)', { details: { field: 'name' } })
      const entry: CalendarEntry = { date: day.date, kind: day.kind, name, source: day.source?.trim() || officeSource }
      const before = await repo.find(day.date)
      await database.db.transaction().execute(async (trx) => {
        await calendarRepository(trx).upsert({ ...entry, createdBy: `${actorRef(actor).type}:${actorRef(actor).id}`, createdAt: clock.now().toISOString() })
        await audit.append(trx, { actor, action: 'calendar.set', entityType: 'calendar_day', entityId: entry.date, detail: { ...entry, before: before ? { kind: before.kind, name: before.name, source: before.source } : null } })
      })
      cached = undefined
      return { ...entry, origin: 'office' }
    },

    /** Removes the office's entry; the built-in one (if any) applies again. */
    async removeDay(actor: Actor, date: string): Promise<void> {
      authorize(actor, 'manage_calendar')
      checkDate(date)
      const before = await repo.find(date)
      if (!before) throw notFound('CALENDAR_DAY_NOT_FOUND', `${date} 没有平台录入的日历条目（内置条目不能删除，可录入新条目覆盖）`, `No office calendar entry on ${date} (built-in entries cannot be removed; set a new entry to override one)`)
      await database.db.transaction().execute(async (trx) => {
        await calendarRepository(trx).remove(date)
        await audit.append(trx, { actor, action: 'calendar.remove', entityType: 'calendar_day', entityId: date, detail: { kind: before.kind, name: before.name, source: before.source } })
      })
      cached = undefined
    },
  }
}

export type CalendarService = ReturnType<typeof createCalendarService>
