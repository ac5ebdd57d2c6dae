/** The substring tier's strategies give the same answer: FTS5 on SQLite; on PostgreSQL the GIN index, the id-ordered scan, and a scan that runs out and hands over to the index. */
import { beforeAll, expect, it } from 'vitest'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { makeUscc } from '../identifiers/index.ts'
import type { Actor } from '../security/actor.ts'
import { parseSearchQuery } from './search-query.ts'
import { searchReader, type SubstringTuning, type TierCursor, type TierRow } from './search.repository.ts'

const system: Actor = { type: 'system', name: 'test' }
const uscc = (n: number) => makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: `MA${String(300 + n).padStart(6, '0')}` })

describeEachPlatform('substring reads', (get) => {
  const expected: string[] = []
  beforeAll(async () => {
    const { platform } = get()
    // Matches spread between names that do not match, some inactive, some matching only from the start.
    for (let i = 0; i < 40; i++) {
      const name = i % 3 === 0 ? `新乡第${i}号窗口测试商行` : i % 3 === 1 ? `窗口测试${i}号有限公司` : `新乡第${i}号无关商贸有限公司`
      const s = await platform.subjects.register(system, { kind: 'enterprise', name, division: '410702', identifiers: [{ scheme: 'uscc', value: uscc(i) }] })
      if (i % 6 === 3) await platform.database.db.updateTable('subjects').set({ status: 'revoked' }).where('id', '=', s.id).execute()
      if (i % 3 === 0 && i % 6 !== 3) expected.push(name)
    }
    await platform.search.indexPending()
  })

  async function readAll(tuning: SubstringTuning, pageSize: number): Promise<TierRow[]> {
    const { platform } = get()
    const reader = searchReader(platform.database.db, platform.database.dialect, tuning)
    const q = parseSearchQuery({ q: '窗口测试' })
    const counts = await reader.termCounts(q.terms)
    const plan = { terms: q.terms.slice(0, 2), rarest: Math.min(...q.terms.map((t) => counts.get(t) ?? 0)) }
    const out: TierRow[] = []
    let cursor: TierCursor = null
    for (;;) {
      const rows = await reader.substring(q.normalized, plan, 1, {}, cursor, pageSize)
      out.push(...rows)
      if (rows.length < pageSize) return out
      cursor = { id: rows.at(-1)!.id, normalized: rows.at(-1)!.normalized }
    }
  }

  it.each<[string, SubstringTuning]>([
    ['the full-text index', { useGin: () => true }],
    ['an id-ordered scan that covers the table', { useGin: () => false, scanIds: () => 1_000 }],
    ['a short scan that hands over to the index', { useGin: () => false, scanIds: () => 4 }],
    ['a scan that ends on a match', { useGin: () => false, scanIds: () => 7 }],
  ])('reads active names that contain the query but do not start with it, in index order, through %s', async (_, tuning) => {
    for (const pageSize of [2, 5, 50]) {
      const rows = await readAll(tuning, pageSize)
      expect(rows.map((r) => r.name)).toEqual(expected)
      expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b))
    }
  })
})
