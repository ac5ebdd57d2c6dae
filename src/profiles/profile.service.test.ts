/**
 * The credit file on each store, for every asker × sharing level × record state: what is shown,
 * what is masked, what carries history, and that every non-public read is in the query log.
 */
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import type { Actor } from '../security/actor.ts'
import { createProfileService, type ProfileService } from './profile.service.ts'
import type { Profile, ProfileRecord } from './profile.ts'
import { buildQueryCity, firmUscc, hiddenPersonId, legalRepId, levelItems, levels, personId, states, system, type Level, type QueryCity, type State } from './testing.ts'

type Cell = `${Level}:${State}`
const all = levels.flatMap((l) => states.map((s) => `${l}:${s}` as Cell))
const inForce = (l: Level) => (['current', 'expired', 'revised', 'objected'] as const).map((s) => `${l}:${s}` as Cell)
const inWindow = (l: Level) => (['current', 'revised', 'objected'] as const).map((s) => `${l}:${s}` as Cell)

/** Who sees which of the firm's penalties (the rule table of 河南条例 Arts. 18, 22, by hand). */
const expected: Record<'public' | 'department' | 'provider' | 'bank' | 'bankRevoked' | 'bankOutOfScope' | 'bankExpired' | 'office' | 'subject' | 'auditor', Cell[]> = {
  public: inWindow('public'),
  auditor: inWindow('public'),
  department: [...inForce('public'), ...inForce('government')],
  provider: all,
  bank: [...inWindow('public'), ...inForce('authorised')],
  bankRevoked: inWindow('public'),
  bankOutOfScope: inWindow('public'),
  bankExpired: inWindow('public'),
  office: all,
  subject: all,
}
const privileged = new Set(['provider', 'office', 'subject'])

describeEachPlatform('credit profiles', (get) => {
  let city: QueryCity
  let profiles: ProfileService
  let authorisationId: number

  const records = (p: Profile): ProfileRecord[] => p.groups.flatMap((g) => g.records)
  const cells = (p: Profile): Cell[] =>
    records(p)
      .filter((r) => r.fields['CF_XDR_MC'] === '新乡市查询测试食品有限公司')
      .map((r) => {
        const level = levels.find((l) => levelItems[l] === r.category)!
        const state = states.find((s) => String(r.fields['CF_WSH']).includes(`${level}-${s}`))!
        return `${level}:${state}` as Cell
      })
      .sort()
  const logCount = async () => Number((await get().platform.database.db.selectFrom('query_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const lastLog = () => get().platform.database.db.selectFrom('query_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow()

  beforeAll(async () => {
    const { platform } = get()
    city = await buildQueryCity(platform)
    // Objections marked by hand (the objection workflow has its own tests): a read that ignores its row.
    profiles = createProfileService({ ...platform, objections: () => ({ query: sql`select 1 as marked`.compile(platform.database.db), map: () => ({ open: city.objected, notes: new Map() }) }) })
    authorisationId = (
      await platform.authorisations.record(city.actors.bank, { subject: firmUscc, scope: [levelItems.authorised], purpose: '流动资金贷款审批', grantedOn: '2026-01-05', expiresAt: '2026-03-10T16:00:00.000Z', evidence: '授权书 RMYH-2026-0001' })
    ).id
  })

  /** Reads the firm's file as `who`, checks what is shown and what the query log got. */
  async function readAs(who: keyof typeof expected, read: () => Promise<Profile>) {
    const before = await logCount()
    const profile = await read()
    expect(cells(profile), who).toEqual([...expected[who]].sort())
    for (const r of records(profile)) {
      expect(r.underObjection, `${who} ${r.id}`).toBe(city.objected.has(r.id))
      expect(r.history !== undefined, `${who} history`).toBe(privileged.has(who))
      if (r.history) expect(r.history.length).toBe(r.version - 1)
    }
    const nonPublic = records(profile).filter((r) => !r.publicNow).map((r) => r.id).sort((a, b) => a - b)
    if (nonPublic.length === 0 || who === 'subject') {
      expect(await logCount(), `${who} is not logged`).toBe(before)
    } else {
      expect(await logCount(), `${who} is logged once`).toBe(before + 1)
      const entry = await lastLog()
      expect(entry.subject_id).toBe(city.firmId)
      expect((JSON.parse(entry.record_ids!) as number[]).sort((a, b) => a - b)).toEqual(nonPublic)
    }
    return profile
  }

  it('shows the public only public records in their window, unlogged and masked', async () => {
    const profile = await readAs('public', () => profiles.profile(city.actors.public, firmUscc, { limit: 200 }))
    const body = JSON.stringify(profile)
    expect(body).not.toContain(legalRepId)
    expect(body).not.toMatch(/"v1:/)
    expect(records(profile).every((r) => r.fields['CF_FR_ZJHM'] === '110105********002X')).toBe(true)
    expect(profile.view).toMatchObject({ asker: 'public', masked: true, logged: false })
  })

  it('shows a signed-in auditor no more than the public', async () => {
    await readAs('auditor', () => profiles.profile(city.actors.auditor, firmUscc, { limit: 200 }))
  })

  it('shows a department government-shared records in force, past their window too, and logs the read', async () => {
    await readAs('department', () => profiles.profile(city.actors.department, firmUscc, { limit: 200, purpose: '政府采购资格审查' }))
    expect(await lastLog()).toMatchObject({ actor_type: 'user', actor_id: 'ggzy.checker', department_id: city.departmentIds.GGZY, purpose: '政府采购资格审查', authorisation_id: null, channel: 'api' })
  })

  it('shows the provider everything it sent, with history and full provenance', async () => {
    const profile = await readAs('provider', () => profiles.profile(city.actors.provider, firmUscc, { limit: 200 }))
    const revised = records(profile).find((r) => r.id === city.recordOf('government', 'revised'))!
    expect(revised.provenance).toMatchObject({ department: { code: 'SCJG' }, submittedBy: 'user:scjg.clerk', sourceRow: 1 })
    expect(revised.history![0]!.fields['CF_NR']).toBe('罚款人民币20,000元')
  })

  it('shows a bank authorised records only within the scope and time of its authorisation, naming it in the log', async () => {
    const { platform, clock } = get()
    const bank = city.actors.bank
    await expect(profiles.profile(bank, firmUscc, {})).rejects.toMatchObject({ code: 'PROFILE_PURPOSE_REQUIRED' })
    const profile = await readAs('bank', () => profiles.profile(bank, firmUscc, { limit: 200, purpose: '贷款审批 2026-001' }))
    expect(profile.view.authorisationId).toBe(authorisationId)
    expect(await lastLog()).toMatchObject({ authorisation_id: authorisationId, purpose: '贷款审批 2026-001', department_id: city.departmentIds.RMYH })

    // After it lapses…
    clock.set('2026-03-15T00:00:00.000Z')
    try {
      await readAs('bankExpired', () => profiles.profile(bank, firmUscc, { limit: 200, purpose: '贷后检查' }))
      await expect(profiles.profile(bank, firmUscc, { purpose: '贷后检查', authorisationId })).rejects.toMatchObject({ code: 'AUTHORISATION_NOT_IN_FORCE' })
    } finally {
      clock.set('2026-03-02T02:00:00.000Z')
    }
    // …outside its scope…
    const narrow = await platform.authorisations.record(bank, { subject: firmUscc, scope: ['NSXYAJ'], purpose: '开户', grantedOn: '2026-02-01', expiresAt: '2026-06-30T16:00:00.000Z', evidence: '授权书 RMYH-2026-0002' })
    await readAs('bankOutOfScope', () => profiles.profile(bank, firmUscc, { limit: 200, purpose: '开户', authorisationId: narrow.id }))
    // …and once revoked.
    await platform.authorisations.revoke(bank, narrow.id, '客户撤回')
    await platform.authorisations.revoke(bank, authorisationId, '客户撤回')
    await readAs('bankRevoked', () => profiles.profile(bank, firmUscc, { limit: 200, purpose: '贷后检查' }))
    await expect(profiles.profile(city.actors.department, firmUscc, { authorisationId: 999999 })).resolves.toBeDefined()
  })

  it('does not let a bank use another bank’s or another subject’s authorisation', async () => {
    const { platform } = get()
    const other = await platform.authorisations.record(city.actors.bank, { subject: personId, scope: [levelItems.authorised], purpose: '个人贷款', grantedOn: '2026-02-01', expiresAt: '2026-06-30T16:00:00.000Z', evidence: '授权书 RMYH-2026-0003' })
    await expect(profiles.profile(city.actors.bank, firmUscc, { purpose: '贷款', authorisationId: other.id })).rejects.toMatchObject({ code: 'AUTHORISATION_NOT_FOUND' })
  })

  it('shows the platform office everything unmasked, with history, and logs it', async () => {
    const profile = await readAs('office', () => profiles.profile(city.actors.office, firmUscc, { limit: 200 }))
    expect(records(profile).some((r) => r.fields['CF_FR_ZJHM'] === legalRepId)).toBe(true)
  })

  it('shows the verified subject everything held about it, unmasked, with history, unlogged', async () => {
    const profile = await readAs('subject', () => profiles.ownProfile({ subjectId: city.firmId, verifiedBy: 'test' }, { limit: 200 }))
    expect(profile.view).toMatchObject({ asker: 'subject', masked: false, logged: false })
    const revised = records(profile).find((r) => r.id === city.recordOf('none', 'revised'))!
    expect(revised.provenance.submittedBy).toBeUndefined()
    expect(revised.history).toHaveLength(1)
  })

  it('groups records as 信用中国 does, with counts, newest first, and pages a group', async () => {
    const profile = await profiles.profile(city.actors.office, firmUscc, { limit: 3 })
    expect(profile.groups.map((g) => g.label)).toEqual(['行政许可', '行政处罚', '守信激励', '失信惩戒', '重点关注', '资质资格', '风险提示', '其他'])
    const penalties = profile.groups.find((g) => g.group === 'penalty')!
    expect(penalties.count).toBe(20)
    expect(penalties.records).toHaveLength(3)
    expect(profile.total).toBe(20)
    const page = await profiles.profile(city.actors.office, firmUscc, { group: 'penalty', limit: 5, offset: 18 })
    expect(page.groups.find((g) => g.group === 'penalty')!.records).toHaveLength(2)
    expect(page.groups.find((g) => g.group === 'licensing')!.records).toHaveLength(0)
    const dates = penalties.records.map((r) => r.dates.decision ?? '')
    expect([...dates].sort().reverse()).toEqual(dates)
  })

  describe('natural persons', () => {
    it('do not exist for the public unless the catalog makes a record of theirs public, and then masked', async () => {
      const before = await logCount()
      await expect(profiles.profile(city.actors.public, hiddenPersonId)).rejects.toMatchObject({ code: 'SUBJECT_NOT_FOUND' })
      await expect(profiles.profile(city.actors.public, String(city.hiddenPersonId))).rejects.toMatchObject({ code: 'SUBJECT_NOT_FOUND' })
      const profile = await profiles.profile(city.actors.public, personId)
      expect(records(profile).map((r) => r.category)).toEqual(['XZCFGK'])
      const body = JSON.stringify(profile)
      expect(body).not.toContain(personId)
      expect(body).not.toMatch(/"v1:/)
      expect(profile.subject.identifiers.every((i) => i.scheme !== 'resident_id' || i.masked)).toBe(true)
      expect(await logCount()).toBe(before)
    })

    it('are shown to a department and logged even without a non-public record on the page', async () => {
      const before = await logCount()
      const profile = await profiles.profile(city.actors.department, hiddenPersonId, { purpose: '资格审查' })
      expect(records(profile)).toHaveLength(1)
      expect(await logCount()).toBe(before + 1)
      expect(await lastLog()).toMatchObject({ subject_id: city.hiddenPersonId })
      expect(JSON.stringify(profile)).not.toContain(hiddenPersonId)
    })

    it('are shown unmasked to themselves and to the platform office', async () => {
      const own = await profiles.ownProfile({ subjectId: city.personId, verifiedBy: 'test' })
      expect(own.subject.identifiers.find((i) => i.scheme === 'resident_id')).toMatchObject({ value: personId, masked: false })
      const office = await profiles.profile(city.actors.office, personId)
      expect(records(office).map((r) => r.fields['CF_XDR_ZJHM'])).toContain(personId)
    })
  })

  it('answers unknown and malformed codes with coded errors', async () => {
    await expect(profiles.profile(city.actors.public, '91410700MA00000000')).rejects.toMatchObject({ code: expect.stringMatching(/^SUBJECT_/) })
    await expect(profiles.profile(city.actors.public, 'not a code')).rejects.toMatchObject({ code: 'SUBJECT_CODE_INVALID' })
  })

  it('applies a tightened sharing level to the very next read', async () => {
    const { platform } = get()
    const item = await platform.catalog.get(levelItems.government)
    await platform.catalog.revise(system, levelItems.government, { ...item.definition, sharingLevel: 'none' })
    const profile = await profiles.profile(city.actors.department, firmUscc, { limit: 200 })
    expect(cells(profile)).toEqual([...inForce('public')].sort())
    await platform.catalog.revise(system, levelItems.government, item.definition)
  })

  describe('the query log a subject is shown', () => {
    it('lists who read the firm, with the department name, newest first, for the subject and for auditors', async () => {
      const { platform } = get()
      const own = await profiles.ownQueryLog({ subjectId: city.firmId, verifiedBy: 'test' }, { limit: 100 })
      expect(own.length).toBeGreaterThan(3)
      expect(own[0]!.at >= own.at(-1)!.at).toBe(true)
      expect(own.map((e) => e.department?.name)).toContain('新乡市公共资源交易中心')
      expect(own.find((e) => e.authorisationId === authorisationId)).toMatchObject({ department: { code: 'RMYH' }, purpose: '贷款审批 2026-001' })
      expect(own[0]).not.toHaveProperty('actorId')
      await expect(platform.profiles.queryLog(city.actors.department, firmUscc, { limit: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      const audited = await platform.profiles.queryLog(city.actors.auditor, firmUscc, { limit: 10 })
      expect(audited[0]).toHaveProperty('actorId')
    })
  })

  describe('bulk lookup', () => {
    const lookup = (actor: Actor, codes: string[]) => get().platform.profiles.lookup(actor, codes, { purpose: '招标资格审查' })

    it('summarises each code for a department: found, name, kind, records in force it may see per group', async () => {
      const before = await logCount()
      const orgCode = firmUscc.slice(8, 17)
      const result = await lookup(city.actors.department, [firmUscc, orgCode, personId, '91410700MA00000000', 'junk', String(city.hiddenPersonId)])
      expect(result[0]).toMatchObject({ code: firmUscc, found: true, subjectId: city.firmId, name: '新乡市查询测试食品有限公司', kind: 'enterprise' })
      expect(result[0]!.counts).toMatchObject({ penalty: 8, licensing: 0 })
      expect(result[1]).toMatchObject({ found: true, subjectId: city.firmId })
      expect(result[2]).toMatchObject({ found: true, subjectId: city.personId, kind: 'natural_person', counts: { penalty: 2 } })
      expect(result[3]).toMatchObject({ found: false })
      expect(result[4]).toMatchObject({ found: false, error: { code: 'SUBJECT_CODE_INVALID' } })
      expect(result[5]).toMatchObject({ found: true, subjectId: city.hiddenPersonId })
      // One log row per subject the answer told something non-public about.
      expect(await logCount()).toBe(before + 3)
    })

    it('is for departments and the platform office only', async () => {
      await expect(lookup(city.actors.public, [firmUscc])).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
      await expect(lookup(city.actors.bank, [firmUscc])).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(lookup(city.actors.auditor, [firmUscc])).rejects.toMatchObject({ code: 'FORBIDDEN' })
      const office = await lookup(city.actors.office, [firmUscc])
      expect(office[0]!.counts!.penalty).toBe(16)
      await expect(get().platform.profiles.lookup(city.actors.department, [firmUscc], { purpose: ' ' })).rejects.toMatchObject({ code: 'LOOKUP_PURPOSE_REQUIRED' })
    })
  })
  void system
})
