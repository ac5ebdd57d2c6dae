/** Keeping the search index caught up on each store: new rows, bulk loads, renames and status changes, out-of-order commits. */
import { expect, it } from 'vitest'
import SqliteDatabase from 'better-sqlite3'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { makeUscc } from '../identifiers/index.ts'
import type { Actor } from '../security/actor.ts'
import { publicActor } from '../security/actor.ts'
import { bulkLoadSubjects } from '../subjects/subject-bulk-load.ts'

const system: Actor = { type: 'system', name: 'test' }
let serial = 500
const uscc = () => makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: `MA${String(++serial).padStart(6, '0')}` })

describeEachPlatform('search index upkeep', (get) => {
  const register = (name: string, formerNames: Array<{ name: string }> = []) =>
    get().platform.subjects.register(system, { kind: 'enterprise', name, division: '410702', identifiers: [{ scheme: 'uscc', value: uscc() }], formerNames })
  const found = async (q: string) => (await get().platform.search.search(publicActor, { q })).items.map((i) => i.name)

  it('indexes names added after the first build, lazily before a search and on request', async () => {
    await register('新乡市初建索引测试有限公司')
    expect(await found('初建索引')).toEqual(['新乡市初建索引测试有限公司'])
    // Nothing pending: a catch-up adds nothing.
    expect(await get().platform.search.indexPending()).toMatchObject({ added: 0, busy: false })
    await register('新乡市追加索引测试有限公司', [{ name: '新乡追加索引测试厂' }])
    expect(await get().platform.search.indexPending()).toMatchObject({ added: 2, busy: false })
    expect(await found('追加索引')).toEqual(['新乡市追加索引测试有限公司'])
    await register('新乡市懒加载测试有限公司')
    expect(await found('懒加载')).toEqual(['新乡市懒加载测试有限公司'])
  })

  it('indexes bulk-loaded subjects and their former names', async () => {
    const { platform } = get()
    await bulkLoadSubjects(platform, [
      { kind: 'enterprise', name: '长垣市批量导入起重机械有限公司', division: '410783', status: 'active', uscc: uscc(), formerNames: [{ name: '长垣县批量导入起重设备厂', validFrom: '2005-01-01', validTo: '2019-08-01' }] },
      { kind: 'natural_person', name: '批量导入', division: '410783', status: 'active', residentId: '410783199001010012' },
    ])
    const report = await platform.search.indexPending()
    expect(report.added).toBe(2)
    expect(await found('批量导入')).toEqual(['长垣市批量导入起重机械有限公司'])
    const byFormer = await platform.search.search(publicActor, { q: '起重设备厂' })
    expect(byFormer.items[0]).toMatchObject({ name: '长垣市批量导入起重机械有限公司', matchedName: '长垣县批量导入起重设备厂' })
  })

  it('follows a rename: the new name is found, the old one only once it is recorded as a former name', async () => {
    const { platform } = get()
    const s = await register('新乡市改名前测试有限公司')
    expect(await found('改名前')).toEqual(['新乡市改名前测试有限公司'])
    // A registry sync renames the subject in place (no service does it yet).
    await platform.database.db.updateTable('subjects').set({ name: '新乡市改名后测试股份有限公司' }).where('id', '=', s.id).execute()
    expect(await found('改名后')).toEqual(['新乡市改名后测试股份有限公司'])
    expect(await found('改名前')).toEqual([])
    await platform.database.db.insertInto('subject_names').values({ subject_id: s.id, name: '新乡市改名前测试有限公司', valid_from: null, valid_to: '2026-03-01', source: 'former', batch_id: null, created_at: '2026-03-02T00:00:00.000Z' }).execute()
    const old = await platform.search.search(publicActor, { q: '改名前' })
    expect(old.items.map((i) => [i.id, i.name, i.matchedName])).toEqual([[s.id, '新乡市改名后测试股份有限公司', '新乡市改名前测试有限公司']])
    // Removing a recorded name removes it from search.
    await platform.database.db.deleteFrom('subject_names').where('subject_id', '=', s.id).execute()
    expect(await found('改名前')).toEqual([])
    // The term counts followed every step: 名前 was held by the old name alone.
    const counts = await platform.database.db.selectFrom('search_term_counts').select(['term', 'names']).where('term', 'in', ['名前', '名后']).orderBy('term').execute()
    expect(counts.map((c) => [c.term, Number(c.names)])).toEqual([['名前', 0], ['名后', 1]])
  })

  it('follows status and kind changes: active first, and a subject turned person leaves public results', async () => {
    const { platform } = get()
    const a = await register('新乡状态甲测试有限公司')
    const b = await register('新乡状态乙测试有限公司')
    expect(await found('状态')).toEqual(['新乡状态甲测试有限公司', '新乡状态乙测试有限公司'])
    await platform.database.db.updateTable('subjects').set({ status: 'deregistered' }).where('id', '=', a.id).execute()
    expect(await found('状态')).toEqual(['新乡状态乙测试有限公司', '新乡状态甲测试有限公司'])
    await platform.database.db.updateTable('subjects').set({ kind: 'natural_person' }).where('id', '=', b.id).execute()
    expect(await found('状态')).toEqual(['新乡状态甲测试有限公司'])
  })

  it('answers at once from the index as it stands while another indexer holds it, and catches up after', async () => {
    const { platform, store } = get()
    await register('新乡市索引占用测试有限公司')
    // Another process's indexer: the SQLite write lock, or this schema's PostgreSQL advisory lock.
    let release: () => Promise<void>
    if (store.name === 'sqlite') {
      const other = new SqliteDatabase(store.url)
      other.exec('begin immediate')
      release = async () => {
        other.exec('rollback')
        other.close()
      }
    } else {
      const client = await platform.database.pool!.connect()
      await client.query('begin')
      await client.query(`select pg_advisory_xact_lock(hashtext('xinyong.search'), hashtext(current_schema()))`)
      release = async () => {
        await client.query('rollback')
        client.release()
      }
    }
    try {
      expect(await found('索引占用')).toEqual([])
    } finally {
      await release()
    }
    expect(await found('索引占用')).toEqual(['新乡市索引占用测试有限公司'])
  })
})

// SQLite has one writer at a time, so commits cannot come out of id order there.
describeEachPlatform(
  'search index upkeep with concurrent writers',
  (get) => {
    const register = (name: string) => get().platform.subjects.register(system, { kind: 'enterprise', name, division: '410702', identifiers: [{ scheme: 'uscc', value: uscc() }], formerNames: [] })
    const found = async (q: string) => (await get().platform.search.search(publicActor, { q })).items.map((i) => i.name)

    it('finds rows committed out of id order (PostgreSQL sequences)', async () => {
      const { platform } = get()
      // Transaction A takes a subject id, B takes a later one and commits first; the index passes both.
      const client = await platform.database.pool!.connect()
      try {
        await client.query('begin')
        await client.query(`insert into subjects (kind, name, division, status, created_at, updated_at) values ('enterprise', '新乡乱序提交甲有限公司', '410702', 'active', 'now', 'now')`)
        await register('新乡乱序提交乙有限公司')
        expect(await found('乱序提交')).toEqual(['新乡乱序提交乙有限公司'])
        await client.query('commit')
      } finally {
        client.release()
      }
      // The index had passed A's id; the gap it remembered lets it find A once A commits.
      expect((await found('乱序提交')).sort()).toEqual(['新乡乱序提交甲有限公司', '新乡乱序提交乙有限公司'].sort())
    })
  },
  { only: ['postgres'] },
)
