/**
 * One value kept for a short time. Once it is older than its TTL, the next caller still gets it
 * at once while a single refresh runs behind (stale-while-revalidate); only the very first call
 * waits. Concurrent callers share one computation, so a burst of home-page visits costs one query.
 * Time comes from `now` (milliseconds, monotonic), not from the platform clock, which tests fix.
 */
export interface TtlCache<T> {
  get(): Promise<T>
  /** Forget the value: the next call computes afresh and waits for it. */
  clear(): void
}

export function ttlCache<T>(compute: () => Promise<T>, options: { ttlMs: number; now?: () => number }): TtlCache<T> {
  const now = options.now ?? (() => performance.now())
  let value: { data: T; at: number } | undefined
  let running: Promise<T> | undefined
  let generation = 0

  function refresh(): Promise<T> {
    if (running) return running
    const started = generation
    running = compute()
      .then((data) => {
        if (started === generation) value = { data, at: now() }
        return data
      })
      .finally(() => {
        running = undefined
      })
    return running
  }

  return {
    async get() {
      if (!value) return refresh()
      if (now() - value.at >= options.ttlMs) refresh().catch(() => {}) // the stale value answers; a failed refresh is retried by the next caller
      return value.data
    },
    clear() {
      generation++
      value = undefined
      running = undefined
    },
  }
}
