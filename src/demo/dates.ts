/**
 * Calendar dates as day numbers (days since 1970-01-01, UTC), formatted without Date objects so
 * that generating millions of them stays cheap. Demo data never depends on the current time:
 * DEMO_AS_OF is the latest date any generated fact carries.
 */
import { type Rng, WeightedTable } from './prng.ts'
import { dateOfDayCount, dayOfDate, daysFromCivil } from '../calendar/civil-date.ts'

export const DEMO_AS_OF = '2025-06-30'

/** Day number of a proleptic Gregorian date. */
export const dayNumber = daysFromCivil

export const parseDay = dayOfDate

/** YYYY-MM-DD of a day number. */
export const formatDay = dateOfDayCount

/** YYYYMMDD, as inside a resident ID number. */
export function compactDay(days: number): string {
  const iso = formatDay(days)
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10)
}

export const DEMO_AS_OF_DAY = parseDay(DEMO_AS_OF)

/**
 * Dates spread over years by weight, uniform within a year, never after DEMO_AS_OF; optionally
 * before a cut-off (redrawn a few times, then uniform in the allowed range).
 */
export class YearWeightedDates {
  private readonly years: WeightedTable<number>
  /** starts[i] / starts[i + 1]: first day of year i / of the year after. */
  private readonly starts: Int32Array
  private readonly ends: Int32Array
  private readonly firstDay: number

  constructor(weights: ReadonlyArray<readonly [fromYear: number, toYear: number, weightPerYear: number]>) {
    const entries: Array<readonly [number, number]> = []
    const years: number[] = []
    for (const [from, to, w] of weights) {
      for (let y = from; y <= to; y++) {
        entries.push([years.length, w])
        years.push(y)
      }
    }
    this.years = new WeightedTable(entries)
    this.starts = Int32Array.from(years, (y) => dayNumber(y, 1, 1))
    this.ends = Int32Array.from(years, (y) => dayNumber(y + 1, 1, 1))
    this.firstDay = Math.min(...this.starts)
  }

  /** A day number in [notBefore, before), and never after DEMO_AS_OF. */
  pick(rng: Rng, before = Infinity, notBefore = -Infinity): number {
    const last = Math.min(DEMO_AS_OF_DAY, before - 1)
    const first = Math.max(this.firstDay, notBefore)
    for (let attempt = 0; attempt < 6; attempt++) {
      const i = this.years.pick(rng)
      const start = this.starts[i] as number
      const day = start + Math.floor(rng.next() * ((this.ends[i] as number) - start))
      if (day <= last && day >= first) return day
    }
    return first + Math.floor(rng.next() * Math.max(1, last - first + 1))
  }

  /** Share of dates that fall before a day (exact over the year table, ignoring DEMO_AS_OF). */
  shareBefore(day: number): number {
    let share = 0
    for (let i = 0; i < this.starts.length; i++) {
      const start = this.starts[i] as number
      const end = this.ends[i] as number
      share += this.years.probability(i) * (Math.min(Math.max(day - start, 0), end - start) / (end - start))
    }
    return share
  }
}
