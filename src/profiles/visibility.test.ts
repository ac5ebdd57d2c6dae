import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { effectiveSharingLevel, recordDisclosure, recordVisibility, subjectVisibility, windowMatters, type Asker, type RecordFacts } from './visibility.ts'
import { sharingLevels } from '../catalog/catalog.ts'

const at = { today: '2026-03-02', now: '2026-03-02T02:00:00.000Z' }
const record = (o: Partial<RecordFacts> = {}): RecordFacts => ({
  category: 'XZCF',
  sharingLevel: 'public',
  aboutNaturalPerson: false,
  status: 'in_force',
  underObjection: false,
  providerDepartmentId: 7,
  publicity: { shown: true, withdrawn: false },
  ...o,
})
const bank = (o: Partial<NonNullable<Extract<Asker, { kind: 'authorised' }>['authorisation']>> | null = {}): Asker => ({
  kind: 'authorised',
  departmentId: 30,
  authorisation: o === null ? null : { scope: ['NSXYAJ', 'XZCF'], grantedOn: '2026-01-01', expiresAt: '2026-12-31T16:00:00.000Z', revokedAt: null, ...o },
})
const publicAsker: Asker = { kind: 'public' }
const department: Asker = { kind: 'department', departmentId: 9 }
const provider: Asker = { kind: 'department', departmentId: 7 }

describe('recordVisibility', () => {
  it.each([
    ['the public sees a public record in its window', publicAsker, record(), true, 'public_in_window', false],
    ['the public does not see it outside its window', publicAsker, record({ publicity: { shown: false, withdrawn: false } }), false, 'outside_window', false],
    ['the public does not see a repaired record', publicAsker, record({ publicity: { shown: false, withdrawn: true } }), false, 'withdrawn', false],
    ['a department does not see a repaired, archived or deleted record', department, record({ publicity: { shown: false, withdrawn: true } }), false, 'withdrawn', false],
    ['the provider sees its own repaired record', provider, record({ publicity: { shown: false, withdrawn: true } }), true, 'provider', true],
    ['the subject sees its own repaired record', { kind: 'subject' } as Asker, record({ publicity: { shown: false, withdrawn: true } }), true, 'own_record', false],
    ['a bank does not see a public record outside its window', bank(), record({ publicity: { shown: false, withdrawn: false } }), false, 'outside_window', false],
    ['the public does not see a government-sharing record', publicAsker, record({ sharingLevel: 'government' }), false, 'not_public', false],
    ['the public does not see a natural person’s penalty', publicAsker, record({ aboutNaturalPerson: true }), false, 'not_public', false],
    ['the public sees a natural person where the item keeps it public', publicAsker, record({ aboutNaturalPerson: true, naturalPersonSharingLevel: 'public' }), true, 'public_in_window', false],
    ['the public does not see a revoked record', publicAsker, record({ status: 'revoked' }), false, 'withdrawn', false],
    ['the public does not see an old version', publicAsker, record({ status: 'superseded' }), false, 'history', false],
    ['a department sees a government-sharing record, logged', department, record({ sharingLevel: 'government' }), true, 'government_sharing', true],
    ['a department sees a public record past its window, logged', department, record({ publicity: { shown: false, withdrawn: false } }), true, 'government_sharing', true],
    ['a department does not see an authorised-query record', department, record({ sharingLevel: 'authorised' }), false, 'not_shared', false],
    ['a department does not see a not-shared record', department, record({ sharingLevel: 'none' }), false, 'not_shared', false],
    ['the provider sees its own not-shared record', provider, record({ sharingLevel: 'none' }), true, 'provider', true],
    ['the provider sees its own revoked record', provider, record({ status: 'revoked' }), true, 'provider', true],
    ['a bank sees an authorised record in scope and time', bank(), record({ sharingLevel: 'authorised' }), true, 'authorised', true],
    ['a bank without authorisation sees nothing authorised', bank(null), record({ sharingLevel: 'authorised' }), false, 'no_authorisation', false],
    ['a bank with an expired authorisation sees nothing authorised', bank({ expiresAt: '2026-03-01T00:00:00.000Z' }), record({ sharingLevel: 'authorised' }), false, 'authorisation_expired', false],
    ['a bank with a revoked authorisation sees nothing authorised', bank({ revokedAt: '2026-02-01T00:00:00.000Z' }), record({ sharingLevel: 'authorised' }), false, 'authorisation_expired', false],
    ['a bank with a future authorisation sees nothing authorised', bank({ grantedOn: '2026-04-01' }), record({ sharingLevel: 'authorised' }), false, 'authorisation_expired', false],
    ['a bank sees nothing outside the scope', bank({ scope: ['NSXYAJ'] }), record({ sharingLevel: 'authorised' }), false, 'outside_scope', false],
    ['a bank does not see government-sharing records', bank(), record({ sharingLevel: 'government' }), false, 'not_shared', false],
    ['a bank sees public records like the public', bank(), record(), true, 'public_in_window', false],
    ['the subject sees its own not-shared, revoked record unmasked', { kind: 'subject' } as Asker, record({ sharingLevel: 'none', status: 'revoked' }), true, 'own_record', false],
    ['the platform office sees everything, logged', { kind: 'platform_office' } as Asker, record({ sharingLevel: 'none', status: 'superseded' }), true, 'platform_office', true],
  ] as const)('%s', (_, asker, facts, visible, reason, logged) => {
    expect(recordVisibility(asker, facts, at)).toMatchObject({ visible, reason, logged })
  })

  it('masks personal values for everyone but the subject and the platform office', () => {
    expect(recordVisibility(department, record(), at).masked).toBe(true)
    expect(recordVisibility({ kind: 'subject' }, record(), at).masked).toBe(false)
    expect(recordVisibility({ kind: 'platform_office' }, record(), at).masked).toBe(false)
  })

  it('marks a record under objection wherever it is shown', () => {
    expect(recordVisibility(publicAsker, record({ underObjection: true }), at).objectionMark).toBe(true)
    expect(recordVisibility(publicAsker, record({ underObjection: true, sharingLevel: 'none' }), at).objectionMark).toBe(false)
  })

  it('never shows the public anything but in-force public records the engine shows, and never logs public reads', () => {
    const facts = fc.record({
      category: fc.constantFrom('XZCF', 'XZXK'),
      sharingLevel: fc.constantFrom(...sharingLevels),
      naturalPersonSharingLevel: fc.option(fc.constantFrom(...sharingLevels), { nil: undefined }),
      aboutNaturalPerson: fc.boolean(),
      status: fc.constantFrom('in_force', 'revoked', 'superseded', 'archived'),
      underObjection: fc.boolean(),
      providerDepartmentId: fc.nat(20),
      publicity: fc.record({ shown: fc.boolean(), withdrawn: fc.boolean() }),
    }) as fc.Arbitrary<RecordFacts>
    fc.assert(
      fc.property(facts, (r) => {
        const v = recordVisibility(publicAsker, r, at)
        if (!v.visible) return true
        return effectiveSharingLevel(r) === 'public' && r.status === 'in_force' && r.publicity.shown && !r.publicity.withdrawn && !v.logged
      }),
    )
  })
})

describe('subjectVisibility', () => {
  const person = { naturalPerson: true, anyRecordVisible: false }
  it.each([
    ['anyone sees an organisation, unlogged', publicAsker, { naturalPerson: false, anyRecordVisible: false }, true, false],
    ['the public does not see a person', publicAsker, person, false, false],
    ['the public sees a person whose record the catalog makes public', publicAsker, { naturalPerson: true, anyRecordVisible: true }, true, false],
    ['a department sees a person, logged', department, person, true, true],
    ['a bank under authorisation sees a person, logged', bank(), person, true, true],
    ['a bank without authorisation does not see a person', bank(null), person, false, false],
    ['a bank with an expired authorisation does not see a person', bank({ expiresAt: '2026-03-01T00:00:00.000Z' }), person, false, false],
    ['the person sees itself, unlogged', { kind: 'subject' } as Asker, person, true, false],
    ['the platform office sees a person, logged', { kind: 'platform_office' } as Asker, person, true, true],
  ] as const)('%s', (_, asker, subject, visible, logged) => {
    expect(subjectVisibility(asker, subject, at)).toEqual({ visible, logged })
  })
})

describe('recordDisclosure', () => {
  it.each([
    ['the platform office: history and full provenance', { kind: 'platform_office' } as Asker, { history: true, fullProvenance: true }],
    ['the provider: history and full provenance', provider, { history: true, fullProvenance: true }],
    ['the subject: history with its departments', { kind: 'subject' } as Asker, { history: true, fullProvenance: false }],
    ['another department: the current version', department, { history: false, fullProvenance: false }],
    ['a bank: the current version', bank(), { history: false, fullProvenance: false }],
    ['the public: the current version', publicAsker, { history: false, fullProvenance: false }],
  ] as const)('gives %s', (_, asker, disclosure) => {
    expect(recordDisclosure(asker, { providerDepartmentId: 7 })).toEqual(disclosure)
  })

  it('binds only the public and banks to publicity windows', () => {
    expect([publicAsker, bank(), department, provider, { kind: 'subject' } as Asker, { kind: 'platform_office' } as Asker].map(windowMatters)).toEqual([true, true, false, false, false, false])
  })
})
