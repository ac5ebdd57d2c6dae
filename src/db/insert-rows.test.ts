import { expect, it } from 'vitest'
import { sql } from 'kysely'
import { describeEachStore } from '../../test/store-fixture.ts'
import { insertRows } from './insert-rows.ts'

describeEachStore('insertRows', (store) => {
  it('writes every row with its types, nulls and JSON intact, across chunks', async () => {
    const { database } = store()
    const db = database.db
    await sql`create table insert_rows_probe (n integer not null, big bigint, label text, doc ${sql.raw(database.dialect === 'postgres' ? 'jsonb' : 'text')})`.execute(db)
    const rows = Array.from({ length: 45_001 }, (_, i) => [i, i % 3 === 0 ? null : 9_007_199_254_740 + i, i % 5 === 0 ? null : `名称 "${i}" \\ ' \n`, i % 7 === 0 ? null : JSON.stringify({ k: i, s: '值' })])
    await insertRows(db, database, 'insert_rows_probe', ['n', 'big', 'label', 'doc'], rows)
    const back = await sql<{ n: number; big: string | number | null; label: string | null; doc: string | null }>`select n, big, label, doc from insert_rows_probe order by n`.execute(db)
    expect(back.rows).toHaveLength(45_001)
    for (const i of [0, 1, 3, 5, 7, 20_000, 45_000]) {
      const r = back.rows[i]!
      expect([Number(r.n), r.big === null ? null : Number(r.big), r.label, r.doc === null ? null : JSON.parse(r.doc)]).toEqual([i, rows[i]![1], rows[i]![2], rows[i]![3] === null ? null : JSON.parse(rows[i]![3] as string)])
    }
    await insertRows(db, database, 'insert_rows_probe', ['n'], [])
    expect(Number((await sql<{ c: number }>`select count(*) as c from insert_rows_probe`.execute(db)).rows[0]!.c)).toBe(45_001)
  })
})
