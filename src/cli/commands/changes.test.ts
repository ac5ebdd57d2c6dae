/** `xinyong changes` and `xinyong withdraw` on each store: thin edges over the feed and withdrawal services. */
import { beforeAll, expect, it } from 'vitest'
import { describeEachPlatform } from '../../../test/platform-fixture.ts'
import { runCli } from '../../../test/cli-io.ts'
import { buildQueryCity, type QueryCity } from '../../profiles/testing.ts'

describeEachPlatform('xinyong changes and withdraw', (get) => {
  let city: QueryCity
  const run = (args: string[]) => runCli(args, { env: { XINYONG_DATA_DIR: get().store.dir, DATABASE_URL: get().store.url, USER: 'tester', XINYONG_NOW: '2026-03-02T02:00:00.000Z' } })

  beforeAll(async () => {
    city = await buildQueryCity(get().platform)
  })

  it('reads the feed a page at a time and resumes from the printed cursor', async () => {
    const first = await run(['changes', '--limit', '4', '--json'])
    expect(first.code, first.stderr).toBe(0)
    const page = JSON.parse(first.stdout)
    expect(page.events.map((e: { type: string }) => e.type)).toEqual(['record.accepted', 'record.accepted', 'record.revoked', 'record.accepted'])
    expect(page.hasMore).toBe(true)
    const rest = await run(['changes', '--after', page.next, '--limit', '1000'])
    expect(rest.code, rest.stderr).toBe(0)
    // The city's 24 other record events, then what the publicity scheduler announced on this read.
    const lines = rest.out.slice(0, -1)
    expect(lines.slice(0, 24).every((l) => /record\.(accepted|superseded|revoked)\s+record \d+\s+subject \d+\s+XZCF\w*$/.test(l))).toBe(true)
    expect(lines.slice(24).every((l) => l.includes('publicity.ended'))).toBe(true)
    expect(rest.out.at(-1)).toMatch(new RegExp(`^共 ${lines.length} 条 ${lines.length} events; 下一页 next: \\S+ \\(已读完 up to date\\)$`))
  })

  it('refuses a bad cursor and a bad limit with coded messages', async () => {
    const bad = await run(['changes', '--after', 'nonsense'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('CHANGES_CURSOR_INVALID')
    expect((await run(['changes', '--limit', '0'])).stderr).toContain('CHANGES_LIMIT_INVALID')
  })

  it('withdraws a record, which the feed then reports, and refuses a second withdrawal', async () => {
    const end = JSON.parse((await run(['changes', '--limit', '1000', '--json'])).stdout).next as string
    const id = city.recordOf('public', 'current')
    const done = await run(['withdraw', String(id), '--reason', '行政复议决定撤销原处罚决定', '--basis', '《中华人民共和国行政处罚法》第四十八条'])
    expect(done.code, done.stderr).toBe(0)
    expect(done.stdout).toContain(`已撤回 Withdrawn: 记录 record ${id} → 第 2 版`)
    const feed = JSON.parse((await run(['changes', '--after', end, '--json'])).stdout)
    expect(feed.events).toMatchObject([{ type: 'record.revoked', recordId: id, data: { sourceType: 'withdrawal' } }])
    const again = await run(['withdraw', String(id), '--reason', 'x', '--basis', 'y'])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('RECORD_ALREADY_WITHDRAWN')
    const audit = await get().platform.audit.list({ limit: 1, entityType: 'record', entityId: String(id) })
    expect(audit[0]).toMatchObject({ action: 'record.withdraw', actorType: 'system', actorId: 'cli:tester' })
  })

  it('needs a reason and a basis', async () => {
    const r = await run(['withdraw', String(city.recordOf('public', 'expired')), '--reason', 'x'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--basis')
    expect((await run(['withdraw', 'abc', '--reason', 'x', '--basis', 'y'])).stderr).toContain('RECORD_ID_INVALID')
  })
})
