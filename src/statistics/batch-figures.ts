/**
 * 报送情况 — the console dashboard's figures from the batches table: records written per provider
 * department and month (China time), and today's batches and rejects. Pure; the batches table is
 * small (one row per submission), so the repository hands over the rows of the months shown.
 */
import type { Department } from '../departments/department.ts'

export interface BatchRow {
  departmentId: number
  createdAt: string
  status: string
  received: number
  accepted: number
  updated: number
  rejected: number
}

export interface BatchFigures {
  months: string[]
  /** Records written (new + new versions) by committed batches, per month in `months`. */
  byDepartment: Array<{ code: string; name: string; perMonth: number[]; total: number }>
  today: { date: string; batches: number; received: number; written: number; rejected: number; failed: number }
}

const CHINA_OFFSET_MS = 8 * 3600_000

/** The calendar month in China of an ISO instant: YYYY-MM. */
export const chinaMonth = (iso: string) => new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 7)
export const chinaDay = (iso: string) => new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10)

/** The `count` months ending with the one `now` falls in, oldest first. */
export function monthsEnding(now: Date, count: number): string[] {
  const [y, m] = chinaMonth(now.toISOString()).split('-').map(Number) as [number, number]
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - (count - 1 - i)
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
  })
}

/** The first instant (UTC ISO) of a China month, for the repository's lower bound. */
export const monthStart = (month: string) => new Date(Date.parse(`${month}-01T00:00:00+08:00`)).toISOString()

export function batchFigures(input: { batches: BatchRow[]; departments: Department[]; now: Date; months: number }): BatchFigures {
  const months = monthsEnding(input.now, input.months)
  const column = new Map(months.map((m, i) => [m, i]))
  const departments = new Map(input.departments.map((d) => [d.id, d]))
  const series = new Map<number, number[]>()
  const todayDate = chinaDay(input.now.toISOString())
  const today = { date: todayDate, batches: 0, received: 0, written: 0, rejected: 0, failed: 0 }
  for (const b of input.batches) {
    const written = b.accepted + b.updated
    if (chinaDay(b.createdAt) === todayDate) {
      today.batches++
      today.received += b.received
      today.rejected += b.rejected
      if (b.status === 'committed') today.written += written
      if (b.status === 'failed' || b.status === 'interrupted') today.failed++
    }
    const i = column.get(chinaMonth(b.createdAt))
    if (i === undefined || b.status !== 'committed' || written === 0) continue
    const row = series.get(b.departmentId) ?? new Array<number>(months.length).fill(0)
    row[i]! += written
    series.set(b.departmentId, row)
  }
  const byDepartment = [...series]
    .map(([id, perMonth]) => {
      const d = departments.get(id)
      return { code: d?.code ?? String(id), name: d?.shortName ?? d?.name ?? String(id), perMonth, total: perMonth.reduce((a, n) => a + n, 0) }
    })
    .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code))
  return { months, byDepartment, today }
}
