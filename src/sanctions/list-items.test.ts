import { describe, expect, it } from 'vitest'
import { baseCatalog } from '../catalog/base-catalog/index.ts'
import { compileListItem, defaultPreNoticeItems, preNoticeFor, toListEntry } from './list-items.ts'
import { codesFromCsv } from './check-codes-csv.ts'

const item = (code: string) => compileListItem(baseCatalog.find((i) => i.code === code)!, new Set(defaultPreNoticeItems(baseCatalog)))!

describe('list items', () => {
  it('needs pre-notices on black lists but court defaulters by default', () => {
    expect(defaultPreNoticeItems(baseCatalog).sort()).toEqual(['TQNMGGZ', 'YZSXZT', 'ZDSSWF'])
    expect(item('SXBZXR').preNoticeRequired).toBe(false)
    expect(compileListItem(baseCatalog.find((i) => i.code === 'XZCF')!, new Set())).toBeUndefined()
  })

  it.each([
    ['YZSXZT', { listName: 'LIST_NAME', reason: 'LISTING_REASON', basis: 'LISTING_BASIS', authority: 'AUTHORITY_NAME', decisionNumber: 'DECISION_NUMBER', removal: ['REMOVAL_DATE'] }],
    ['SXBZXR', { listName: null, reason: 'DEFAULT_SITUATION', basis: 'BASIS_DOC_NUMBER', authority: 'COURT_NAME', decisionNumber: 'CASE_NUMBER', removal: ['REMOVAL_DATE'] }],
    ['NSXYAJ', { listName: null, reason: 'GRADE', basis: null, authority: 'TAX_AUTHORITY', decisionNumber: null, removal: [] }],
  ])('finds the fields of %s', (code, keys) => {
    expect(item(code).keys).toEqual(keys)
  })

  it('reads an entry from the payload and the version dates; a repair ends it, a deletion withdraws it', () => {
    const facts = { recordId: 5, subjectId: 7, category: 'SXBZXR', status: 'in_force', payload: { COURT_NAME: '新乡市中级人民法院', CASE_NUMBER: '（2026）豫07执1号', REMOVAL_DATE: '2027-01-01' }, decisionDate: null, publicationDate: '2026-02-01', validFrom: null, validTo: '2028-01-31', endedOn: null, deleted: false, preNoticeServedOn: null }
    expect(toListEntry(item('SXBZXR'), facts)).toMatchObject({ listName: '失信被执行人', authority: '新乡市中级人民法院', decisionNumber: '（2026）豫07执1号', listingDate: '2026-02-01', endDate: '2028-01-31', removalDate: '2027-01-01', withdrawn: false, preNoticeRequired: false })
    expect(toListEntry(item('SXBZXR'), { ...facts, endedOn: '2026-06-01' }).removalDate).toBe('2026-06-01')
    expect(toListEntry(item('SXBZXR'), { ...facts, deleted: true }).withdrawn).toBe(true)
    expect(toListEntry(item('SXBZXR'), { ...facts, status: 'revoked' }).withdrawn).toBe(true)
  })

  it.each([
    [[], '2026-01-10', null],
    [['2025-12-20'], '2026-01-10', '2025-12-20'],
    [['2025-12-20', '2026-01-05'], '2026-01-10', '2026-01-05'],
    [['2026-01-15'], '2026-01-10', '2026-01-15'],
    [['2025-12-20', '2026-01-15'], '2026-01-10', '2025-12-20'],
  ])('picks the pre-notice that counts from %j for a start on %s', (served, start, expected) => {
    expect(preNoticeFor(served, start)).toBe(expected)
  })
})

describe('codesFromCsv', () => {
  it('reads the code column by its Chinese or English name, skipping blanks', () => {
    expect(codesFromCsv('\uFEFF名称,统一社会信用代码\n甲,91410700MA44XXXX0X\n乙, 123 \n\n')).toEqual(['91410700MA44XXXX0X', '123'])
    expect(codesFromCsv('code\n"1"\n')).toEqual(['1'])
  })
  it('refuses a file without a code column', () => {
    expect(() => codesFromCsv('名称\n甲\n')).toThrow(expect.objectContaining({ code: 'CHECK_CSV_HEADER' }))
  })
})
