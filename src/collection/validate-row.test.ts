import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CatalogItemDefinition } from '../catalog/catalog.ts'
import { administrativeLicensing, administrativePenalty, codeTables, courtDefaulters, environmentalCreditRating } from '../catalog/base-catalog/index.ts'
import { makeResidentId, makeUscc } from '../identifiers/index.ts'
import { businessKey } from './business-key.ts'
import { collectionErrorCodes, collectionWarningCodes, pipelineIssueCodes } from './collection-errors.ts'
import type { RowOutcome, ValidatedRecord } from './collection.ts'
import { recordContentHash } from './content-hash.ts'
import { createRowValidator, type RowValidatorOptions } from './validate-row.ts'

const TODAY = '2025-06-01'
const AUTHORITY = makeUscc({ authority: '1', category: '1', division: '410700', orgCodeBody8: '00534011' })
const COMPANY = makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: 'MA3X7K2B' })
const SHOP = makeUscc({ authority: '9', category: '2', division: '410702', orgCodeBody8: 'MA3X7K2C' })
const UNKNOWN_DIVISION = makeUscc({ authority: '9', category: '1', division: '419999', orgCodeBody8: 'MA3X7K2D' })
const REP_ID = makeResidentId({ area: '410702', birthDate: '19800101', sequence: 123 })
const PERSON_ID = makeResidentId({ area: '410703', birthDate: '19900315', sequence: 456 })
const X_ID = '41070219900315002X' // check character X
/** A one-character change that breaks the USCC's check character. */
const BAD_USCC = `${COMPANY.slice(0, 17)}${COMPANY.endsWith('0') ? '1' : '0'}`

/** The 双公示 penalty columns, 2019+ Chinese headers, plus 当前状态 and 处罚程序. */
const HEADERS = [
  '行政相对人名称',
  '行政相对人类别',
  '统一社会信用代码',
  '组织机构代码',
  '法定代表人',
  '法定代表人证件类型',
  '法定代表人证件号码',
  '证件类型',
  '证件号码',
  '行政处罚决定书文号',
  '违法行为类型',
  '违法事实',
  '处罚依据',
  '处罚类别',
  '处罚程序',
  '处罚内容',
  '罚款金额（万元）',
  '暂扣或吊销证照名称及编号',
  '处罚决定日期',
  '处罚有效期',
  '公示截止期',
  '处罚机关',
  '处罚机关统一社会信用代码',
  '数据来源单位',
  '数据来源单位统一社会信用代码',
  '当前状态',
  '地方编码',
  '备注',
]

type Cells = Record<string, string>

const COMMON: Cells = {
  行政处罚决定书文号: '新市监罚〔2024〕12号',
  违法行为类型: '销售过期食品',
  违法事实: '经查，当事人在其经营场所销售超过保质期的食品。',
  处罚依据: '《中华人民共和国食品安全法》第一百二十四条',
  处罚类别: '警告;罚款',
  处罚内容: '警告，罚款人民币2000元',
  '罚款金额（万元）': '0.2',
  处罚决定日期: '2024-03-05',
  处罚有效期: '2025-03-05',
  公示截止期: '2025-03-05',
  处罚机关: '新乡市市场监督管理局',
  处罚机关统一社会信用代码: AUTHORITY,
  数据来源单位: '新乡市市场监督管理局',
  数据来源单位统一社会信用代码: AUTHORITY,
}

const ORG: Cells = {
  ...COMMON,
  行政相对人名称: '新乡市华丰商贸有限公司',
  行政相对人类别: '法人及非法人组织',
  统一社会信用代码: COMPANY,
  法定代表人: '张三',
  法定代表人证件类型: '身份证',
  法定代表人证件号码: REP_ID,
}

const SHOP_CELLS: Cells = {
  ...ORG,
  行政相对人名称: '新乡市红旗区张三便利店',
  行政相对人类别: '个体工商户',
  统一社会信用代码: SHOP,
}

const PERSON: Cells = {
  ...COMMON,
  行政相对人名称: '李四',
  行政相对人类别: '自然人',
  证件类型: '身份证',
  证件号码: PERSON_ID,
  处罚类别: '罚款',
  处罚内容: '罚款人民币5000元',
  '罚款金额（万元）': '0.5',
}

interface Run {
  headers?: string[]
  definition?: CatalogItemDefinition
  extra?: string[]
  options?: Partial<RowValidatorOptions>
}

const validatorFor = (run: Run = {}) =>
  createRowValidator({ definition: run.definition ?? administrativePenalty, codeTables, headers: run.headers ?? HEADERS, today: TODAY, ...run.options })

const check = (cells: Cells, run: Run = {}): RowOutcome => {
  const headers = run.headers ?? HEADERS
  return validatorFor(run).validate({ rowNumber: 7, values: [...headers.map((h) => cells[h] ?? ''), ...(run.extra ?? [])] })
}

const accepted = (outcome: RowOutcome): ValidatedRecord => {
  if (!outcome.ok) throw new Error(`rejected: ${outcome.issues.map((i) => `${i.code} ${i.message}`).join('; ')}`)
  return outcome.record
}

const issueCodes = (outcome: RowOutcome): string[] => (outcome.ok ? [] : outcome.issues.map((i) => i.code))
const warningCodes = (outcome: RowOutcome): string[] => (outcome.ok ? outcome.record.warnings : outcome.warnings).map((w) => w.code)

describe('createRowValidator — a complete row', () => {
  it('accepts an organisation row and normalises every value', () => {
    const record = accepted(check({ ...ORG, 处罚决定日期: '2024/3/5', 公示截止期: '2025年3月5日', 处罚类别: '罚款、警告', 当前状态: '有效' }))
    expect(record.rowNumber).toBe(7)
    expect(record.subject).toEqual({ kind: 'organisation', name: '新乡市华丰商贸有限公司', uscc: COMPANY, legalRepresentative: '张三' })
    expect(record.payload).toMatchObject({
      CF_XDR_LB: '02',
      CF_XDR_SHXYM: COMPANY,
      CF_FR_ZJLX: '01',
      CF_FR_ZJHM: REP_ID,
      CF_CFLB: ['010101', '010103'],
      CF_NR_FK: '0.2',
      CF_JDRQ: '2024-03-05',
      CF_GSJZQ: '2025-03-05',
      CF_ZT: '1',
      CF_CFCX: null,
      BZ: null,
    })
    expect(Object.keys(record.payload)).toEqual(administrativePenalty.fields.map((f) => f.key).sort())
    expect(record).toMatchObject({ decisionDate: '2024-03-05', publicityEnd: '2025-03-05', validTo: '2025-03-05', validFrom: null, publicationDate: null, revoked: false, warnings: [] })
    expect(record.businessKey).toBe(`新市监罚(2024)12号\u001f${AUTHORITY}`)
    expect(record.businessKey).toBe(businessKey(administrativePenalty, record.payload))
    expect(record.contentHash).toBe(recordContentHash(administrativePenalty, record.payload))
  })

  it('reports the header once: unknown columns as warnings, nothing else for a clean header', () => {
    expect(validatorFor().headerIssues).toEqual([])
    const v = validatorFor({ headers: [...HEADERS, '经办人', '联系电话'] })
    expect(v.headerIssues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      [1, '经办人', 'COLLECTION_UNKNOWN_COLUMN', 'warning'],
      [1, '联系电话', 'COLLECTION_UNKNOWN_COLUMN', 'warning'],
    ])
    expect(v.columns.unknown).toEqual(['经办人', '联系电话'])
    expect(v.validate({ rowNumber: 2, values: [...HEADERS.map((h) => ORG[h] ?? ''), '王五', '0373-1234567'] }).ok).toBe(true)
  })

  it('reports a missing required column once in the header, and every row as missing that field', () => {
    const headers = HEADERS.filter((h) => h !== '处罚依据')
    const v = validatorFor({ headers })
    expect(v.headerIssues).toEqual([expect.objectContaining({ row: 1, column: '处罚依据', code: 'COLLECTION_MISSING_COLUMN', severity: 'error' })])
    const outcome = v.validate({ rowNumber: 3, values: headers.map((h) => ORG[h] ?? '') })
    expect(outcome.ok ? [] : outcome.issues).toEqual([expect.objectContaining({ row: 3, column: '处罚依据', value: null, code: 'COLLECTION_REQUIRED' })])
  })
})

describe('every issue code', () => {
  const cases: Array<[string, () => RowOutcome | { headerIssues: Array<{ code: string }> }]> = [
    ['COLLECTION_REQUIRED', () => check({ ...ORG, 处罚依据: '' })],
    ['COLLECTION_DATE_INVALID', () => check({ ...ORG, 处罚决定日期: '2024-02-30' })],
    ['COLLECTION_DATE_OUT_OF_RANGE', () => check({ ...ORG, 处罚决定日期: '1900-01-01' })],
    ['COLLECTION_AMOUNT_INVALID', () => check({ ...ORG, '罚款金额（万元）': '-0.2' })],
    ['COLLECTION_AMOUNT_CHINESE_NUMERAL', () => check({ ...ORG, '罚款金额（万元）': '壹仟元' })],
    ['COLLECTION_CODE_UNKNOWN', () => check({ ...ORG, 处罚类别: '罚金' })],
    ['COLLECTION_IDENTIFIER_MASKED', () => check({ ...ORG, 法定代表人证件号码: '410702********1232' })],
    ['COLLECTION_IDENTIFIER_INVALID', () => check({ ...ORG, 统一社会信用代码: BAD_USCC })],
    ['COLLECTION_TOO_LONG', () => check({ ...ORG, 行政相对人名称: '名'.repeat(201) })],
    ['COLLECTION_PATTERN', () => check({ ...ORG, 地方编码: '4107' })],
    ['COLLECTION_TYPE', () => check({ ...RATING, 评价年度: '二〇二四' }, { definition: environmentalCreditRating, headers: RATING_HEADERS })],
    ['COLLECTION_LEGAL_REPRESENTATIVE_REQUIRED', () => check({ ...ORG, 法定代表人: '' })],
    ['COLLECTION_DATE_ORDER', () => check({ ...ORG, 公示截止期: '2024-03-04' })],
    ['COLLECTION_EXCLUDED_SIMPLE_PROCEDURE', () => check({ ...PERSON, 处罚程序: '简易程序' })],
    ['COLLECTION_SUBJECT_CATEGORY', () => check({ ...ORG, 行政相对人类别: '自然人' })],
    ['COLLECTION_EXTRA_VALUES', () => check(ORG, { extra: ['多出的值'] })],
    ['COLLECTION_MISSING_COLUMN', () => validatorFor({ headers: HEADERS.filter((h) => h !== '违法事实') })],
    ['COLLECTION_CONFLICTING_VALUES', () => check({ ...ORG, 罚款金额: '0.3' }, { headers: [...HEADERS, '罚款金额'] })],
    ['COLLECTION_ROW_UNREADABLE', () => validatorFor().validate({ rowNumber: 2, get values(): string[] { throw new Error('unreadable') } })],
    ['COLLECTION_UNKNOWN_COLUMN', () => validatorFor({ headers: [...HEADERS, '经办人'] })],
    ['COLLECTION_DUPLICATE_COLUMN', () => validatorFor({ headers: [...HEADERS, '罚款金额'] })],
    ['COLLECTION_FINE_LOOKS_LIKE_YUAN', () => check({ ...ORG, '罚款金额（万元）': '2000' })],
    ['COLLECTION_UNIT_CONVERTED', () => check({ ...ORG, '罚款金额（万元）': '2000元' })],
    ['COLLECTION_DIVISION_UNKNOWN', () => check({ ...ORG, 统一社会信用代码: UNKNOWN_DIVISION })],
  ]

  it('has a case for each code in the table', () => {
    // The pipeline's own codes are raised outside the validator and tested with the service.
    expect(cases.map(([c]) => c).sort()).toEqual([...collectionErrorCodes, ...collectionWarningCodes].filter((c) => !pipelineIssueCodes.includes(c)).sort())
  })

  it.each(cases)('triggers %s, with a Chinese and an English message', (code, run) => {
    const result = run()
    const all = 'headerIssues' in result ? result.headerIssues : result.ok ? result.record.warnings : [...result.issues, ...result.warnings]
    const found = all.find((i) => i.code === code) as (typeof all)[number] & { message: string; message_en: string; severity: string }
    expect(found, JSON.stringify(all)).toBeDefined()
    expect(found.message).toMatch(/[\u4e00-\u9fff]/u)
    expect(found.message_en).toMatch(/[A-Za-z]{3,} [a-z]{2,}/u)
    expect(found.message_en).not.toBe(found.message)
    expect(found.severity).toBe((collectionWarningCodes as readonly string[]).includes(code) ? 'warning' : 'error')
  })
})

describe('dates', () => {
  it.each([['2024-03-05'], ['2024/3/5'], ['2024.3.5'], ['20240305'], ['2024年3月5日'], ['2024年3月5号'], ['２０２４－０３－０５'], ['2024-03-05 00:00:00'], ['45356']])(
    'reads the decision date %j as 2024-03-05',
    (value) => {
      expect(accepted(check({ ...ORG, 处罚决定日期: value })).decisionDate).toBe('2024-03-05')
    },
  )

  it('names the field, the column and the value of an impossible date', () => {
    const outcome = check({ ...ORG, 处罚决定日期: '2024-02-30' })
    expect(outcome.ok ? [] : outcome.issues).toEqual([
      {
        row: 7,
        column: '处罚决定日期',
        value: '2024-02-30',
        code: 'COLLECTION_DATE_INVALID',
        message: '处罚决定日期（CF_JDRQ）不是有效日期：2024-02-30（2024-02-30 不存在）',
        message_en: 'CF_JDRQ (decision date) is not a valid date: 2024-02-30 (2024-02-30 does not exist)',
        severity: 'error',
      },
    ])
  })

  it.each([
    ['2024-13-01', 'COLLECTION_DATE_INVALID'],
    ['60', 'COLLECTION_DATE_INVALID'],
    ['0', 'COLLECTION_DATE_INVALID'],
    ['/', 'COLLECTION_DATE_INVALID'],
    ['1949-09-30', 'COLLECTION_DATE_OUT_OF_RANGE'],
    ['2075-06-02', 'COLLECTION_DATE_OUT_OF_RANGE'],
    ['2024', 'COLLECTION_DATE_OUT_OF_RANGE'],
  ])('rejects the decision date %j with %s', (value, code) => {
    expect(issueCodes(check({ ...ORG, 处罚决定日期: value }))).toEqual([code])
  })

  it('explains Excel serial 60 and a placeholder dash', () => {
    const sixty = check({ ...ORG, 处罚决定日期: '60' })
    expect(sixty.ok ? '' : sixty.issues[0]?.message).toContain('1900-02-29')
    const dash = check({ ...ORG, 处罚决定日期: '/' })
    expect(dash.ok ? '' : dash.issues[0]?.message).toContain('请留空')
  })

  it('says how it read a serial that lands out of range', () => {
    const outcome = check({ ...ORG, 处罚决定日期: '2024' })
    expect(outcome.ok ? '' : outcome.issues[0]?.message).toContain('按 Excel 日期序号读作 1905-07-16')
  })

  it('accepts today + 50 years for ordinary dates and far-future end dates', () => {
    expect(accepted(check({ ...ORG, 处罚决定日期: '2075-06-01', 公示截止期: '2080-01-01' })).decisionDate).toBe('2075-06-01')
    expect(accepted(check({ ...ORG, 公示截止期: '2199-12-31' })).publicityEnd).toBe('2199-12-31')
  })

  it.each([['长期'], ['永久'], ['无固定期限'], ['2099-12-31'], ['9999-12-31'], ['2099/12/31']])(
    'stores the open-ended validity %j as null and accepts it in a required column',
    (value) => {
      const record = accepted(check({ ...ORG, 处罚有效期: value }))
      expect(record.validTo).toBeNull()
      expect(record.payload.CF_YXQ).toBeNull()
    },
  )

  it('rejects a publicity end before the decision date', () => {
    const outcome = check({ ...ORG, 处罚决定日期: '2024-03-05', 公示截止期: '2023-03-05' })
    expect(outcome.ok ? [] : outcome.issues).toEqual([
      expect.objectContaining({
        column: '公示截止期',
        value: '2023-03-05',
        code: 'COLLECTION_DATE_ORDER',
        message: '公示截止期（CF_GSJZQ） 2023-03-05 早于处罚决定日期（CF_JDRQ） 2024-03-05',
      }),
    ])
  })

  it('accepts a publicity end on the decision date', () => {
    expect(check({ ...ORG, 公示截止期: '2024-03-05' }).ok).toBe(true)
  })

  it('rejects a licence valid to before it is valid from', () => {
    const headers = ['行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '法定代表人证件类型', '法定代表人证件号码', '行政许可决定文书名称', '行政许可决定文书号', '许可类别', '许可内容', '许可决定日期', '有效期自', '有效期至', '许可机关', '许可机关统一社会信用代码', '当前状态', '数据来源单位', '数据来源单位统一社会信用代码']
    const cells: Cells = {
      ...ORG,
      行政许可决定文书名称: '食品经营许可决定书',
      行政许可决定文书号: '新市监许〔2024〕1号',
      许可类别: '普通',
      许可内容: '食品经营许可',
      许可决定日期: '2024-03-01',
      有效期自: '2024-03-01',
      有效期至: '2029-02-28',
      许可机关: '新乡市市场监督管理局',
      许可机关统一社会信用代码: AUTHORITY,
      当前状态: '有效',
    }
    const licence = { definition: administrativeLicensing, headers }
    expect(accepted(check(cells, licence))).toMatchObject({ validFrom: '2024-03-01', validTo: '2029-02-28' })
    expect(issueCodes(check({ ...cells, 有效期至: '2024-02-28' }, licence))).toEqual(['COLLECTION_DATE_ORDER'])
    expect(accepted(check({ ...cells, 有效期至: '长期' }, licence)).validTo).toBeNull()
  })
})

describe('amounts', () => {
  it.each([
    ['1,234.5', '1234.5'],
    ['１２３', '123'],
    ['0.2万元', '0.2'],
    ['0.200', '0.2'],
    [' 0.2 ', '0.2'],
  ])('reads the fine %j as %s 万元', (value, amount) => {
    expect(accepted(check({ ...ORG, '罚款金额（万元）': value })).payload.CF_NR_FK).toBe(amount)
  })

  it('converts a fine written in yuan and says so', () => {
    const record = accepted(check({ ...ORG, '罚款金额（万元）': '2000元' }))
    expect(record.payload.CF_NR_FK).toBe('0.2')
    expect(record.warnings).toEqual([
      expect.objectContaining({
        column: '罚款金额（万元）',
        value: '2000元',
        code: 'COLLECTION_UNIT_CONVERTED',
        message: '罚款金额（万元）（CF_NR_FK）“2000元”按元填写，已换算为 0.2 万元',
        severity: 'warning',
      }),
    ])
  })

  it('rejects Chinese numerals with a message that asks for digits', () => {
    const outcome = check({ ...ORG, '罚款金额（万元）': '壹仟元' })
    expect(outcome.ok ? [] : outcome.issues).toEqual([
      expect.objectContaining({ column: '罚款金额（万元）', value: '壹仟元', code: 'COLLECTION_AMOUNT_CHINESE_NUMERAL', message: expect.stringContaining('请改用阿拉伯数字') }),
    ])
  })

  it.each([
    ['-1', 'COLLECTION_AMOUNT_INVALID'],
    ['0.1234567', 'COLLECTION_AMOUNT_INVALID'],
    ['1234567890123.5', 'COLLECTION_PATTERN'],
    ['一千元', 'COLLECTION_AMOUNT_CHINESE_NUMERAL'],
    ['-', 'COLLECTION_AMOUNT_INVALID'],
  ])('rejects the fine %j with %s', (value, code) => {
    expect(issueCodes(check({ ...ORG, '罚款金额（万元）': value }))).toEqual([code])
  })

  it('warns when the fine equals the yuan figure of the penalty content', () => {
    const record = accepted(check({ ...ORG, 处罚内容: '罚款2000元', '罚款金额（万元）': '2000' }))
    expect(record.warnings).toEqual([
      expect.objectContaining({ code: 'COLLECTION_FINE_LOOKS_LIKE_YUAN', value: '2000', message: expect.stringContaining('2000 元应填 0.2') }),
    ])
  })

  it('warns when the fine equals a small yuan figure too', () => {
    expect(warningCodes(check({ ...ORG, 处罚内容: '罚款人民币50元', '罚款金额（万元）': '50' }))).toEqual(['COLLECTION_FINE_LOOKS_LIKE_YUAN'])
  })

  it('warns about very large fines, at a configurable threshold', () => {
    expect(warningCodes(check({ ...ORG, 处罚内容: '罚款', '罚款金额（万元）': '150' }))).toEqual(['COLLECTION_FINE_LOOKS_LIKE_YUAN'])
    expect(warningCodes(check({ ...ORG, 处罚内容: '罚款', '罚款金额（万元）': '99.5' }))).toEqual([])
    expect(warningCodes(check({ ...ORG, 处罚内容: '罚款', '罚款金额（万元）': '150' }, { options: { fineWarningThreshold: 500 } }))).toEqual([])
  })

  it('does not warn when the content states the same amount in yuan correctly', () => {
    expect(warningCodes(check({ ...ORG, 处罚内容: '罚款2000元', '罚款金额（万元）': '0.2' }))).toEqual([])
  })

  it('requires the fine when the categories include 罚款', () => {
    const outcome = check({ ...ORG, '罚款金额（万元）': '' })
    expect(outcome.ok ? [] : outcome.issues).toEqual([
      expect.objectContaining({ column: '罚款金额（万元）', code: 'COLLECTION_REQUIRED', message: '处罚类别（CF_CFLB）含“罚款”时，罚款金额（万元）（CF_NR_FK）必填' }),
    ])
    expect(check({ ...ORG, 处罚类别: '警告', '罚款金额（万元）': '' }).ok).toBe(true)
  })

  it('requires the licence name when the categories include 吊销许可证件', () => {
    expect(issueCodes(check({ ...ORG, 处罚类别: '罚款;吊销许可证件' }))).toEqual(['COLLECTION_REQUIRED'])
    expect(check({ ...ORG, 处罚类别: '罚款;吊销许可证件', 暂扣或吊销证照名称及编号: '食品经营许可证 JY14107020001234' }).ok).toBe(true)
  })
})

describe('code tables', () => {
  it.each([
    ['警告;罚款'],
    ['010101,010103'],
    ['警告、罚款'],
    ['警告|罚款'],
    ['罚款；警告'],
    ['罚款，警告，罚款'],
    [' 警告 ; 010103 '],
  ])('reads the categories %j by label or code, in any separator', (value) => {
    expect(accepted(check({ ...ORG, 处罚类别: value })).payload.CF_CFLB).toEqual(['010101', '010103'])
  })

  it.each([
    ['02', '02'],
    ['法人', '02'],
    ['非法人组织', '02'],
    ['03', '02'],
    ['2', '02'],
  ])('reads the counterparty category %j as %s', (value, code) => {
    expect(accepted(check({ ...ORG, 行政相对人类别: value })).payload.CF_XDR_LB).toBe(code)
  })

  it('merges the legacy 处罚类别1 and 处罚类别2 columns', () => {
    const headers = HEADERS.map((h) => (h === '处罚类别' ? '处罚类别1' : h)).concat('处罚类别2')
    const v = validatorFor({ headers })
    expect(v.headerIssues).toEqual([])
    expect(v.columns.merged).toEqual([{ fieldKey: 'CF_CFLB', headers: ['处罚类别1', '处罚类别2'] }])
    const cells = { ...ORG, 处罚类别1: '罚款', 处罚类别2: '警告' }
    expect(accepted(check(cells, { headers })).payload.CF_CFLB).toEqual(['010101', '010103'])
    expect(accepted(check({ ...cells, 处罚类别2: '' }, { headers })).payload.CF_CFLB).toEqual(['010103'])
    const outcome = check({ ...cells, 处罚类别2: '记过' }, { headers })
    expect(outcome.ok ? [] : outcome.issues).toEqual([expect.objectContaining({ column: '处罚类别2', value: '记过', code: 'COLLECTION_CODE_UNKNOWN' })])
  })

  it('names every unknown part of a multi-valued cell, and the values it accepts', () => {
    const outcome = check({ ...ORG, 处罚类别: '警告;记过;罚金' })
    const issues = outcome.ok ? [] : outcome.issues
    expect(issues.map((i) => [i.code, i.value])).toEqual([
      ['COLLECTION_CODE_UNKNOWN', '警告;记过;罚金'],
      ['COLLECTION_CODE_UNKNOWN', '警告;记过;罚金'],
    ])
    expect(issues[0]?.message).toContain('“记过”不在代码表“处罚类别”中')
    expect(issues[0]?.message).toContain('010101 警告')
  })

  it.each([
    ['撤销', true],
    ['3', true],
    ['已撤销', true],
    ['无效', true],
    ['有效', false],
    ['', false],
  ])('reads the status %j as revoked: %s', (value, revoked) => {
    expect(accepted(check({ ...ORG, 当前状态: value })).revoked).toBe(revoked)
  })
})

describe('identifiers', () => {
  it.each([
    ['统一社会信用代码', '91410702MA3X7K2B**'],
    ['统一社会信用代码', '9141070２MA3X7K2B＊3'],
    ['法定代表人证件号码', '410702********1232'],
    ['组织机构代码', 'MA3X7K2B*'],
  ])('rejects the masked %s %j: it cannot be linked', (column, value) => {
    const outcome = check({ ...ORG, [column]: value })
    expect(outcome.ok ? [] : outcome.issues).toEqual([expect.objectContaining({ column, value, code: 'COLLECTION_IDENTIFIER_MASKED' })])
  })

  it("includes the identifier validator's own code and message", () => {
    const outcome = check({ ...ORG, 统一社会信用代码: BAD_USCC })
    const issue = outcome.ok ? undefined : outcome.issues[0]
    expect(issue).toMatchObject({ code: 'COLLECTION_IDENTIFIER_INVALID', column: '统一社会信用代码', value: BAD_USCC })
    expect(issue?.message).toMatch(/^统一社会信用代码（CF_XDR_SHXYM）无效：.+，校验码错误，应为 .（IDENTIFIER_CHECKSUM）$/u)
    expect(issue?.message_en).toContain('IDENTIFIER_CHECKSUM')
  })

  it('normalises a USCC typed in lower case, with spaces', () => {
    const typed = ` ${COMPANY.toLowerCase().slice(0, 9)} ${COMPANY.toLowerCase().slice(9)} `
    expect(accepted(check({ ...ORG, 统一社会信用代码: typed })).subject.uscc).toBe(COMPANY)
  })

  it('normalises a lower-case x in an ID number', () => {
    const record = accepted(check({ ...PERSON, 证件号码: X_ID.toLowerCase() }))
    expect(record.subject).toMatchObject({ kind: 'natural_person', idType: '01', idNumber: X_ID })
    expect(record.payload.CF_XDR_ZJHM).toBe(X_ID)
  })

  it('upgrades a 15-digit first-generation ID number to 18 digits', () => {
    const record = accepted(check({ ...ORG, 法定代表人证件号码: '410702800101123' }))
    expect(record.payload.CF_FR_ZJHM).toBe(REP_ID)
  })

  it('rejects an ID number with an impossible birth date', () => {
    const outcome = check({ ...PERSON, 证件号码: '410703199002300010' })
    expect(outcome.ok ? [] : outcome.issues).toEqual([expect.objectContaining({ code: 'COLLECTION_IDENTIFIER_INVALID', message: expect.stringContaining('IDENTIFIER_BIRTH_DATE') })])
  })

  it('accepts other documents as written, up to 32 characters', () => {
    const record = accepted(check({ ...PERSON, 证件类型: '护照', 证件号码: 'e 1234 5678' }))
    expect(record.subject).toMatchObject({ idType: '02', idNumber: 'E12345678' })
    expect(issueCodes(check({ ...PERSON, 证件类型: '护照', 证件号码: 'E'.repeat(33) }))).toEqual(['COLLECTION_IDENTIFIER_INVALID'])
  })

  it('reads an ID number without a type column as a resident ID number (legacy XDR_SFZ)', () => {
    const headers = HEADERS.filter((h) => h !== '证件类型').map((h) => (h === '证件号码' ? 'CF_XDR_SFZ' : h))
    const record = accepted(check({ ...PERSON, CF_XDR_SFZ: PERSON_ID }, { headers }))
    expect(record.subject).toMatchObject({ kind: 'natural_person', idType: '01', idNumber: PERSON_ID })
    expect(record.payload).toMatchObject({ CF_XDR_ZJLX: '01', CF_XDR_ZJHM: PERSON_ID })
    expect(issueCodes(check({ ...PERSON, CF_XDR_SFZ: `${PERSON_ID.slice(0, 17)}${PERSON_ID.endsWith('0') ? '1' : '0'}` }, { headers }))).toEqual(['COLLECTION_IDENTIFIER_INVALID'])
  })

  it('passes identifier warnings through: a division code nobody knows', () => {
    const record = accepted(check({ ...ORG, 统一社会信用代码: UNKNOWN_DIVISION }))
    expect(record.warnings).toEqual([expect.objectContaining({ code: 'COLLECTION_DIVISION_UNKNOWN', column: '统一社会信用代码', message: expect.stringContaining('419999') })])
  })
})

describe('subjects and requirements', () => {
  it('rejects an organisation without its legal representative', () => {
    const outcome = check({ ...ORG, 法定代表人: '' })
    expect(outcome.ok ? [] : outcome.issues).toEqual([
      expect.objectContaining({ column: '法定代表人', value: null, code: 'COLLECTION_LEGAL_REPRESENTATIVE_REQUIRED', message: '行政相对人为法人或非法人组织时，法定代表人（CF_FRDB）必填' }),
    ])
  })

  it('asks an individual business with a USCC for its operator', () => {
    const outcome = check({ ...SHOP_CELLS, 法定代表人: 'NULL' })
    expect(outcome.ok ? [] : outcome.issues).toEqual([expect.objectContaining({ code: 'COLLECTION_LEGAL_REPRESENTATIVE_REQUIRED', message: expect.stringContaining('经营者') })])
  })

  it('does not ask a natural person for a USCC or a legal representative', () => {
    const record = accepted(check(PERSON))
    expect(record.subject).toEqual({ kind: 'natural_person', name: '李四', idType: '01', idNumber: PERSON_ID })
  })

  it('asks a natural person for the ID type and number', () => {
    expect(issueCodes(check({ ...PERSON, 证件类型: '', 证件号码: '' }))).toEqual(['COLLECTION_REQUIRED', 'COLLECTION_REQUIRED'])
  })

  it('treats an empty value, a lone space and the literal null as empty', () => {
    for (const empty of ['', ' ', '\u3000', 'null', 'NULL', '(null)']) {
      expect(issueCodes(check({ ...ORG, 处罚依据: empty })), JSON.stringify(empty)).toEqual(['COLLECTION_REQUIRED'])
      expect(accepted(check({ ...ORG, 备注: empty })).payload.BZ).toBeNull()
    }
  })

  it.each([
    ['a USCC', { 统一社会信用代码: COMPANY }, 'organisation'],
    ['an individual business USCC (92…)', { 统一社会信用代码: SHOP }, 'individual_business'],
    ['an ID number', { 证件类型: '身份证', 证件号码: PERSON_ID, 处罚程序: '普通程序' }, 'natural_person'],
  ])('infers the subject kind from %s when the category column is absent', (_, cells, kind) => {
    const headers = HEADERS.filter((h) => h !== '行政相对人类别')
    const base = kind === 'natural_person' ? { ...PERSON } : { ...ORG }
    const outcome = check({ ...base, 统一社会信用代码: '', ...cells }, { headers })
    // The category column is required by the national format: the row is rejected for it alone.
    expect(issueCodes(outcome)).toEqual(['COLLECTION_REQUIRED'])
    const optional: CatalogItemDefinition = {
      ...administrativePenalty,
      fields: administrativePenalty.fields.map((f) => (f.key === 'CF_XDR_LB' ? { ...f, requirement: 'optional' } : f)),
    }
    expect(accepted(check({ ...base, 统一社会信用代码: '', ...cells }, { headers, definition: optional })).subject.kind).toBe(kind)
  })

  it('reports a counterparty it cannot classify', () => {
    const optional: CatalogItemDefinition = {
      ...administrativePenalty,
      fields: administrativePenalty.fields.map((f) => (f.key === 'CF_XDR_LB' ? { ...f, requirement: 'optional' } : f)),
    }
    const outcome = check({ ...ORG, 行政相对人类别: '', 统一社会信用代码: '', 法定代表人: '', 法定代表人证件类型: '', 法定代表人证件号码: '' }, { definition: optional })
    expect(issueCodes(outcome)).toEqual(['COLLECTION_SUBJECT_CATEGORY'])
  })

  it.each([
    ['a natural person with a USCC', { ...PERSON, 统一社会信用代码: COMPANY }],
    ['an individual business with an enterprise USCC', { ...SHOP_CELLS, 统一社会信用代码: COMPANY }],
  ])('rejects %s as an inconsistent category', (_, cells) => {
    expect(issueCodes(check(cells))).toContain('COLLECTION_SUBJECT_CATEGORY')
  })

  it('takes an organisation with a 92… USCC for an individual business', () => {
    expect(accepted(check({ ...SHOP_CELLS, 行政相对人类别: '法人及非法人组织' })).subject.kind).toBe('individual_business')
  })

  it('rejects a kind of subject the item does not collect', () => {
    const orgOnly: CatalogItemDefinition = { ...administrativePenalty, subjectKinds: ['enterprise'] }
    expect(issueCodes(check(PERSON, { definition: orgOnly }))).toEqual(['COLLECTION_SUBJECT_CATEGORY'])
  })

  it('reports all issues of a row together', () => {
    const outcome = check({ ...ORG, 法定代表人: '', 处罚决定日期: '2024-02-30', 统一社会信用代码: BAD_USCC, '罚款金额（万元）': '壹仟元', 处罚类别: '罚款;记过' }, { extra: ['x'] })
    expect(issueCodes(outcome).sort()).toEqual(
      [
        'COLLECTION_EXTRA_VALUES',
        'COLLECTION_IDENTIFIER_INVALID',
        'COLLECTION_CODE_UNKNOWN',
        'COLLECTION_AMOUNT_CHINESE_NUMERAL',
        'COLLECTION_DATE_INVALID',
        'COLLECTION_LEGAL_REPRESENTATIVE_REQUIRED',
      ].sort(),
    )
    expect(outcome.ok ? [] : outcome.issues.map((i) => i.row)).toEqual([7, 7, 7, 7, 7, 7])
  })

  it('ignores empty values after the last column but rejects real ones', () => {
    expect(check(ORG, { extra: ['', ' '] }).ok).toBe(true)
    const outcome = check(ORG, { extra: ['', '多余'] })
    expect(outcome.ok ? [] : outcome.issues).toEqual([expect.objectContaining({ code: 'COLLECTION_EXTRA_VALUES', column: null, value: '多余', message: expect.stringContaining(`本行有 ${HEADERS.length + 2} 个值，多于表头的 ${HEADERS.length} 列`) })])
  })

  it('reads missing trailing values as empty', () => {
    const v = validatorFor()
    const values = HEADERS.map((h) => ORG[h] ?? '')
    while (values.at(-1) === '') values.pop()
    expect(v.validate({ rowNumber: 2, values }).ok).toBe(true)
  })

  it('uses the first of two columns for one field, and rejects rows where they differ', () => {
    const headers = [...HEADERS, '罚款金额']
    const v = validatorFor({ headers })
    expect(v.headerIssues).toEqual([expect.objectContaining({ code: 'COLLECTION_DUPLICATE_COLUMN', severity: 'warning' })])
    expect(accepted(check({ ...ORG, 罚款金额: '0.2' }, { headers })).payload.CF_NR_FK).toBe('0.2')
    expect(accepted(check({ ...ORG, '罚款金额（万元）': '', 罚款金额: '0.3' }, { headers })).payload.CF_NR_FK).toBe('0.3')
    expect(issueCodes(check({ ...ORG, 罚款金额: '0.3' }, { headers }))).toEqual(['COLLECTION_CONFLICTING_VALUES'])
  })

  it('reads whole numbers and booleans, and rejects other values with COLLECTION_TYPE', () => {
    const rating = { definition: environmentalCreditRating, headers: RATING_HEADERS }
    expect(accepted(check({ ...RATING, 评价年度: '2,024' }, rating)).payload.EVALUATION_YEAR).toBe(2024)
    expect(issueCodes(check({ ...RATING, 评价年度: '2024.5' }, rating))).toEqual(['COLLECTION_TYPE'])
    expect(issueCodes(check({ ...RATING, 评价年度: '1850' }, rating))).toEqual(['COLLECTION_PATTERN'])
    const withFlag: CatalogItemDefinition = {
      ...administrativePenalty,
      fields: administrativePenalty.fields.map((f) => (f.key === 'BZ' ? { ...f, type: 'boolean' as const, maxLength: undefined } : f)),
    }
    expect(accepted(check({ ...ORG, 备注: '是' }, { definition: withFlag })).payload.BZ).toBe(true)
    expect(accepted(check({ ...ORG, 备注: 'false' }, { definition: withFlag })).payload.BZ).toBe(false)
    const outcome = check({ ...ORG, 备注: '也许' }, { definition: withFlag })
    expect(outcome.ok ? [] : outcome.issues).toEqual([expect.objectContaining({ code: 'COLLECTION_TYPE', message: '备注（BZ）应填“是”或“否”：也许' })])
  })

  it('checks text length in characters and patterns', () => {
    expect(check({ ...ORG, 行政相对人名称: '𠀀'.repeat(200) }).ok).toBe(true)
    expect(issueCodes(check({ ...ORG, 行政相对人名称: '名'.repeat(201) }))).toEqual(['COLLECTION_TOO_LONG'])
    expect(accepted(check({ ...ORG, 地方编码: '410702' })).payload.DFBM).toBe('410702')
    expect(issueCodes(check({ ...ORG, 地方编码: '新乡' }))).toEqual(['COLLECTION_PATTERN'])
  })
})

describe('河南条例第十三条第三款: simple-procedure penalties on natural persons', () => {
  it('refuses a natural person penalty the provider marks 简易程序, with its own code', () => {
    const outcome = check({ ...PERSON, 处罚程序: '简易程序' })
    expect(outcome.ok ? [] : outcome.issues).toEqual([
      expect.objectContaining({ code: 'COLLECTION_EXCLUDED_SIMPLE_PROCEDURE', column: '处罚程序', message: expect.stringContaining('第十三条第三款') }),
    ])
  })

  it.each([
    ['警告', ''],
    ['罚款', '0.02'],
    ['罚款', '200元'],
    ['警告;罚款', '0.01'],
  ])('refuses a natural person with %s and a fine of %j when no procedure is given', (categories, fine) => {
    expect(issueCodes(check({ ...PERSON, 处罚类别: categories, 处罚内容: '罚款', '罚款金额（万元）': fine }))).toEqual(['COLLECTION_EXCLUDED_SIMPLE_PROCEDURE'])
  })

  it('reads a fine that looks like yuan as yuan before deciding', () => {
    const outcome = check({ ...PERSON, 处罚内容: '罚款200元', '罚款金额（万元）': '200' })
    expect(issueCodes(outcome)).toEqual(['COLLECTION_EXCLUDED_SIMPLE_PROCEDURE'])
    expect(warningCodes(outcome)).toEqual(['COLLECTION_FINE_LOOKS_LIKE_YUAN'])
  })

  it.each([
    ['a fine above 200 yuan', { '罚款金额（万元）': '0.03' }],
    ['the ordinary procedure', { 处罚程序: '普通程序', 处罚类别: '警告', '罚款金额（万元）': '' }],
    ['another category', { 处罚类别: '罚款;没收违法所得', '罚款金额（万元）': '0.01' }],
  ])('accepts a natural person with %s', (_, cells) => {
    expect(check({ ...PERSON, ...cells }).ok).toBe(true)
  })

  it.each([
    ['an organisation', ORG],
    ['an individual business', SHOP_CELLS],
  ])('accepts the same simple-procedure penalty for %s', (_, cells) => {
    expect(check({ ...cells, 处罚程序: '简易程序', 处罚类别: '警告', '罚款金额（万元）': '' }).ok).toBe(true)
  })

  it('applies only to penalty items', () => {
    const record = accepted(check(COURT, { definition: courtDefaulters, headers: Object.keys(COURT) }))
    expect(record.subject.kind).toBe('natural_person')
  })
})

describe('business keys and content hashes of records', () => {
  it.each([['新市监罚〔2024〕12号'], ['新市监罚(2024)12号'], ['新市监罚（2024）12号'], ['新市监罚[2024]12号']])(
    'gives the decision number %j the same business key',
    (wsh) => {
      expect(accepted(check({ ...ORG, 行政处罚决定书文号: wsh })).businessKey).toBe(`新市监罚(2024)12号\u001f${AUTHORITY}`)
    },
  )

  it('keeps the decision number as written in the payload, but hashes it in key form', () => {
    const a = accepted(check({ ...ORG, 行政处罚决定书文号: '新市监罚（2024）12号' }))
    const b = accepted(check({ ...ORG, 行政处罚决定书文号: '新市监罚〔2024〕12号' }))
    expect(a.payload.CF_WSH).toBe('新市监罚（2024）12号')
    expect(b.payload.CF_WSH).toBe('新市监罚〔2024〕12号')
    expect(a.contentHash).toBe(b.contentHash)
  })

  it('hashes equal content equally, whatever the column order and date form', () => {
    const a = accepted(check(ORG))
    const reordered = [...HEADERS].reverse()
    const b = accepted(check({ ...ORG, 处罚决定日期: '20240305', 处罚类别: '罚款,警告' }, { headers: reordered }))
    expect(b.contentHash).toBe(a.contentHash)
    const c = accepted(check({ ...ORG, '罚款金额（万元）': '0.3' }))
    expect(c.contentHash).not.toBe(a.contentHash)
  })

  it('hashes like contentHash of the payload, also with characters JSON escapes', () => {
    const record = accepted(check({ ...ORG, 违法事实: '引号"反斜杠\\换行\n制表\t', 备注: '\ud83d\ude00' }))
    expect(record.contentHash).toBe(recordContentHash(administrativePenalty, record.payload))
  })
})

describe('robustness', () => {
  it('never throws on arbitrary rows, and every outcome is well formed', () => {
    const v = validatorFor()
    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('', ' ', 'NULL', '*', '2024-02-30', '60', '壹仟元', COMPANY, REP_ID, '简易程序', '自然人', '警告', '长期', '2000元'),
    )
    fc.assert(
      fc.property(fc.array(value, { maxLength: HEADERS.length + 3 }), fc.integer({ min: 2, max: 1_000_000 }), (values, rowNumber) => {
        const outcome = v.validate({ rowNumber, values })
        if (outcome.ok) {
          expect(outcome.record.rowNumber).toBe(rowNumber)
          expect(outcome.record.contentHash).toMatch(/^[0-9a-f]{64}$/u)
        } else {
          expect(outcome.issues.length).toBeGreaterThan(0)
          for (const i of outcome.issues) {
            expect(i.row).toBe(rowNumber)
            expect(i.severity).toBe('error')
            expect(collectionErrorCodes as readonly string[]).toContain(i.code)
          }
        }
      }),
      { numRuns: 500 },
    )
  })

  it('never throws on mutations of a valid row', () => {
    const v = validatorFor()
    const base = HEADERS.map((h) => ORG[h] ?? '')
    fc.assert(
      fc.property(fc.integer({ min: 0, max: HEADERS.length - 1 }), fc.string({ unit: 'grapheme' }), (at, replacement) => {
        const values = [...base]
        values[at] = replacement
        const outcome = v.validate({ rowNumber: 2, values })
        expect(typeof outcome.ok).toBe('boolean')
      }),
      { numRuns: 500 },
    )
  })

  it('never throws on arbitrary headers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom(...HEADERS, '处罚类别1', '处罚类别2', '罚款金额')), { maxLength: 40 }), fc.array(fc.string(), { maxLength: 40 }), (headers, values) => {
        const v = createRowValidator({ definition: administrativePenalty, codeTables, headers, today: TODAY })
        expect(typeof v.validate({ rowNumber: 2, values }).ok).toBe('boolean')
      }),
      { numRuns: 200 },
    )
  })

  it('reads non-string cells from JSON bodies as text', () => {
    const v = validatorFor()
    const values: unknown[] = HEADERS.map((h) => ORG[h] ?? null)
    values[HEADERS.indexOf('罚款金额（万元）')] = 0.2
    const outcome = v.validate({ rowNumber: 2, values: values as string[] })
    expect(accepted(outcome).payload.CF_NR_FK).toBe('0.2')
  })

  it('refuses an unusable today and a missing code table at creation', () => {
    expect(() => createRowValidator({ definition: administrativePenalty, codeTables, headers: HEADERS, today: '2025-02-30' })).toThrow(/today/u)
    expect(() => createRowValidator({ definition: administrativePenalty, codeTables: [], headers: HEADERS, today: TODAY })).toThrow(/code table/u)
  })
})

// ——— fixtures for other items ———

const RATING_HEADERS = ['企业名称', '统一社会信用代码', '评价年度', '环境信用等级', '评价机关', '评价结果发布日期', '有效期至']
const RATING: Cells = {
  企业名称: '新乡市华丰商贸有限公司',
  统一社会信用代码: COMPANY,
  评价年度: '2024',
  环境信用等级: '绿牌',
  评价机关: '新乡市生态环境局',
  评价结果发布日期: '2024-12-01',
  有效期至: '2025-12-31',
}


/** A natural person on the court defaulters' list, headers by field key. */
const COURT: Cells = {
  SUBJECT_NAME: '王五',
  SUBJECT_CATEGORY: '自然人',
  ID_TYPE: '身份证',
  ID_NUMBER: PERSON_ID,
  CASE_NUMBER: '（2024）豫0702执123号',
  COURT_NAME: '新乡市红旗区人民法院',
  FILING_DATE: '2024-01-10',
  BASIS_DOC_NUMBER: '（2023）豫0702民初456号',
  BASIS_ISSUER: '新乡市红旗区人民法院',
  DUTY: '支付货款10000元',
  PERFORMANCE: '全部未履行',
  DEFAULT_SITUATION: '违反财产报告制度',
  PUBLISH_DATE: '2024-03-01',
}
