/** All time flows through a Clock so that tests (and XINYONG_NOW outside production) control it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export function fixedClock(at: string | Date): Clock & { set(at: string | Date): void; advance(ms: number): void } {
  let current = new Date(at)
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next)
    },
    advance(ms) {
      current = new Date(current.getTime() + ms)
    },
  }
}

/** ISO-8601 instant, the one text form timestamps take in both stores (sortable as text). */
export const isoNow = (clock: Clock) => clock.now().toISOString()

/** The calendar date in China (UTC+8, no daylight saving) at the clock's instant: YYYY-MM-DD. */
export const chinaDate = (clock: Clock) => new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10)
