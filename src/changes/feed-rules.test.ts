import { describe, expect, it } from 'vitest'
import type { SharingLevel } from '../catalog/catalog.ts'
import { feedPayload, feedVisibility, listEventType, versionEventType, type FeedConsumer } from './feed-rules.ts'

const office: FeedConsumer = { kind: 'platform_office' }
const department: FeedConsumer = { kind: 'department', departmentId: 2 }
const bank: FeedConsumer = { kind: 'authorised', departmentId: 3 }
const facts = (level: SharingLevel | null, provider = 1, category: string | null = 'XZCF') => ({ subjectId: 9, level, category, providerDepartmentId: provider })
const inScope = [{ id: 70, scope: ['XZCF', 'XZCFSQ'] }]

describe('who sees a change-feed event', () => {
  it.each([
    // consumer, level, provider, authorisations, visible, logged, authorisation
    ['office', office, 'none', 1, [], true, true, null],
    ['office', office, 'public', 1, [], true, false, null],
    ['department', department, 'public', 1, [], true, false, null],
    ['department', department, 'government', 1, [], true, true, null],
    ['department', department, 'authorised', 1, [], false, false, null],
    ['department', department, 'none', 1, [], false, false, null],
    ['department (provider)', department, 'none', 2, [], true, true, null],
    ['bank without authorisation', bank, 'public', 1, [], false, false, null],
    ['bank without authorisation', bank, 'authorised', 1, [], false, false, null],
    ['bank in scope', bank, 'authorised', 1, inScope, true, true, 70],
    ['bank in scope', bank, 'public', 1, inScope, true, false, 70],
    ['bank in scope, item only for government', bank, 'government', 1, inScope, false, false, null],
    ['bank in scope, item not shared', bank, 'none', 1, inScope, false, false, null],
  ] as const)('%s, %s item from department %s', (_, consumer, level, provider, authorisations, visible, logged, authorisationId) => {
    const v = feedVisibility(consumer, facts(level, provider), authorisations)
    expect(v.visible).toBe(visible)
    if (visible) expect(v).toEqual({ visible, logged, authorisationId })
  })

  it('keeps a bank to the items of its authorisation', () => {
    expect(feedVisibility(bank, facts('authorised', 1, 'XZXK'), inScope).visible).toBe(false)
  })

  it('shows an event that names no item only to the office and the provider', () => {
    expect(feedVisibility(department, facts(null, 1, null)).visible).toBe(false)
    expect(feedVisibility(bank, facts(null, 1, null), inScope).visible).toBe(false)
    expect(feedVisibility(office, facts(null, 1, null))).toEqual({ visible: true, logged: false, authorisationId: null })
    expect(feedVisibility(department, facts(null, 2, null)).visible).toBe(true)
  })
})

describe('what a batch version stands for', () => {
  it.each([
    [1, false, 'record.accepted'],
    [2, false, 'record.superseded'],
    [7, false, 'record.superseded'],
    [1, true, 'record.revoked'],
    [3, true, 'record.revoked'],
  ] as const)('version %s, written as revocation %s → %s', (version, writtenAsRevocation, type) => {
    expect(versionEventType({ version, writtenAsRevocation })).toBe(type)
  })
})

describe('what of a payload leaves through the feed', () => {
  const payload = { recordId: 4, versionIds: [5, 6], category: 'XZCF', name: '李四', idNumber: '410702198001010021', reason: '李四已缴纳罚款', effectiveAt: '2026-03-02T00:00:00Z', legalBasis: '《行政处罚法》第四十八条', applicant: { name: '李四' }, outcome: 'corrected' }

  it('passes an organisation’s payload through', () => {
    expect(feedPayload(payload, false)).toEqual(payload)
  })

  it('keeps only ids, codes, dates, states and bases about a person', () => {
    expect(feedPayload(payload, true)).toEqual({ recordId: 4, versionIds: [5, 6], category: 'XZCF', effectiveAt: '2026-03-02T00:00:00Z', legalBasis: '《行政处罚法》第四十八条', outcome: 'corrected' })
  })
})

describe('what a list record’s events are called', () => {
  it.each([
    ['record.accepted', 'black', 'list.entry'],
    ['publicity.ended', 'red', 'list.exit'],
    ['record.superseded', 'focus', 'record.superseded'],
    ['record.revoked', 'black', 'record.revoked'],
    ['record.accepted', undefined, 'record.accepted'],
    ['publicity.ended', undefined, 'publicity.ended'],
  ] as const)('%s on a %s list is %s', (type, listKind, expected) => {
    expect(listEventType(type, listKind)).toBe(expected)
  })
})
