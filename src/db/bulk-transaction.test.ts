import { expect, it } from 'vitest'
import { sql } from 'kysely'
import { describeEachStore } from '../../test/store-fixture.ts'
import { bulkTransaction } from './bulk-transaction.ts'

describeEachStore('bulkTransaction', (store) => {
  const count = async () => Number((await sql<{ c: number }>`select count(*) as c from bulk_probe`.execute(store().database.db)).rows[0]!.c)

  it('writes every row with its types, nulls, escapes and JSON intact, a few rows or many', async () => {
    const { database } = store()
    const db = database.db
    await sql`create table bulk_probe (n integer not null, big bigint, label text, doc ${sql.raw(database.dialect === 'postgres' ? 'jsonb' : 'text')})`.execute(db)
    const rows = Array.from({ length: 45_001 }, (_, i) => [i, i % 3 === 0 ? null : 9_007_199_254_740 + i, i % 5 === 0 ? null : `名称 "${i}" \\ ' \t\r\n`, i % 7 === 0 ? null : JSON.stringify({ k: i, s: '值\t\\n' })])
    await bulkTransaction(database, async (tx) => {
      await tx.insertRows('bulk_probe' as never, ['n', 'big', 'label', 'doc'], rows.slice(0, 3))
      await tx.insertRows('bulk_probe' as never, ['n', 'big', 'label', 'doc'], rows.slice(3))
      await tx.insertRows('bulk_probe' as never, ['n'], [])
      // The transaction's own Kysely sees its rows before the commit.
      expect(Number((await sql<{ c: number }>`select count(*) as c from bulk_probe`.execute(tx.db)).rows[0]!.c)).toBe(45_001)
    })
    const back = await sql<{ n: number; big: string | number | null; label: string | null; doc: string | null }>`select n, big, label, doc from bulk_probe order by n`.execute(db)
    expect(back.rows).toHaveLength(45_001)
    for (const i of [0, 1, 2, 3, 5, 7, 20_000, 45_000]) {
      const r = back.rows[i]!
      expect([Number(r.n), r.big === null ? null : Number(r.big), r.label, r.doc === null ? null : JSON.parse(r.doc)]).toEqual([i, rows[i]![1], rows[i]![2], rows[i]![3] === null ? null : JSON.parse(rows[i]![3] as string)])
    }
  })

  it('leaves nothing behind when the work fails, and gives the connection back', async () => {
    const { database } = store()
    const before = await count()
    await expect(
      bulkTransaction(database, async (tx) => {
        await tx.insertRows('bulk_probe' as never, ['n'], Array.from({ length: 1000 }, (_, i) => [i]))
        await tx.insertRows('bulk_probe' as never, ['n'], [[1], [null]])
      }),
    ).rejects.toThrow()
    expect(await count()).toBe(before)
    // Every pooled connection still works (none was left inside an aborted transaction).
    await Promise.all(Array.from({ length: 12 }, () => bulkTransaction(database, (tx) => tx.insertRows('bulk_probe' as never, ['n'], [[-1]]))))
    expect(await count()).toBe(before + 12)
  })
})
