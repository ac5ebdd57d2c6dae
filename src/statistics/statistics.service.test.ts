/** The statistics on each store, through the real collection path; the public and the console routes. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { buildQueryCity, levelItems, penaltyRow, PERSON_PUBLIC_ITEM, type QueryCity } from '../profiles/testing.ts'
import { buildApp } from '../http/app.ts'

describeEachPlatform('statistics', (get) => {
  let city: QueryCity
  let app: FastifyInstance

  beforeAll(async () => {
    city = await buildQueryCity(get().platform)
    app = await buildApp(get().platform)
  })
  afterAll(async () => app?.close())

  it('counts the records in force of public items only, by department and by item', async () => {
    const { platform } = get()
    platform.statistics.forgetCollection()
    const rows = await platform.database.db.selectFrom('records').select(['category', 'status']).execute()
    const publicInForce = rows.filter((r) => r.status === 'in_force' && (r.category === levelItems.public || r.category === PERSON_PUBLIC_ITEM))
    expect(rows.some((r) => r.category === levelItems.government && r.status === 'in_force')).toBe(true)
    expect(rows.some((r) => r.status !== 'in_force')).toBe(true)

    const figures = await platform.statistics.collection()
    expect(figures.total).toBe(publicInForce.length)
    expect(figures.byItem.map((i) => i.code).sort()).toEqual([levelItems.public, PERSON_PUBLIC_ITEM].sort())
    expect(figures.byDepartment).toEqual([expect.objectContaining({ code: 'SCJG', count: publicInForce.length })])
    expect(figures.newestItems.every((i) => ![levelItems.government, levelItems.authorised, levelItems.none].includes(i.code as never))).toBe(true)
  })

  it('serves the cached figures until they are forgotten', async () => {
    const { platform } = get()
    platform.statistics.forgetCollection()
    const before = await platform.statistics.collection()
    await platform.database.db.updateTable('records').set({ status: 'archived' }).where('category', '=', levelItems.public).where('status', '=', 'in_force').execute()
    expect((await platform.statistics.collection()).total).toBe(before.total)
    platform.statistics.forgetCollection()
    expect((await platform.statistics.collection()).total).toBeLessThan(before.total)
  })

  it('gives the public figures to anyone over HTTP, the batch figures to staff only', async () => {
    const open = await app.inject('/api/v1/statistics/collection')
    expect(open.statusCode).toBe(200)
    expect(open.json()).toHaveProperty('byDepartment')
    expect((await app.inject('/api/v1/statistics/batches')).statusCode).toBe(401)
  })

  it('scopes the batch figures: a department sees its own, the auditor every department, a checker none', async () => {
    const { platform } = get()
    const sw = await platform.departments.get('SW')
    const swClerk = { type: 'user' as const, id: 99, username: 'sw.clerk', displayName: 'sw.clerk', departmentId: sw.id, departmentCode: 'SW', roles: ['department_operator' as const] }
    const summary = await platform.collection.submitRecords(swClerk, { category: levelItems.public, records: [penaltyRow('新税罚〔2025〕1号')] })
    expect(summary.accepted).toBe(1)
    const own = await platform.statistics.batches(city.actors.provider)
    expect(own.byDepartment.map((d) => d.code)).toEqual(['SCJG'])
    expect(own.today.batches).toBeGreaterThan(0) // the fixture's batches were written at the fixed clock's instant
    expect(own.months).toHaveLength(12)
    const all = await platform.statistics.batches(city.actors.auditor)
    expect(all.byDepartment.map((d) => d.code).sort()).toEqual(['SCJG', 'SW'])
    expect(all.today.batches).toBe(own.today.batches + 1)
    await expect(platform.statistics.batches(city.actors.department)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(platform.statistics.batches(city.actors.public)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })
})
