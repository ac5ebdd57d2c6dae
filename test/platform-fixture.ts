/** A whole platform on each test store, with a fixed clock and a throwaway personal-data key. */
import { randomBytes } from 'node:crypto'
import { fixedClock } from '../src/clock.ts'
import { loadConfig } from '../src/config.ts'
import { assemblePlatform, type Platform } from '../src/platform.ts'
import { describeEachStore, type TestStore } from './store-fixture.ts'
import type { StoreName } from './stores.ts'

export const TEST_NOW = '2026-03-02T02:00:00.000Z'

export interface TestPlatform {
  platform: Platform
  store: TestStore
  clock: ReturnType<typeof fixedClock>
}

export function describeEachPlatform(title: string, body: (get: () => TestPlatform) => void, options: { only?: StoreName[] } = {}) {
  describeEachStore(title, (store) => {
    let cached: TestPlatform | undefined
    body(() => {
      if (!cached) {
        const s = store()
        const clock = fixedClock(TEST_NOW)
        const config = loadConfig({ XINYONG_ENV: 'test' }, { dataDir: s.dir, databaseUrl: s.url })
        cached = { platform: assemblePlatform({ config, database: s.database, clock, dataKey: randomBytes(32) }), store: s, clock }
      }
      return cached
    })
  }, options)
}
