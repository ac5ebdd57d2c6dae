import { describe, expect, it } from 'vitest'
import { listEntryStatus, type ListEntry } from './list-entry.ts'

const entry = (over: Partial<ListEntry> = {}): ListEntry => ({
  recordId: 1,
  subjectId: 7,
  category: 'YZSXZT',
  listKind: 'black',
  listName: '市场监督管理严重违法失信名单',
  authority: '新乡市市场监督管理局',
  reason: '提供虚假材料取得许可',
  legalBasis: '国家市场监督管理总局令第44号',
  decisionNumber: '新市监严列〔2026〕3号',
  listingDate: '2026-03-01',
  startDate: null,
  endDate: '2029-02-28',
  removalDate: null,
  withdrawn: false,
  preNoticeRequired: true,
  preNoticeServedOn: '2026-02-10',
  ...over,
})

describe('listEntryStatus', () => {
  it.each([
    ['is pending the day before it starts', {}, '2026-02-28', 'pending'],
    ['is active from its listing date', {}, '2026-03-01', 'active'],
    ['is active on its last day', {}, '2029-02-28', 'active'],
    ['has expired the day after its end date', {}, '2029-03-01', 'expired'],
    ['is active without an end date', { endDate: null }, '2040-01-01', 'active'],
    ['starts on its own effective date when given', { startDate: '2026-03-15' }, '2026-03-14', 'pending'],
    ['is removed from its removal date', { removalDate: '2027-06-01' }, '2027-06-01', 'removed'],
    ['is still active the day before removal', { removalDate: '2027-06-01' }, '2027-05-31', 'active'],
    ['needs its pre-notice before it takes effect', { preNoticeServedOn: null }, '2026-05-01', 'awaiting_pre_notice'],
    ['does not count a pre-notice served after the start', { preNoticeServedOn: '2026-03-02' }, '2026-05-01', 'awaiting_pre_notice'],
    ['counts a pre-notice served on the start day', { preNoticeServedOn: '2026-03-01' }, '2026-05-01', 'active'],
    ['needs no pre-notice where the list does not require one', { preNoticeRequired: false, preNoticeServedOn: null }, '2026-05-01', 'active'],
    ['is withdrawn whatever its dates', { withdrawn: true }, '2026-05-01', 'withdrawn'],
    ['reports removal before a missing pre-notice', { preNoticeServedOn: null, removalDate: '2026-04-01' }, '2026-05-01', 'removed'],
  ] as const)('%s', (_, over, today, expected) => {
    expect(listEntryStatus(entry(over), today)).toBe(expected)
  })
})
