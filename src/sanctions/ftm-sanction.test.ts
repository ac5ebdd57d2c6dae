import { describe, expect, it } from 'vitest'
import { ftmSanction } from './ftm-sanction.ts'
import type { ListEntry } from './list-entry.ts'

const entry: ListEntry = {
  recordId: 41,
  subjectId: 7,
  category: 'YZSXZT',
  listKind: 'black',
  listName: '市场监督管理严重违法失信名单',
  authority: '新乡市市场监督管理局',
  reason: '提供虚假材料骗取许可',
  legalBasis: '《市场监督管理严重违法失信名单管理办法》',
  decisionNumber: '新市监严列〔2026〕3号',
  listingDate: '2026-03-01',
  startDate: '2026-03-10',
  endDate: '2029-03-09',
  removalDate: null,
  withdrawn: false,
  preNoticeRequired: true,
  preNoticeServedOn: '2026-02-10',
}
const options = { today: '2026-06-01', provisions: ['限制参加政府采购活动'], publisher: '信用新乡', idPrefix: 'xy-xinxiang' }

describe('ftmSanction', () => {
  it('maps an entry to a Company and a Sanction with the listing date apart from the start date', () => {
    const [company, sanction] = ftmSanction(entry, { id: 7, kind: 'enterprise', name: '新乡市某某食品有限公司', identifier: '91410700MA44XXXX0X' }, options)
    expect(company).toEqual({ id: 'xy-xinxiang-subject-7', schema: 'Company', properties: { name: ['新乡市某某食品有限公司'], country: ['cn'], topics: ['debarment'], registrationNumber: ['91410700MA44XXXX0X'] } })
    expect(sanction!.schema).toBe('Sanction')
    expect(sanction!.properties).toMatchObject({
      entity: ['xy-xinxiang-subject-7'],
      authority: ['新乡市市场监督管理局'],
      program: ['市场监督管理严重违法失信名单'],
      listingDate: ['2026-03-01'],
      startDate: ['2026-03-10'],
      endDate: ['2029-03-09'],
      provisions: ['限制参加政府采购活动'],
      status: ['Active'],
      recordId: ['新市监严列〔2026〕3号'],
    })
  })

  it('keeps a lifted entry with its removal date as the end and an inactive status', () => {
    const [, sanction] = ftmSanction({ ...entry, removalDate: '2027-01-05' }, { id: 7, kind: 'enterprise', name: 'x', identifier: null }, { ...options, today: '2027-02-01' })
    expect(sanction!.properties).toMatchObject({ endDate: ['2027-01-05'], status: ['Inactive'] })
  })

  it('marks an expired entry as expired and one awaiting its pre-notice as suspended', () => {
    expect(ftmSanction(entry, { id: 7, kind: 'enterprise', name: 'x', identifier: null }, { ...options, today: '2029-03-10' })[1]!.properties.status).toEqual(['Expired'])
    expect(ftmSanction({ ...entry, preNoticeServedOn: null }, { id: 7, kind: 'enterprise', name: 'x', identifier: null }, options)[1]!.properties.status).toEqual(['Suspended'])
  })

  it('gives a person an idNumber, never a registration number', () => {
    const [person] = ftmSanction(entry, { id: 8, kind: 'natural_person', name: '张*', identifier: '410702********1234' }, options)
    expect(person).toMatchObject({ schema: 'Person', properties: { idNumber: ['410702********1234'] } })
    expect(person!.properties.registrationNumber).toBeUndefined()
  })
})
