/** Objections on each store: filing, every staff and applicant step, the mark on the profile, deadlines and alerts. */
import { beforeAll, expect, it } from 'vitest'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { buildQueryCity, firmUscc, personId, type QueryCity } from '../profiles/testing.ts'
import { openAlerts } from '../cases/case-alerts.ts'
import type { Actor } from '../security/actor.ts'
import type { Platform } from '../platform.ts'
import { OBJECTION_LIMITS_SETTING } from './objection-deadlines.ts'

const pdf = Buffer.from('%PDF-1.7\n%%EOF\n')
const applicant = { name: '赵敏', contact: '13800000000', relation: 'subject' as const }
const reviewer = (username: string, departmentId: number, departmentCode: string): Actor => ({ type: 'user', id: 2, username, displayName: username, departmentId, departmentCode, roles: ['department_reviewer'] })

describeEachPlatform('objections', (get) => {
  let city: QueryCity
  let platform: Platform
  let scjgReviewer: Actor
  let ggzyReviewer: Actor
  const office = () => city.actors.office
  const events = async (recordId: number) => (await platform.database.db.selectFrom('events').select(['type', 'payload']).where('record_id', '=', recordId).orderBy('seq').execute()).map((e) => e.type)
  const publicRecord = async (recordId: number) => {
    const p = await platform.profiles.profile({ type: 'public' }, firmUscc, { limit: 200 })
    return p.groups.flatMap((g) => g.records).find((r) => r.id === recordId)
  }
  // Filed at the service counter, which has verified the subject: any record of the subject, public or not.
  const file = (recordId: number, extra: Partial<Parameters<Platform['objections']['file']>[1]> = {}, actor: Actor = office()) =>
    platform.objections.file(actor, { subject: firmUscc, recordId, applicant, grounds: '处罚金额与决定书不符', evidence: [{ name: '决定书.pdf', bytes: pdf }], ...extra })

  beforeAll(async () => {
    platform = get().platform
    city = await buildQueryCity(platform)
    scjgReviewer = reviewer('scjg.reviewer', city.departmentIds.SCJG, 'SCJG')
    ggzyReviewer = reviewer('ggzy.reviewer', city.departmentIds.GGZY, 'GGZY')
  })

  // The firm's records under objection, as a profile reads them.
  const marked = async () => new Set((await platform.objections.markingSubject(city.firmId)).open)

  it('answers an anonymous filing about a record the public does not see like an unknown record', async () => {
    const unknown = await file(999_999_999, {}, { type: 'public' }).catch((e: unknown) => e)
    for (const level of ['government', 'authorised', 'none'] as const) {
      const recordId = city.recordOf(level, 'current')
      const hidden = await file(recordId, {}, { type: 'public' }).catch((e: unknown) => e)
      expect(hidden).toMatchObject({ code: 'OBJECTION_RECORD_NOT_FOUND', kind: 'not_found' })
      expect((hidden as Error).message.replace(String(recordId), 'N')).toBe((unknown as Error).message.replace('999999999', 'N'))
      expect(await marked()).toEqual(new Set())
    }
    // Nor one whose publicity period has ended.
    await expect(file(city.recordOf('public', 'expired'), {}, { type: 'public' })).rejects.toMatchObject({ code: 'OBJECTION_RECORD_NOT_FOUND' })
  })

  it('marks the record 异议处理中 on receipt and removes the mark when the office confirms it', async () => {
    const recordId = city.recordOf('public', 'current')
    expect((await publicRecord(recordId))?.underObjection).toBe(false)
    const filed = await file(recordId, {}, { type: 'public' })
    expect(filed.receiptNumber).toBe('YY-20260302-0001')
    expect(filed.statusToken.length).toBeGreaterThanOrEqual(24)
    expect(filed.objection).toMatchObject({ state: 'received', recordVersion: 1, departmentId: city.departmentIds.SCJG, receivedOn: '2026-03-02', dueOn: '2026-03-05', finalDueOn: '2026-03-11' })
    expect((await publicRecord(recordId))?.underObjection).toBe(true)
    expect(await marked()).toEqual(new Set([recordId]))
    await expect(file(recordId)).rejects.toMatchObject({ code: 'OBJECTION_ALREADY_OPEN' })

    const decided = await platform.objections.decide(office(), filed.objection.id, { outcome: 'confirmed', note: '经核实，信息与处罚决定书一致' })
    expect(decided).toMatchObject({ state: 'decided', outcome: 'confirmed', dueOn: null })
    expect((await publicRecord(recordId))?.underObjection).toBe(false)
    expect(await events(recordId)).toEqual(['objection.flag_set', 'objection.flag_cleared'])
    const audit = await platform.audit.list({ limit: 5, entityType: 'objection', entityId: String(filed.objection.id) })
    expect(audit.map((a) => a.action)).toEqual(['objection.decide', 'objection.file'])
    const shown = await platform.objections.show(office(), filed.objection.id)
    expect(shown.steps.map((s) => [s.fromState, s.toState])).toEqual([[null, 'received'], ['received', 'decided']])
    expect(shown.evidence).toMatchObject([{ name: '决定书.pdf', mediaType: 'application/pdf' }])
  })

  it('lets the applicant follow the case with the receipt number and code, and nobody with a wrong code', async () => {
    const filed = await file(city.recordOf('government', 'current'))
    const status = await platform.objections.status(filed.receiptNumber, filed.statusToken)
    expect(status).toMatchObject({ receiptNumber: filed.receiptNumber, state: 'received', stateLabel: '已受理，异议处理中', dueOn: '2026-03-05' })
    expect(JSON.stringify(status)).not.toContain('13800000000')
    await expect(platform.objections.status(filed.receiptNumber, 'wrong-token-wrong-token')).rejects.toMatchObject({ code: 'OBJECTION_STATUS_NOT_FOUND', kind: 'not_found' })
    await expect(platform.objections.status('YY-20990101-0001', filed.statusToken)).rejects.toMatchObject({ code: 'OBJECTION_STATUS_NOT_FOUND' })
    const withdrawn = await platform.objections.withdrawAsApplicant(filed.receiptNumber, filed.statusToken, '已与执法部门沟通')
    expect(withdrawn.state).toBe('withdrawn')
    expect(await marked()).toEqual(new Set())
  })

  it('forwards to the provider, whose reviewer answers; other departments cannot see or act; the office decides', async () => {
    const recordId = city.recordOf('authorised', 'current')
    const filed = await file(recordId)
    const id = filed.objection.id
    await expect(platform.objections.forward(scjgReviewer, id)).rejects.toMatchObject({ code: 'OBJECTION_NOT_YOURS' })
    const forwarded = await platform.objections.forward(office(), id, '请核实处罚金额')
    expect(forwarded).toMatchObject({ state: 'forwarded', dueOn: '2026-03-05' })
    await expect(platform.objections.show(ggzyReviewer, id)).rejects.toMatchObject({ code: 'OBJECTION_NOT_FOUND' })
    await expect(platform.objections.answer(ggzyReviewer, id, { outcome: 'confirmed', note: 'x' })).rejects.toMatchObject({ code: 'OBJECTION_NOT_FOUND' })
    await expect(platform.objections.answer(city.actors.provider, id, { outcome: 'confirmed', note: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await platform.objections.list(scjgReviewer, { limit: 50 })).map((o) => o.id)).toContain(id)
    expect(await platform.objections.list(ggzyReviewer, { limit: 50 })).toEqual([])
    const answered = await platform.objections.answer(scjgReviewer, id, { outcome: 'unverifiable', note: '原始卷宗已移交档案馆，暂无法核实' })
    expect(answered.state).toBe('answered')
    await expect(platform.objections.decide(scjgReviewer, id, { outcome: 'unverifiable', note: 'x' })).rejects.toMatchObject({ code: 'OBJECTION_NOT_YOURS' })
    await platform.objections.decide(office(), id, { outcome: 'unverifiable', note: '提供单位无法核实，异议与核查结果一并记载' })
    expect((await platform.objections.markingSubject(city.firmId)).notes).toEqual([{ recordId, objectionId: id, receiptNumber: filed.receiptNumber, grounds: '处罚金额与决定书不符', outcomeNote: '提供单位无法核实，异议与核查结果一并记载', decidedOn: '2026-03-02' }])
    expect((await platform.objections.listForSubject(city.firmId)).map((o) => o.id)).toContain(id)
    // The unverifiable objection is recorded beside the record wherever the record is shown.
    const seen = (await platform.profiles.profile(office(), firmUscc, { limit: 200, purpose: '异议核查' })).groups.flatMap((g) => g.records).find((r) => r.id === recordId)
    expect(seen).toMatchObject({ underObjection: false, objectionNote: { receiptNumber: filed.receiptNumber, grounds: '处罚金额与决定书不符', outcomeNote: '提供单位无法核实，异议与核查结果一并记载' } })
    expect((await publicRecord(city.recordOf('public', 'current')))?.objectionNote).toBeNull()
  })

  it('deletes the record from public view on a deleted outcome, with a decision and a record.deleted event', async () => {
    const recordId = city.recordOf('public', 'objected')
    expect(await publicRecord(recordId)).toBeDefined()
    const filed = await file(recordId)
    await platform.objections.decide(office(), filed.objection.id, { outcome: 'deleted', note: '处罚决定已被复议撤销' })
    expect(await publicRecord(recordId)).toBeUndefined()
    expect(await events(recordId)).toEqual(['objection.flag_set', 'objection.flag_cleared', 'record.deleted'])
    const decisions = await platform.database.db.selectFrom('record_decisions').selectAll().where('record_id', '=', recordId).execute()
    expect(decisions).toMatchObject([{ kind: 'deleted', source_type: 'objection', source_id: String(filed.objection.id) }])
    await expect(platform.objections.requestReviewAsApplicant(filed.receiptNumber, filed.statusToken, '再议')).rejects.toMatchObject({ code: 'OBJECTION_REVIEW_NOT_ADMISSIBLE' })
  })

  it('corrects only with a newer version the provider sent, and takes a review to an overturned outcome', async () => {
    const recordId = city.recordOf('public', 'revised') // two versions
    const db = platform.database.db
    // The record is at version 2 when objected to: a correction must name a later one (none exists yet).
    const filed = await file(recordId)
    expect(filed.objection.recordVersion).toBe(2)
    await expect(platform.objections.decide(office(), filed.objection.id, { outcome: 'corrected', correctedVersion: 2, note: '已更正' })).rejects.toMatchObject({ code: 'OBJECTION_CORRECTION_VERSION_INVALID' })
    await platform.objections.decide(office(), filed.objection.id, { outcome: 'confirmed', note: '无误' })
    const review = await platform.objections.requestReviewAsApplicant(filed.receiptNumber, filed.statusToken, '决定书金额为两万元')
    expect(review).toMatchObject({ state: 'under_review', dueOn: '2026-03-11' })
    expect((await publicRecord(recordId))?.underObjection).toBe(true)
    const overturned = await platform.objections.decideReview(office(), filed.objection.id, { result: 'overturned', outcome: 'unverifiable', note: '复核认为无法核实' })
    expect(overturned).toMatchObject({ state: 'reviewed', outcome: 'unverifiable' })
    expect(await events(recordId)).toEqual(['objection.flag_set', 'objection.flag_cleared', 'objection.flag_set', 'objection.flag_cleared'])
    expect((await db.selectFrom('objection_steps').select('action').where('objection_id', '=', filed.objection.id).orderBy('id').execute()).map((s) => s.action)).toEqual(['objection.file', 'objection.decide', 'objection.request_review', 'objection.decide_review'])
  })

  it('requires a power of attorney from an agent and checks the evidence by content', async () => {
    const recordId = city.recordOf('government', 'objected')
    await expect(file(recordId, { applicant: { ...applicant, relation: 'agent' } })).rejects.toMatchObject({ code: 'OBJECTION_POWER_OF_ATTORNEY_REQUIRED' })
    await expect(file(recordId, { evidence: [{ name: '说明.pdf', bytes: Buffer.from('plain text') }] })).rejects.toMatchObject({ code: 'EVIDENCE_TYPE_NOT_ALLOWED' })
    await expect(file(recordId, { evidence: Array.from({ length: 11 }, (_, i) => ({ name: `${i}.pdf`, bytes: pdf })) })).rejects.toMatchObject({ code: 'EVIDENCE_TOO_MANY_FILES' })
    // Another subject's record is answered like an unknown one.
    await expect(file(city.recordOf('public', 'expired'), { subject: personId })).rejects.toMatchObject({ code: 'OBJECTION_RECORD_NOT_FOUND' })
    await expect(file(9_999_999)).rejects.toMatchObject({ code: 'OBJECTION_RECORD_NOT_FOUND' })
    const personRecord = (await platform.database.db.selectFrom('records').select('id').where('subject_id', '=', city.personId).executeTakeFirstOrThrow()).id
    await expect(file(personRecord)).rejects.toMatchObject({ code: 'OBJECTION_RECORD_NOT_FOUND' })
    const filed = await file(recordId, { applicant: { name: '某律师事务所', contact: '0373-0000000', relation: 'agent' }, powerOfAttorney: { name: '授权委托书.pdf', bytes: pdf } })
    const shown = await platform.objections.show(office(), filed.objection.id)
    expect(shown.evidence.map((e) => e.name)).toEqual(['授权委托书.pdf', '决定书.pdf'])
    expect(shown.powerOfAttorneyId).toBe(shown.evidence[0]!.id)
    await platform.objections.refuse(office(), filed.objection.id, { reason: 'not_party', note: '委托书未载明委托事项' })
    expect((await platform.objections.show(office(), filed.objection.id)).state).toBe('refused')
  })

  it('writes nothing when a step fails midway: state, step, audit and events go together', async () => {
    const recordId = city.recordOf('none', 'current')
    const filed = await file(recordId)
    const db = platform.database.db
    const count = async () => ({
      audit: (await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      events: (await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      steps: (await db.selectFrom('objection_steps').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    })
    const before = await count()
    // The audit trail fails after the state, step and decision were written in the transaction.
    const failing = { ...platform.audit, append: async () => { throw new Error('disk full') } }
    const { createObjectionService } = await import('./objection.service.ts')
    const { createSettings } = await import('../db/settings.ts')
    const broken = createObjectionService({ database: platform.database, clock: get().clock, audit: failing, calendar: platform.calendar, settings: createSettings({ database: platform.database, clock: get().clock }), subjects: platform.subjects, publicity: platform.publicity })
    await expect(broken.decide(office(), filed.objection.id, { outcome: 'deleted', note: '删除' })).rejects.toThrow('disk full')
    expect(await count()).toEqual(before)
    expect((await platform.objections.show(office(), filed.objection.id)).state).toBe('received')
    expect(await db.selectFrom('record_decisions').select('id').where('record_id', '=', recordId).execute()).toEqual([])
    await platform.objections.withdraw(office(), filed.objection.id, '申请人电话撤回')
  })

  it('reminds before and escalates after deadlines, once each, to whoever must act', async () => {
    const { clock } = get()
    const recordId = city.recordOf('authorised', 'objected')
    const filed = await file(recordId) // 2026-03-02: office due 03-05, total due 03-11
    await platform.objections.forward(office(), filed.objection.id) // provider due 03-05
    try {
      clock.set('2026-03-03T02:00:00.000Z')
      expect(await platform.objections.tick()).toEqual({ reminders: 0, overdue: 0 })
      clock.set('2026-03-04T02:00:00.000Z')
      expect(await platform.objections.tick()).toEqual({ reminders: 1, overdue: 0 })
      expect(await platform.objections.tick()).toEqual({ reminders: 0, overdue: 0 })
      clock.set('2026-03-06T02:00:00.000Z')
      expect(await platform.objections.tick()).toEqual({ reminders: 0, overdue: 1 })
      const alerts = (await openAlerts(platform.database.db, { caseType: 'objection' })).filter((a) => a.caseId === filed.objection.id)
      expect(alerts.map((a) => [a.kind, a.dueOn, a.departmentId])).toEqual([['overdue', '2026-03-05', city.departmentIds.SCJG], ['reminder', '2026-03-05', city.departmentIds.SCJG]])
      const overdue = await platform.objections.list(office(), { overdue: true, limit: 50 })
      expect(overdue.find((o) => o.id === filed.objection.id)).toMatchObject({ overdue: true, dueOn: '2026-03-05' })
      clock.set('2026-03-10T02:00:00.000Z')
      expect(await platform.objections.tick()).toEqual({ reminders: 1, overdue: 0 }) // the office's total, due 03-11
      expect((await platform.audit.list({ limit: 1, entityType: 'objection' }))[0]).toMatchObject({ action: 'objection.tick', detail: { reminders: 1, overdue: 0 } })
    } finally {
      clock.set('2026-03-02T02:00:00.000Z')
      await platform.objections.withdraw(office(), filed.objection.id)
    }
  })

  it('takes its limits from the settings', async () => {
    await platform.settings.set(OBJECTION_LIMITS_SETTING, JSON.stringify({ officeDays: 5 }))
    try {
      const filed = await file(city.recordOf('none', 'expired'))
      expect(filed.objection).toMatchObject({ dueOn: '2026-03-09', finalDueOn: '2026-03-11' })
      await platform.objections.withdraw(office(), filed.objection.id)
    } finally {
      await platform.settings.set(OBJECTION_LIMITS_SETTING, '{}')
    }
  })
})
