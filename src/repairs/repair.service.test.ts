/**
 * Credit repair on each store: eligibility of real records, the whole flow from application to
 * decision, who may act, deadlines across National Day 2026 with reminders and escalation, and
 * that an approval hides the record from the public at once — state, step, audit, record decision
 * and change-feed event written together or not at all.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { describeEachPlatform, TEST_NOW } from '../../test/platform-fixture.ts'
import { buildQueryCity, firmUscc, personId, system, type QueryCity } from '../profiles/testing.ts'
import { openAlerts } from '../cases/case-alerts.ts'
import type { Actor } from '../security/actor.ts'
import type { Platform } from '../platform.ts'
import { application, pdf, reviewer, submitPenalty } from './testing.ts'

describeEachPlatform('credit repair', (get) => {
  let city: QueryCity
  let scjg: Actor
  let otherReviewer: Actor
  let office: Actor
  /** Record ids by what makes them (in)eligible on 2026-03-02. */
  let records: { current: number; second: number; third: number; recent: number; revokedLicence: number; warning: number; government: number }
  const platform = (): Platform => get().platform

  beforeAll(async () => {
    const p = platform()
    city = await buildQueryCity(p)
    scjg = reviewer('scjg.reviewer', city.departmentIds.SCJG, 'SCJG')
    otherReviewer = reviewer('ggzy.reviewer', city.departmentIds.GGZY, 'GGZY')
    office = city.actors.office
    records = {
      current: city.recordOf('public', 'current'),
      second: city.recordOf('public', 'revised'),
      third: city.recordOf('public', 'objected'),
      government: city.recordOf('government', 'current'),
      recent: await submitPenalty(p, city, '新市监罚〔2026〕修复-近期号', { CF_JDRQ: '2026-01-15', CF_YXQ: '2027-01-15', CF_GSJZQ: '2027-01-15' }),
      revokedLicence: await submitPenalty(p, city, '新市监罚〔2025〕修复-吊销号', { CF_CFLB: '吊销营业执照', CF_NR: '吊销营业执照', CF_NR_FK: '', CF_NR_ZKDX: '营业执照 91410702MQ0000011X', CF_GSJZQ: '2028-06-01' }),
      warning: await submitPenalty(p, city, '新市监罚〔2025〕修复-警告号', { CF_CFLB: '警告', CF_NR: '警告', CF_NR_FK: '' }),
    }
  })

  const publicPenaltyIds = async () => (await platform().profiles.profile(city.actors.public, firmUscc, { limit: 200 })).groups.flatMap((g) => g.records.map((r) => r.id))
  const officePenaltyIds = async () => (await platform().profiles.profile(office, firmUscc, { limit: 200, purpose: '信用修复核查' })).groups.flatMap((g) => g.records.map((r) => r.id))
  const count = async (table: 'events' | 'audit_log' | 'record_decisions' | 'repair_steps') => Number((await platform().database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

  describe('eligibility', () => {
    it.each<[string, keyof typeof records, boolean, string[]]>([
      ['a general penalty past its minimum period', 'current', true, []],
      ['a penalty decided in January 2026', 'recent', false, ['minimum_period']],
      ['a revoked business licence, which never ends early', 'revokedLicence', false, ['never_ends_early']],
      ['a warning, minor and never published', 'warning', false, ['minor_stops_itself', 'not_published']],
    ])('for staff: %s', async (_, which, mayApply, conditions) => {
      const v = await platform().repairs.eligibility(scjg, records[which])
      expect(v.mayApply).toBe(mayApply)
      expect(v.unmet.map((u) => u.condition)).toEqual(conditions)
      expect(v.toProvide.map((u) => u.condition)).toEqual(['obligations', 'commitment'])
      expect(v.department.code).toBe('SCJG')
    })

    it('names the date from which a recent penalty may be repaired', async () => {
      const v = await platform().repairs.eligibility(scjg, records.recent)
      expect(v.unmet[0]).toMatchObject({ condition: 'minimum_period', on: '2026-04-15' })
    })

    it('answers the public about a public record only', async () => {
      await expect(platform().repairs.eligibility(city.actors.public, records.current)).resolves.toMatchObject({ mayApply: true })
      await expect(platform().repairs.eligibility(city.actors.public, records.government)).rejects.toMatchObject({ code: 'REPAIR_RECORD_NOT_FOUND' })
      await expect(platform().repairs.eligibility(city.actors.public, records.warning)).rejects.toMatchObject({ code: 'REPAIR_RECORD_NOT_FOUND' })
      await expect(platform().repairs.eligibility(city.actors.public, 999_999)).rejects.toMatchObject({ code: 'REPAIR_RECORD_NOT_FOUND' })
      await expect(platform().repairs.eligibility(city.actors.auditor, records.current)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    })
  })

  describe('applying', () => {
    it.each<[string, () => Parameters<Platform['repairs']['apply']>[1], string, string[]?]>([
      ['before the minimum period', () => application(records.recent), 'REPAIR_NOT_ELIGIBLE', ['minimum_period']],
      ['for a category that never ends early', () => application(records.revokedLicence), 'REPAIR_NOT_ELIGIBLE', ['never_ends_early']],
      ['with obligations unfulfilled and no commitment', () => application(records.current, { obligations: { fulfilled: false, statement: '尚在分期缴纳', evidence: [] }, materials: [], commitment: { text: '承诺', signed: false } }), 'REPAIR_NOT_ELIGIBLE', ['obligations', 'commitment']],
      ['without any proof of fulfilment', () => application(records.current, { obligations: { fulfilled: true, statement: '已缴纳', evidence: [] }, materials: [] }), 'REPAIR_NOT_ELIGIBLE', ['obligations']],
      ['as an agent without a power of attorney', () => application(records.current, { applicant: { name: '代理人', contact: '13800000000', relation: 'agent' } }), 'REPAIR_FIELD_REQUIRED'],
      ['for another subject’s record', () => application(records.current, { subject: personId }), 'REPAIR_RECORD_NOT_FOUND'],
      ['for a record that does not exist', () => application(999_999), 'REPAIR_RECORD_NOT_FOUND'],
      // Not shown to the public: unknown to an anonymous applicant, whatever its eligibility.
      ['for a record shared with government only', () => application(records.government), 'REPAIR_RECORD_NOT_FOUND'],
      ['for a warning, never published', () => application(records.warning), 'REPAIR_RECORD_NOT_FOUND'],
      ['with a material that is not an accepted type', () => application(records.current, { materials: [{ name: '凭证.pdf', bytes: Buffer.from('MZ not a pdf') }] }), 'EVIDENCE_TYPE_NOT_ALLOWED'],
      ['with no commitment text', () => application(records.current, { commitment: { text: '  ', signed: true } }), 'REPAIR_FIELD_REQUIRED'],
    ])('is refused %s', async (_, input, code, conditions) => {
      const before = await count('audit_log')
      const error = await platform().repairs.apply(city.actors.public, input()).catch((e: unknown) => e)
      expect(error).toMatchObject({ code })
      if (conditions) expect((error as { details: { unmet: Array<{ condition: string }> } }).details.unmet.map((u) => u.condition)).toEqual(conditions)
      expect(await count('audit_log')).toBe(before)
    })
  })

  it('tells the service counter, which verified the subject, why a record the public does not see cannot be repaired', async () => {
    const error = await platform().repairs.apply(office, application(records.warning)).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'REPAIR_NOT_ELIGIBLE' })
    expect((error as { details: { unmet: Array<{ condition: string }> } }).details.unmet.map((u) => u.condition)).toEqual(['minor_stops_itself', 'not_published'])
  })

  describe('the flow to approval', () => {
    let id: number
    let receipt: string
    let token: string

    it('takes an application, routes it to the finding department and shows its status to the applicant', async () => {
      get().clock.set(TEST_NOW)
      const r = await platform().repairs.apply(city.actors.public, application(records.current))
      ;({ receiptNumber: receipt, token } = r)
      id = r.repair.id
      expect(receipt).toMatch(/^XF20260302-[0-9A-HJKMNP-TV-Z]{8}$/)
      expect(r.repair).toMatchObject({ state: 'submitted', department: { code: 'SCJG' }, receivedOn: '2026-03-02', feedbackDueOn: '2026-03-16', dueOn: '2026-03-16', decision: null })
      expect(r.repair.materials.map((m) => [m.name, m.mediaType])).toEqual([['罚款缴纳凭证.pdf', 'application/pdf']])
      expect(r.repair.obligations.evidence).toEqual(['罚款缴纳凭证', '罚款缴纳凭证.pdf'])
      expect(r.repair.steps.map((s) => [s.action, s.toState])).toEqual([['submit', 'submitted']])
      const status = await platform().repairs.status({ receipt, token })
      expect(status).toMatchObject({ receiptNumber: receipt, state: 'submitted', stateLabel: '已申请', department: '新乡市市场监督管理局' })
      expect(JSON.stringify(status)).not.toContain('scjg.')
      await expect(platform().repairs.status({ receipt, token: token + 'x' })).rejects.toMatchObject({ code: 'REPAIR_NOT_FOUND' })
      expect((await platform().audit.list({ limit: 1, entityType: 'repair', entityId: String(id) }))[0]).toMatchObject({ action: 'repair.apply', actorType: 'public' })
      expect(await platform().repairs.listForSubject(city.firmId)).toEqual([expect.objectContaining({ id, state: 'submitted' })])
    })

    it('takes one open application per record', async () => {
      await expect(platform().repairs.apply(city.actors.public, application(records.current))).rejects.toMatchObject({ code: 'REPAIR_ALREADY_OPEN' })
    })

    it('is for the finding department’s reviewers and the platform office only', async () => {
      await expect(platform().repairs.show(otherReviewer, id)).rejects.toMatchObject({ code: 'REPAIR_NOT_FOUND' })
      await expect(platform().repairs.accept(otherReviewer, id)).rejects.toMatchObject({ code: 'REPAIR_NOT_FOUND' })
      await expect(platform().repairs.show(city.actors.provider, id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(platform().repairs.show(city.actors.public, id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
      expect(await platform().repairs.list(otherReviewer, { limit: 10 })).toEqual([])
      await expect(platform().repairs.list(otherReviewer, { limit: 10, department: 'SCJG' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      expect((await platform().repairs.list(scjg, { limit: 10 })).map((r) => r.id)).toContain(id)
      expect((await platform().repairs.list(office, { limit: 10, department: 'SCJG', state: 'submitted' })).map((r) => r.id)).toEqual([id])
      await expect(platform().repairs.show(office, id)).resolves.toMatchObject({ id })
    })

    it('asks once for everything missing; the applicant resubmits and the feedback period restarts', async () => {
      get().clock.set('2026-03-04T02:00:00.000Z')
      const asked = await platform().repairs.requestMaterials(scjg, id, { missing: ['营业执照复印件', '法定代表人身份证明'], note: '请一并补正' })
      expect(asked).toMatchObject({ state: 'materials_requested', materialsMissing: ['营业执照复印件', '法定代表人身份证明'], dueOn: null, deadlines: [] })
      expect((await platform().repairs.status({ receipt, token })).materialsMissing).toEqual(['营业执照复印件', '法定代表人身份证明'])
      await expect(platform().repairs.accept(scjg, id)).rejects.toMatchObject({ code: 'REPAIR_TRANSITION_FORBIDDEN' })

      get().clock.set('2026-03-06T02:00:00.000Z')
      const resubmitted = await platform().repairs.resubmitAsApplicant({ receipt, token }, { materials: [{ name: '营业执照.pdf', bytes: pdf('licence') }, { name: '身份证明.pdf', bytes: pdf('id') }], note: '已补正' })
      expect(resubmitted).toMatchObject({ state: 'resubmitted', dueOn: '2026-03-20' })
      expect(resubmitted.materials.map((m) => m.name)).toEqual(['罚款缴纳凭证.pdf', '营业执照.pdf', '身份证明.pdf'])
      await expect(platform().repairs.requestMaterials(scjg, id, { missing: ['再补一份'] })).rejects.toMatchObject({ code: 'REPAIR_TRANSITION_FORBIDDEN' })
    })

    it('accepts, with the decision due 3 working days later', async () => {
      const accepted = await platform().repairs.accept(scjg, id, '材料齐全')
      expect(accepted).toMatchObject({ state: 'accepted', acceptedOn: '2026-03-06', decisionDueOn: '2026-03-11', feedbackDueOn: '2026-03-20', dueOn: '2026-03-11' })
      expect(accepted.deadlines.map((d) => [d.kind, d.dueOn, d.status])).toEqual([
        ['decision', '2026-03-11', 'running'],
        ['feedback', '2026-03-20', 'running'],
      ])
    })

    it('writes nothing of an approval when any part of it fails', async () => {
      const { store } = get()
      const db = platform().database.db
      if (store.name === 'sqlite') {
        await sql`create trigger fail_repair_events before insert on events when new.type = 'repair.decided' begin select raise(abort, 'feed down'); end`.execute(db)
      } else {
        await sql`create function fail_repair_events() returns trigger language plpgsql as $$ begin if new.type = 'repair.decided' then raise exception 'feed down'; end if; return new; end $$`.execute(db)
        await sql`create trigger fail_repair_events before insert on events for each row execute function fail_repair_events()`.execute(db)
      }
      const before = { audit: await count('audit_log'), steps: await count('repair_steps'), decisions: await count('record_decisions'), events: await count('events') }
      try {
        await expect(platform().repairs.decide(scjg, id, { outcome: 'approved' })).rejects.toThrow(/feed down/)
      } finally {
        if (store.name === 'sqlite') await sql`drop trigger fail_repair_events`.execute(db)
        else {
          await sql`drop trigger fail_repair_events on events`.execute(db)
          await sql`drop function fail_repair_events()`.execute(db)
        }
      }
      expect({ audit: await count('audit_log'), steps: await count('repair_steps'), decisions: await count('record_decisions'), events: await count('events') }).toEqual(before)
      expect((await platform().repairs.show(scjg, id)).state).toBe('accepted')
      expect(await publicPenaltyIds()).toContain(records.current)
    })

    it('approves: the record leaves public view at once, stays in the office’s, and the feed says so', async () => {
      get().clock.set('2026-03-09T03:00:00.000Z')
      expect(await publicPenaltyIds()).toContain(records.current)
      const lastSeq = Number((await platform().database.db.selectFrom('events').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirstOrThrow()).m ?? 0)
      const approved = await platform().repairs.decide(scjg, id, { outcome: 'approved' })
      expect(approved).toMatchObject({ state: 'approved', decision: 'approved', decidedAt: '2026-03-09T03:00:00.000Z', decidedBy: 'user:scjg.reviewer', dueOn: null, deadlines: [] })

      expect(await publicPenaltyIds()).not.toContain(records.current)
      expect(await officePenaltyIds()).toContain(records.current)
      const events = await platform().database.db.selectFrom('events').selectAll().where('seq', '>', lastSeq).execute()
      expect(events.map((e) => [e.type, Number(e.record_id), Number(e.subject_id)])).toEqual([['repair.decided', records.current, city.firmId]])
      expect(JSON.parse(events[0]!.payload)).toMatchObject({ repairId: id, receipt, outcome: 'approved', department: 'SCJG' })
      const decision = await platform().database.db.selectFrom('record_decisions').selectAll().where('record_id', '=', records.current).executeTakeFirstOrThrow()
      expect(decision).toMatchObject({ kind: 'repaired', source_type: 'repair', source_id: String(id), decided_by: 'user:scjg.reviewer', effective_at: '2026-03-09T03:00:00.000Z' })
      expect((await platform().audit.list({ limit: 1, entityType: 'repair', entityId: String(id) }))[0]).toMatchObject({ action: 'repair.approve', detail: { outcome: 'approved' } })
      expect((await platform().repairs.status({ receipt, token })).state).toBe('approved')

      const again = await platform().repairs.eligibility(scjg, records.current)
      expect(again.unmet.map((u) => u.condition)).toEqual(['not_published'])
      await expect(platform().repairs.decide(scjg, id, { outcome: 'rejected', reasons: '改变主意' })).rejects.toMatchObject({ code: 'REPAIR_TRANSITION_FORBIDDEN' })
    })
  })

  describe('rejection and withdrawal', () => {
    it('rejects only with reasons, keeps the record public, tells the feed, and frees the record for a new application', async () => {
      get().clock.set(TEST_NOW)
      const { repair } = await platform().repairs.apply(city.actors.public, application(records.second))
      await expect(platform().repairs.decide(scjg, repair.id, { outcome: 'rejected', reasons: ' ' })).rejects.toMatchObject({ code: 'REPAIR_REASONS_REQUIRED' })
      await expect(platform().repairs.decide(scjg, repair.id, { outcome: 'approved' })).rejects.toMatchObject({ code: 'REPAIR_TRANSITION_FORBIDDEN' })
      const rejected = await platform().repairs.decide(scjg, repair.id, { outcome: 'rejected', reasons: '罚款缴纳凭证与处罚决定书金额不符' })
      expect(rejected).toMatchObject({ state: 'rejected', decision: 'rejected', reasons: '罚款缴纳凭证与处罚决定书金额不符' })
      expect(await publicPenaltyIds()).toContain(records.second)
      const event = await platform().database.db.selectFrom('events').selectAll().where('type', '=', 'repair.decided').orderBy('seq', 'desc').executeTakeFirstOrThrow()
      expect(JSON.parse(event.payload)).toMatchObject({ repairId: repair.id, outcome: 'rejected' })
      expect(await platform().database.db.selectFrom('record_decisions').select('id').where('record_id', '=', records.second).execute()).toEqual([])
      const renewed = await platform().repairs.apply(city.actors.public, application(records.second))
      expect(renewed.repair.state).toBe('submitted')
      // The applicant's written withdrawal, recorded by the department.
      expect(await platform().repairs.withdraw(scjg, renewed.repair.id, '申请人书面撤回')).toMatchObject({ state: 'withdrawn', dueOn: null })
    })

    it('lets the applicant withdraw with the token; nothing can be done afterwards', async () => {
      const { repair, receiptNumber, token } = await platform().repairs.apply(city.actors.public, application(records.third, { applicant: { name: '张律师', contact: '13900000000', relation: 'agent', powerOfAttorney: '授权委托书（2026）第 12 号' } }))
      expect(repair.applicant).toEqual({ name: '张律师', contact: '13900000000', relation: 'agent', powerOfAttorney: '授权委托书（2026）第 12 号' })
      await expect(platform().repairs.withdrawAsApplicant({ receipt: receiptNumber, token: 'wrong' })).rejects.toMatchObject({ code: 'REPAIR_NOT_FOUND' })
      expect(await platform().repairs.withdrawAsApplicant({ receipt: receiptNumber, token }, '已与部门沟通')).toMatchObject({ state: 'withdrawn' })
      await expect(platform().repairs.accept(scjg, repair.id)).rejects.toMatchObject({ code: 'REPAIR_TRANSITION_FORBIDDEN' })
      await expect(platform().repairs.withdraw(scjg, repair.id)).rejects.toMatchObject({ code: 'REPAIR_TRANSITION_FORBIDDEN' })
      expect((await platform().repairs.show(office, repair.id)).steps.map((s) => [s.action, s.actor])).toEqual([
        ['submit', 'public:anonymous'],
        ['withdraw', 'public:anonymous'],
      ])
    })
  })

  it('takes one of two simultaneous applications for a record and refuses the other as already open', async () => {
    get().clock.set(TEST_NOW)
    const recordId = await submitPenalty(platform(), city, '新市监罚〔2025〕修复-并发号')
    const results = await Promise.allSettled([platform().repairs.apply(city.actors.public, application(recordId)), platform().repairs.apply(city.actors.public, application(recordId))])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason).toMatchObject({ code: 'REPAIR_ALREADY_OPEN' })
    const taken = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<Awaited<ReturnType<Platform['repairs']['apply']>>>).value
    await platform().repairs.withdraw(office, taken.repair.id)
  })

  describe('deadlines across National Day 2026', () => {
    let id: number
    const at = (date: string) => get().clock.set(`${date}T02:00:00.000+08:00`)

    it('gives an application of 2026-09-28 feedback due 2026-10-16 (the 调休 Saturday 2026-10-10 counts)', async () => {
      at('2026-09-28')
      const recordId = await submitPenalty(platform(), city, '新市监罚〔2026〕修复-国庆号', { CF_JDRQ: '2026-05-01', CF_YXQ: '2027-05-01', CF_GSJZQ: '2027-05-01' })
      const { repair } = await platform().repairs.apply(city.actors.public, application(recordId))
      id = repair.id
      expect(repair).toMatchObject({ receivedOn: '2026-09-28', feedbackDueOn: '2026-10-16', dueOn: '2026-10-16' })
    })

    it('reminds nobody while time remains', async () => {
      at('2026-09-30')
      expect(await platform().repairs.tick(system)).toEqual({ reminders: 0, overdue: 0 })
    })

    it('accepted on 2026-10-09, the decision is due 2026-10-13; the reminder comes on 2026-10-12, once', async () => {
      at('2026-10-09')
      expect(await platform().repairs.accept(scjg, id)).toMatchObject({ decisionDueOn: '2026-10-13', dueOn: '2026-10-13' })
      at('2026-10-12')
      expect(await platform().repairs.tick(system)).toEqual({ reminders: 1, overdue: 0 })
      expect(await platform().repairs.tick(system)).toEqual({ reminders: 0, overdue: 0 })
      await expect(platform().repairs.tick(scjg)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    })

    it('escalates the overdue decision the day after, and lists it as overdue', async () => {
      at('2026-10-14')
      expect((await platform().repairs.list(office, { limit: 10, overdue: true })).map((r) => r.id)).toEqual([id])
      expect(await platform().repairs.tick(system)).toEqual({ reminders: 0, overdue: 1 })
      const alerts = (await openAlerts(platform().database.db, { caseType: 'repair' })).filter((a) => a.caseId === id)
      expect(alerts.map((a) => [a.kind, a.dueOn, a.departmentId])).toEqual([
        ['overdue', '2026-10-13', city.departmentIds.SCJG],
        ['reminder', '2026-10-13', city.departmentIds.SCJG],
      ])
      expect((await platform().repairs.show(scjg, id)).deadlines.map((d) => [d.kind, d.status])).toEqual([
        ['decision', 'overdue'],
        ['feedback', 'running'],
      ])
      at('2026-10-15')
      expect(await platform().repairs.tick(system)).toEqual({ reminders: 1, overdue: 0 })
      expect((await platform().audit.list({ limit: 1, entityType: 'repair', entityId: String(id) }))[0]).toMatchObject({ action: 'repair.reminder', detail: { deadline: 'feedback', dueOn: '2026-10-16' } })
    })
  })
})
