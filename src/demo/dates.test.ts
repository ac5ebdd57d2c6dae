import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compactDay, dayNumber, DEMO_AS_OF_DAY, formatDay, parseDay, YearWeightedDates } from './dates.ts'
import { Rng } from './prng.ts'

describe('day numbers', () => {
  it('agree with Date for every day from 1900 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2100, 12, 31) }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10)
        return formatDay(day) === iso && parseDay(iso) === day
      }),
      { numRuns: 2000 },
    )
  })

  it('formats the edge cases', () => {
    expect(formatDay(0)).toBe('1970-01-01')
    expect(formatDay(parseDay('2000-02-29'))).toBe('2000-02-29')
    expect(formatDay(parseDay('1900-02-28') + 1)).toBe('1900-03-01')
    expect(compactDay(parseDay('1949-12-31'))).toBe('19491231')
  })
})

describe('YearWeightedDates', () => {
  const dates = new YearWeightedDates([[2000, 2009, 1], [2010, 2025, 3]])

  it('stays within its years, before DEMO_AS_OF and inside the given bounds', () => {
    const rng = new Rng(3)
    const cut = parseDay('2012-06-01')
    for (let i = 0; i < 5000; i++) {
      const d = dates.pick(rng)
      expect(d >= parseDay('2000-01-01') && d <= DEMO_AS_OF_DAY).toBe(true)
      const bounded = dates.pick(rng, cut, parseDay('2005-01-01'))
      expect(bounded >= parseDay('2005-01-01') && bounded < cut).toBe(true)
    }
  })

  it('follows the year weights', () => {
    const rng = new Rng(4)
    const cut = parseDay('2010-01-01')
    let before = 0
    for (let i = 0; i < 20_000; i++) if (dates.pick(rng) < cut) before++
    expect(dates.shareBefore(cut)).toBeCloseTo(10 / 58, 5)
    expect(before / 20_000).toBeCloseTo(10 / 58, 1)
  })
})
