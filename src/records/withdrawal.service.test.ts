/**
 * Withdrawal by the provider on each store: a new revoked version (nothing overwritten), off public
 * view at once, audited, and a `record.revoked` event in the change feed — or a coded refusal.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { buildApp } from '../http/app.ts'
import { buildQueryCity, decisionNumber, firmUscc, penaltyRow, system, type QueryCity } from '../profiles/testing.ts'
import type { Profile } from '../profiles/profile.ts'

const basis = '《中华人民共和国行政处罚法》第四十八条'
const penaltyIds = (p: Profile) => p.groups.find((g) => g.group === 'penalty')!.records.map((r) => r.id)

describeEachPlatform('withdrawal of records', (get) => {
  let city: QueryCity
  let end: string

  beforeAll(async () => {
    city = await buildQueryCity(get().platform)
    for (let page = await get().platform.changes.read(system, { limit: 1000 }); ; page = await get().platform.changes.read(system, { limit: 1000, after: page.next })) {
      end = page.next
      if (!page.hasMore) break
    }
  })

  it('takes the record off public view at once, keeps every version, audits it and tells the feed', async () => {
    const { platform } = get()
    const id = city.recordOf('public', 'current')
    expect(penaltyIds(await platform.profiles.profile({ type: 'public' }, firmUscc, { limit: 200 }))).toContain(id)

    const done = await platform.withdrawals.withdraw(city.actors.provider, id, { reason: '行政复议决定撤销原处罚决定', legalBasis: basis })
    expect(done).toMatchObject({ recordId: id, version: 2, status: 'revoked', department: 'SCJG' })

    expect(penaltyIds(await platform.profiles.profile({ type: 'public' }, firmUscc, { limit: 200 }))).not.toContain(id)
    // Still there for the provider, as withdrawn.
    const own = (await platform.profiles.profile(city.actors.provider, firmUscc, { limit: 200 })).groups.flatMap((g) => g.records).find((r) => r.id === id)
    expect(own).toMatchObject({ status: 'revoked', version: 2 })

    const db = platform.database.db
    const versions = await db.selectFrom('record_versions').selectAll().where('record_id', '=', id).orderBy('version').execute()
    expect(versions.map((v) => [v.version, v.status, v.batch_id])).toEqual([
      [1, 'superseded', versions[0]!.batch_id],
      [2, 'revoked', null],
    ])
    expect(versions[1]).toMatchObject({ id: done.versionId, payload: versions[0]!.payload, submitted_by: 'user:scjg.clerk', received_at: '2026-03-02T02:00:00.000Z', department_id: city.departmentIds.SCJG })
    expect(await db.selectFrom('records').select(['status', 'current_version', 'current_version_id']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'revoked', current_version: 2, current_version_id: done.versionId })

    const audit = await platform.audit.list({ limit: 1, entityType: 'record', entityId: String(id) })
    expect(audit[0]).toMatchObject({ action: 'record.withdraw', actorId: 'scjg.clerk', detail: { reason: '行政复议决定撤销原处罚决定', legalBasis: basis, versionId: done.versionId } })
    expect((await platform.audit.verify()).intact).toBe(true)

    const feed = await platform.changes.read(city.actors.department, { after: end })
    expect(feed.events).toMatchObject([{ type: 'record.revoked', recordId: id, subjectId: city.firmId, category: 'XZCF', data: { versionId: done.versionId, version: 2, status: 'revoked', sourceType: 'withdrawal', legalBasis: basis, reason: '行政复议决定撤销原处罚决定' } }])
    end = feed.next
  })

  it('does not bring the record back when the provider re-sends the same row', async () => {
    const { platform } = get()
    const summary = await platform.collection.submitRecords(city.actors.provider, { category: 'XZCF', records: [penaltyRow(decisionNumber('public', 'current'))] })
    expect(summary).toMatchObject({ unchanged: 1, accepted: 0, updated: 0 })
    expect(penaltyIds(await platform.profiles.profile({ type: 'public' }, firmUscc, { limit: 200 }))).not.toContain(city.recordOf('public', 'current'))
  })

  it('keeps a person’s withdrawal event to ids, dates and the legal basis', async () => {
    const { platform } = get()
    const personRecord = Number((await platform.database.db.selectFrom('records').select('id').where('subject_id', '=', city.personId).where('category', '=', 'XZCF').executeTakeFirstOrThrow()).id)
    await platform.withdrawals.withdraw(city.actors.office, personRecord, { reason: '李四的处罚决定被撤销', legalBasis: basis })
    const feed = await platform.changes.read(city.actors.department, { after: end })
    expect(feed.events).toHaveLength(1)
    expect(feed.events[0]!.data).toEqual({ versionId: expect.any(Number), version: 2, category: 'XZCF', department: 'SCJG', status: 'revoked', sourceType: 'withdrawal', legalBasis: basis })
    end = feed.next
  })

  it.each([
    ['the public', () => ({ type: 'public' as const }), 'UNAUTHENTICATED'],
    ['a checker', () => city.actors.department, 'FORBIDDEN'],
    ['a bank', () => city.actors.bank, 'FORBIDDEN'],
  ])('refuses %s', async (_, actor, code) => {
    await expect(get().platform.withdrawals.withdraw(actor(), city.recordOf('public', 'expired'), { reason: 'x', legalBasis: basis })).rejects.toMatchObject({ code })
  })

  it('refuses another department’s operator, a missing reason, an unknown record and a second withdrawal', async () => {
    const { platform } = get()
    const other = { ...city.actors.provider, username: 'ggzy.clerk', departmentId: city.departmentIds.GGZY, departmentCode: 'GGZY' }
    await expect(platform.withdrawals.withdraw(other, city.recordOf('public', 'expired'), { reason: 'x', legalBasis: basis })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(platform.withdrawals.withdraw(city.actors.provider, city.recordOf('public', 'expired'), { reason: '  ', legalBasis: basis })).rejects.toMatchObject({ code: 'WITHDRAWAL_REASON_REQUIRED' })
    await expect(platform.withdrawals.withdraw(city.actors.provider, city.recordOf('public', 'expired'), { reason: 'x', legalBasis: '' })).rejects.toMatchObject({ code: 'WITHDRAWAL_BASIS_REQUIRED' })
    await expect(platform.withdrawals.withdraw(city.actors.provider, 987654, { reason: 'x', legalBasis: basis })).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' })
    await expect(platform.withdrawals.withdraw(city.actors.provider, city.recordOf('public', 'current'), { reason: 'x', legalBasis: basis })).rejects.toMatchObject({ code: 'RECORD_ALREADY_WITHDRAWN', kind: 'conflict' })
    // Nothing of the refusals reached the feed.
    expect((await platform.changes.read(system, { after: end })).events).toEqual([])
  })

  describeHttp()

  function describeHttp() {
    let app: FastifyInstance
    let provider: { authorization: string }
    let checker: { authorization: string }
    beforeAll(async () => {
      const { platform } = get()
      app = await buildApp(platform)
      provider = { authorization: `Bearer ${(await platform.access.createApiKey(system, { name: '报送系统', departmentCode: 'SCJG', roles: ['department_operator'] })).key}` }
      checker = { authorization: `Bearer ${(await platform.access.createApiKey(system, { name: '核查系统', departmentCode: 'GGZY', roles: ['credit_checker'] })).key}` }
    })
    afterAll(async () => app?.close())

    it('serves POST /records/:id/withdrawal: 401 → 403 → 400 → 201 → 409', async () => {
      const id = city.recordOf('government', 'current')
      const url = `/api/v1/records/${id}/withdrawal`
      const payload = { reason: '原处罚决定已被撤销', legalBasis: basis }
      expect((await app.inject({ method: 'POST', url, payload })).statusCode).toBe(401)
      expect((await app.inject({ method: 'POST', url, payload, headers: checker })).statusCode).toBe(403)
      expect((await app.inject({ method: 'POST', url, payload: { reason: '' , legalBasis: basis }, headers: provider })).statusCode).toBe(400)
      const created = await app.inject({ method: 'POST', url, payload, headers: provider })
      expect(created.statusCode).toBe(201)
      expect(created.json()).toMatchObject({ recordId: id, version: 2, status: 'revoked' })
      const again = await app.inject({ method: 'POST', url, payload, headers: provider })
      expect(again.statusCode).toBe(409)
      expect(again.json().error.code).toBe('RECORD_ALREADY_WITHDRAWN')
      expect((await app.inject({ method: 'POST', url: '/api/v1/records/999999/withdrawal', payload, headers: provider })).statusCode).toBe(404)
    })
  }
})
