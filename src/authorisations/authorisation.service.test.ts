/** Authorisations on each store: who may record and revoke them, what they must state, the audit trail. */
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { buildQueryCity, firmUscc, levelItems, type QueryCity } from '../profiles/testing.ts'
import { checkAuthorisationTerms } from './authorisation.ts'

const at = { today: '2026-03-02', now: '2026-03-02T02:00:00.000Z' }
const terms = { scope: ['XZCFSQ'], purpose: '贷款审批', grantedOn: '2026-03-01', expiresAt: '2026-09-01T00:00:00Z', evidence: '授权书 1' }

describe('checkAuthorisationTerms', () => {
  it.each([
    ['an empty scope', { scope: [] }, 'AUTHORISATION_SCOPE_EMPTY'],
    ['no purpose', { purpose: '  ' }, 'AUTHORISATION_PURPOSE_REQUIRED'],
    ['no evidence of the written authorisation', { evidence: '' }, 'AUTHORISATION_EVIDENCE_REQUIRED'],
    ['an impossible date', { grantedOn: '2026-02-30' }, 'AUTHORISATION_DATE_INVALID'],
    ['a grant signed tomorrow', { grantedOn: '2026-03-03' }, 'AUTHORISATION_NOT_YET_SIGNED'],
    ['an expiry that is not an instant', { expiresAt: 'next year' }, 'AUTHORISATION_DATE_INVALID'],
    ['an expiry already past', { expiresAt: '2026-03-01T00:00:00Z' }, 'AUTHORISATION_EXPIRED'],
  ])('refuses %s', (_, change, code) => {
    expect(() => checkAuthorisationTerms({ ...terms, ...change }, at)).toThrow(expect.objectContaining({ code }))
  })

  it('sorts and deduplicates the scope', () => {
    expect(checkAuthorisationTerms({ ...terms, scope: ['XZCF', 'NSXYAJ', 'XZCF'] }, at).scope).toEqual(['NSXYAJ', 'XZCF'])
  })
})

describeEachPlatform('authorisations', (get) => {
  let city: QueryCity
  beforeAll(async () => {
    city = await buildQueryCity(get().platform)
  })

  it('are recorded by the bank for itself, with an audit entry', async () => {
    const { platform } = get()
    const a = await platform.authorisations.record(city.actors.bank, { subject: firmUscc, ...terms })
    expect(a).toMatchObject({ subjectId: city.firmId, grantee: { code: 'RMYH' }, scope: ['XZCFSQ'], revokedAt: null, evidence: '授权书 1', expiresAt: '2026-09-01T00:00:00.000Z' })
    const audit = await platform.audit.list({ limit: 5, entityType: 'authorisation' })
    expect(audit[0]).toMatchObject({ action: 'authorisation.record', entityId: String(a.id) })
  })

  it('refuse grantees that are not banks, other banks’ staff, unknown items and unknown subjects', async () => {
    const { platform } = get()
    await expect(platform.authorisations.record(city.actors.department, { subject: firmUscc, ...terms })).rejects.toMatchObject({ code: 'AUTHORISATION_GRANTEE_INVALID' })
    await expect(platform.authorisations.record(city.actors.provider, { subject: firmUscc, ...terms })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(platform.authorisations.record(city.actors.office, { subject: firmUscc, department: 'SCJG', ...terms })).rejects.toMatchObject({ code: 'AUTHORISATION_GRANTEE_INVALID' })
    await expect(platform.authorisations.record(city.actors.bank, { subject: firmUscc, ...terms, scope: ['NOPE'] })).rejects.toMatchObject({ code: 'AUTHORISATION_SCOPE_UNKNOWN' })
    await expect(platform.authorisations.record(city.actors.bank, { subject: '91410700MA00000000', ...terms })).rejects.toMatchObject({ code: expect.stringMatching(/^SUBJECT_/) })
    await expect(platform.authorisations.record(city.actors.public, { subject: firmUscc, ...terms })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('are recorded by the platform office for a bank, listed by department and revoked once', async () => {
    const { platform } = get()
    const a = await platform.authorisations.record(city.actors.office, { subject: firmUscc, department: 'RMYH', ...terms, scope: [levelItems.authorised, 'XZCF'] })
    const mine = await platform.authorisations.list(city.actors.bank, { limit: 10, inForce: true })
    expect(mine.map((x) => x.id)).toContain(a.id)
    await expect(platform.authorisations.list(city.actors.provider, { limit: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await platform.authorisations.list(city.actors.department, { limit: 10 })).toEqual([])
    await expect(platform.authorisations.get(city.actors.auditor, a.id)).resolves.toMatchObject({ id: a.id })
    const revoked = await platform.authorisations.revoke(city.actors.bank, a.id, '客户撤回授权')
    expect(revoked.revokedAt).toBe('2026-03-02T02:00:00.000Z')
    await expect(platform.authorisations.revoke(city.actors.bank, a.id)).rejects.toMatchObject({ code: 'AUTHORISATION_REVOKED' })
    expect((await platform.authorisations.list(city.actors.bank, { limit: 10, inForce: true })).map((x) => x.id)).not.toContain(a.id)
    const audit = await platform.audit.list({ limit: 1, entityType: 'authorisation', entityId: String(a.id) })
    expect(audit[0]).toMatchObject({ action: 'authorisation.revoke', detail: { reason: '客户撤回授权' } })
  })
})
