/** Builds a year's calendar entries from a notice's ranges, so each year file reads like the notice. */
import { dateOfDay, dayNumber, type CalendarEntry } from '../working-days.ts'

export function daysOff(source: string, name: string, from: string, to: string = from): CalendarEntry[] {
  const out: CalendarEntry[] = []
  for (let d = dayNumber(from); d <= dayNumber(to); d += 1) out.push({ date: dateOfDay(d), kind: 'holiday', name, source })
  return out
}

export function workingWeekends(source: string, name: string, ...dates: string[]): CalendarEntry[] {
  return dates.map((date) => ({ date, kind: 'workday', name: `${name}调休上班`, source }))
}
