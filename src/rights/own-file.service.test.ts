/**
 * The subject's own view and archiving on request, on each store: everything held about the subject
 * with windows and archive eligibility, its cases and readers; archiving refused before the period
 * ends and done after it, with the decision, the audit entry and the feed event together.
 */
import { beforeAll, expect, it } from 'vitest'
import { describeEachPlatform, TEST_NOW } from '../../test/platform-fixture.ts'
import { buildQueryCity, firmUscc, system, type QueryCity } from '../profiles/testing.ts'
import { decisionsOf } from '../publicity/record-decisions.ts'
import type { VerifiedSubject } from '../profiles/profile.service.ts'
import { ARCHIVE_BASIS } from './own-file.service.ts'

describeEachPlatform('the subject’s own file', (get) => {
  let city: QueryCity
  let firm: VerifiedSubject
  let end: string

  beforeAll(async () => {
    const { platform } = get()
    city = await buildQueryCity(platform)
    firm = { subjectId: city.firmId, verifiedBy: '办事大厅窗口' }
    await platform.profiles.profile(city.actors.department, firmUscc, { purpose: '招投标资格审查' })
    for (let page = await platform.changes.read(system, { limit: 1000 }); ; page = await platform.changes.read(system, { limit: 1000, after: page.next })) {
      end = page.next
      if (!page.hasMore) break
    }
  })

  it('shows every record held about the subject, public or not, with the engine’s account of its window and whether it may be archived', async () => {
    const file = await get().platform.rights.ownFile(firm)
    expect(file.subject).toMatchObject({ id: city.firmId, name: '新乡市查询测试食品有限公司' })
    expect(file.verifiedBy).toBe('办事大厅窗口')
    expect(file.records.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      (['public', 'government', 'authorised', 'none'] as const).flatMap((l) => (['current', 'expired', 'revoked', 'revised', 'objected'] as const).map((s) => city.recordOf(l, s))).sort((a, b) => a - b),
    )
    const current = file.records.find((r) => r.id === city.recordOf('none', 'current'))!
    expect(current).toMatchObject({ category: 'XZCFBGX', status: 'in_force', publicity: { recordId: current.id, end: '2026-06-01' }, decisions: [], archive: { eligible: false, reasons: [{ code: 'ARCHIVE_PERIOD_NOT_ENDED' }] } })
    expect(file.records.find((r) => r.id === city.recordOf('public', 'current'))).toMatchObject({ publicity: { end: '2026-06-01', state: 'shown' }, archive: { eligible: false } })
    expect(file.records.find((r) => r.id === city.recordOf('public', 'expired'))!.archive).toEqual({ eligible: true })
    expect(file.records.find((r) => r.id === city.recordOf('public', 'revoked'))!.status).toBe('revoked')
    // Identifiers in clear for the subject itself.
    expect(JSON.stringify(file.records)).toContain('11010519491231002X')
    expect(file.objections).toEqual([])
    expect(file.repairs).toEqual([])
    // Newest first: the office following the change feed (beforeAll), then the department's profile read.
    expect(file.readers.map((q) => [q.department?.code ?? null, q.purpose])).toEqual([
      [null, '变更订阅 change feed'],
      ['GGZY', '招投标资格审查'],
    ])
    expect(file.readers[0]).not.toHaveProperty('actorId')
  })

  it('lists the objections the subject has filed', async () => {
    const { platform } = get()
    const recordId = city.recordOf('public', 'expired')
    // At the service counter: the record's publicity period has ended, so the public site would not take it.
    const filed = await platform.objections.file(city.actors.office, { subject: firmUscc, recordId, applicant: { name: '新乡市查询测试食品有限公司', contact: '0373-5550100', relation: 'subject' }, grounds: '处罚决定已被复议撤销' })
    const file = await platform.rights.ownFile(firm)
    expect(file.objections).toMatchObject([{ receiptNumber: filed.receiptNumber, recordId, state: 'received' }])
  })

  it('refuses to archive before the publicity period ends, and archives after it, with audit and event', async () => {
    const { platform, clock } = get()
    const id = city.recordOf('public', 'current')
    const counter = city.actors.office
    await expect(platform.rights.requestArchive(counter, firm, id)).rejects.toMatchObject({ code: 'ARCHIVE_NOT_ELIGIBLE', kind: 'conflict', details: { reasons: [{ code: 'ARCHIVE_PERIOD_NOT_ENDED' }] } })
    expect(await decisionsOf(platform.database.db, [id])).toEqual([])
    expect((await platform.changes.read(system, { after: end })).events.filter((e) => e.type === 'record.archived')).toEqual([])

    try {
      // The window of a general-tier penalty decided 2025-06-01 ends a year on: its last day is 2026-05-31 (China time).
      clock.set('2026-05-31T15:59:00.000Z')
      await expect(platform.rights.requestArchive(counter, firm, id)).rejects.toMatchObject({ code: 'ARCHIVE_NOT_ELIGIBLE' })
      clock.set('2026-05-31T16:00:00.000Z')
      const done = await platform.rights.requestArchive(counter, firm, id)
      expect(done).toMatchObject({ recordId: id, effectiveAt: '2026-05-31T16:00:00.000Z' })
      expect(await decisionsOf(platform.database.db, [id])).toMatchObject([{ id: done.decisionId, kind: 'archived', sourceType: 'archive_request', basis: ARCHIVE_BASIS, decidedBy: 'user:admin', subjectId: city.firmId }])
      expect((await platform.audit.list({ limit: 1, entityType: 'record', entityId: String(id) }))[0]).toMatchObject({ action: 'record.archive', detail: { subjectId: city.firmId, verifiedBy: '办事大厅窗口' } })
      // The platform's scheduler also announces the windows that closed on this day.
      const feed = await platform.changes.read(city.actors.department, { after: end, limit: 1000 })
      expect(feed.events.filter((e) => e.type === 'record.archived')).toMatchObject([{ type: 'record.archived', recordId: id, subjectId: city.firmId, category: 'XZCF', data: { decisionId: done.decisionId, sourceType: 'archive_request' } }])
      expect((await platform.rights.ownFile(firm)).records.find((r) => r.id === id)).toMatchObject({ decisions: [{ kind: 'archived' }], archive: { eligible: false, reasons: [{ code: 'ARCHIVE_ALREADY_ARCHIVED' }] } })
      await expect(platform.rights.requestArchive(counter, firm, id)).rejects.toMatchObject({ code: 'ARCHIVE_NOT_ELIGIBLE', details: { reasons: [{ code: 'ARCHIVE_ALREADY_ARCHIVED' }] } })
    } finally {
      clock.set(TEST_NOW)
    }
  })

  it('refuses another subject’s record, and staff who do not serve subjects', async () => {
    const { platform } = get()
    const person: VerifiedSubject = { subjectId: city.personId, verifiedBy: '办事大厅窗口' }
    await expect(platform.rights.requestArchive(city.actors.office, person, city.recordOf('public', 'expired'))).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' })
    await expect(platform.rights.requestArchive(city.actors.department, firm, city.recordOf('public', 'expired'))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(platform.rights.requestArchive({ type: 'public' }, firm, city.recordOf('public', 'expired'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })
})
