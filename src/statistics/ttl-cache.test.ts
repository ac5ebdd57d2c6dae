import { describe, expect, it } from 'vitest'
import { ttlCache } from './ttl-cache.ts'

describe('ttlCache', () => {
  function counter() {
    let calls = 0
    let release: (() => void) | undefined
    let hold = false
    const compute = async () => {
      calls++
      const n = calls
      if (hold) await new Promise<void>((r) => (release = r))
      return n
    }
    return { compute, calls: () => calls, hold: (on: boolean) => (hold = on), release: () => release?.() }
  }

  it('computes once for concurrent callers and serves the value until the TTL passes', async () => {
    let now = 0
    const c = counter()
    const cache = ttlCache(c.compute, { ttlMs: 1000, now: () => now })
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual([1, 1, 1])
    now = 999
    expect(await cache.get()).toBe(1)
    expect(c.calls()).toBe(1)
  })

  it('answers with the stale value while one refresh runs, then with the fresh one', async () => {
    let now = 0
    const c = counter()
    const cache = ttlCache(c.compute, { ttlMs: 1000, now: () => now })
    await cache.get()
    now = 1000
    c.hold(true)
    expect(await cache.get()).toBe(1)
    expect(await cache.get()).toBe(1)
    expect(c.calls()).toBe(2)
    c.release()
    await new Promise((r) => setTimeout(r, 0))
    expect(await cache.get()).toBe(2)
  })

  it('computes afresh after clear, and does not keep a failure', async () => {
    let fail = true
    const cache = ttlCache(async () => (fail ? Promise.reject(new Error('down')) : 7), { ttlMs: 1000, now: () => 0 })
    await expect(cache.get()).rejects.toThrow('down')
    fail = false
    expect(await cache.get()).toBe(7)
    cache.clear()
    expect(await cache.get()).toBe(7)
  })
})
