import { describe, expect, it } from 'vitest'
import { administrativeLicensing, administrativePenalty, baseCatalog, courtDefaulters } from './base-catalog/index.ts'
import { buildHeaderIndex, normalizeHeader, resolveHeaders, splitCodes } from './header-index.ts'

describe('normalizeHeader', () => {
  it.each([
    ['trims and upper-cases codes', '  cf_xdr_mc ', 'CF_XDR_MC'],
    ['drops a BOM', '\uFEFF行政相对人名称', '行政相对人名称'],
    ['folds full-width letters and digits', 'ＣＦ＿ＷＳＨ１', 'CF_WSH1'],
    ['unifies full-width brackets', '罚款金额（万元）', '罚款金额(万元)'],
    ['keeps half-width brackets', '罚款金额(万元)', '罚款金额(万元)'],
    ['unifies square brackets', '【备注】', '[备注]'],
    ['unifies tortoise-shell brackets', '〔2024〕', '[2024]'],
    ['removes inner spaces and ideographic spaces', '处罚 决定\u3000日期', '处罚决定日期'],
    ['drops the template required marker', '*行政相对人名称', '行政相对人名称'],
    ['drops a full-width required marker', '＊处罚类别', '处罚类别'],
    ['drops zero-width spaces', '备\u200b注', '备注'],
    ['leaves an empty header empty', '   ', ''],
  ])('%s', (_, input, expected) => {
    expect(normalizeHeader(input)).toBe(expected)
  })
})

describe('buildHeaderIndex', () => {
  it('answers to key, name and aliases', () => {
    const index = buildHeaderIndex(administrativePenalty)
    expect(index.get('CF_WSH')).toBe('CF_WSH')
    expect(index.get(normalizeHeader('行政处罚决定书文号'))).toBe('CF_WSH')
    expect(index.get(normalizeHeader('决定文书号'))).toBe('CF_WSH')
    expect(index.get(normalizeHeader('罚款金额（万元）'))).toBe('CF_NR_FK')
  })

  it.each(baseCatalog.map((d) => [d.code, d] as const))('maps every header of %s to one field only', (_, def) => {
    const index = buildHeaderIndex(def)
    for (const f of def.fields) {
      for (const h of [f.key, f.name, ...f.aliases]) expect(index.get(normalizeHeader(h)), `${f.key}: ${h}`).toBe(f.key)
    }
  })
})

describe('resolveHeaders: 行政处罚 in both column generations', () => {
  const resolve = (headers: string[]) => resolveHeaders(administrativePenalty, headers)
  const mapped = (headers: string[]) => resolve(headers).columns.map((c) => c.fieldKey)

  it('resolves the 2019+ national codes', () => {
    const headers = [
      'CF_XDR_MC', 'CF_XDR_LB', 'CF_XDR_SHXYM', 'CF_FRDB', 'CF_FR_ZJLX', 'CF_FR_ZJHM', 'CF_XDR_ZJLX', 'CF_XDR_ZJHM',
      'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_NR_FK', 'CF_NR_WFFF', 'CF_NR_ZKDX',
      'CF_JDRQ', 'CF_YXQ', 'CF_GSJZQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM', 'BZ',
    ]
    const r = resolve(headers)
    expect(r.columns.map((c) => c.fieldKey)).toEqual(headers)
    expect(r).toMatchObject({ unknown: [], duplicates: [], missingRequired: [] })
  })

  it('resolves the ≈2016 codes onto the same fields, merging 处罚类别1/2', () => {
    const headers = [
      'CF_WSH', 'CF_CFMC', 'CF_CFLB1', 'CF_CFLB2', 'CF_SY', 'CF_YJ', 'CF_XDR_MC', 'CF_XDR_SHXYM', 'CF_XDR_ZDM',
      'CF_XDR_GSDJ', 'CF_XDR_SWDJ', 'CF_XDR_SFZ', 'CF_FR', 'CF_JG', 'CF_JDRQ', 'CF_XZJG', 'CF_ZT', 'DFBM', 'SJC', 'BZ',
    ]
    const r = resolve(headers)
    expect(r.columns.map((c) => c.fieldKey)).toEqual([
      'CF_WSH', 'CF_CFMC', 'CF_CFLB', 'CF_CFLB', 'CF_SY', 'CF_YJ', 'CF_XDR_MC', 'CF_XDR_SHXYM', 'CF_XDR_ZZJG',
      'CF_XDR_GSZC', 'CF_XDR_SWDJ', 'CF_XDR_ZJHM', 'CF_FRDB', 'CF_NR', 'CF_JDRQ', 'CF_CFJG', 'CF_ZT', 'DFBM', 'SJC', 'BZ',
    ])
    expect(r.unknown).toEqual([])
    expect(r.duplicates).toEqual([])
    expect(r.merged).toEqual([{ fieldKey: 'CF_CFLB', headers: ['CF_CFLB1', 'CF_CFLB2'] }])
    // The old generation lacks columns the national standard now requires.
    expect(r.missingRequired).toEqual(expect.arrayContaining(['CF_XDR_LB', 'CF_WFXW', 'CF_CFJGDM', 'CF_GSJZQ']))
  })

  it.each([
    ['行政相对人名称', 'CF_XDR_MC'],
    ['统一社会信用代码', 'CF_XDR_SHXYM'],
    ['行政相对人代码_1（统一社会信用代码）', 'CF_XDR_SHXYM'],
    ['处罚决定日期', 'CF_JDRQ'],
    ['处罚决定书文号', 'CF_WSH'],
    ['决定文书号', 'CF_WSH'],
    ['罚款金额（万元）', 'CF_NR_FK'],
    ['罚款金额(万元)', 'CF_NR_FK'],
    [' 罚款金额 （万元） ', 'CF_NR_FK'],
    ['没收违法所得、没收非法财物的金额（万元）', 'CF_NR_WFFF'],
    ['处罚类别', 'CF_CFLB'],
    ['法定代表人', 'CF_FRDB'],
    ['法定代表人证件号码', 'CF_FR_ZJHM'],
    ['身份证号码', 'CF_XDR_ZJHM'],
    ['处罚机关', 'CF_CFJG'],
    ['处罚机关统一社会信用代码', 'CF_CFJGDM'],
    ['cf_xdr_mc', 'CF_XDR_MC'],
    ['*行政相对人名称', 'CF_XDR_MC'],
  ])('resolves the clerk header %s', (header, key) => {
    expect(mapped([header])).toEqual([key])
  })

  it('reports unknown headers and skips blank ones', () => {
    const r = resolve(['CF_WSH', '联系电话', '', '  ', 'XYZ_123'])
    expect(r.unknown).toEqual(['联系电话', 'XYZ_123'])
    expect(r.columns.map((c) => c.fieldKey)).toEqual(['CF_WSH', null, null, null, null])
  })

  it('reports a single-valued field fed by two columns as a duplicate', () => {
    const r = resolve(['CF_WSH', '行政处罚决定书文号', 'CF_XDR_MC', '罚款金额（万元）', '罚款金额(万元)'])
    expect(r.duplicates).toEqual([
      { fieldKey: 'CF_WSH', headers: ['CF_WSH', '行政处罚决定书文号'] },
      { fieldKey: 'CF_NR_FK', headers: ['罚款金额（万元）', '罚款金额(万元)'] },
    ])
    expect(r.columns.map((c) => c.index)).toEqual([0, 1, 2, 3, 4])
  })

  it('lists missing required fields apart from conditional ones', () => {
    const r = resolve(['CF_XDR_MC'])
    expect(r.missingRequired).toContain('CF_WSH')
    expect(r.missingRequired).not.toContain('CF_XDR_SHXYM')
    expect(r.missingConditional).toEqual(expect.arrayContaining(['CF_XDR_SHXYM', 'CF_XDR_ZJHM', 'CF_NR_FK']))
    expect(r.missingConditional).not.toContain('BZ')
  })

  it('resolves the template header row completely', () => {
    const r = resolve(administrativePenalty.fields.map((f) => f.name))
    expect(r.columns.map((c) => c.fieldKey)).toEqual(administrativePenalty.fields.map((f) => f.key))
    expect(r).toMatchObject({ unknown: [], duplicates: [], merged: [], missingRequired: [], missingConditional: [] })
  })
})

describe('resolveHeaders: other items', () => {
  it('resolves licensing columns of both generations', () => {
    const r = resolveHeaders(administrativeLicensing, ['XK_WSH', 'XK_XMMC', 'XK_SPLB', 'XK_XDR', 'XK_XDR_SFZ', 'XK_FR', 'XK_JZQ', 'XK_XZJG', '许可决定日期'])
    expect(r.columns.map((c) => c.fieldKey)).toEqual(['XK_WSH', 'XK_XKWS', 'XK_XKLB', 'XK_XDR_MC', 'XK_XDR_ZJHM', 'XK_FRDB', 'XK_YXQZI', 'XK_XKJG', 'XK_JDRQ'])
  })

  it('resolves the courts’ export fields for defaulters', () => {
    const r = resolveHeaders(courtDefaulters, ['iname', 'caseCode', 'courtName', 'regDate', 'duty', 'performance', 'disruptTypeName', 'publishDate'])
    expect(r.columns.map((c) => c.fieldKey)).toEqual(['SUBJECT_NAME', 'CASE_NUMBER', 'COURT_NAME', 'FILING_DATE', 'DUTY', 'PERFORMANCE', 'DEFAULT_SITUATION', 'PUBLISH_DATE'])
  })
})

describe('splitCodes', () => {
  it.each([
    ['警告;罚款', ['警告', '罚款']],
    ['警告、罚款、没收违法所得', ['警告', '罚款', '没收违法所得']],
    ['010101,010103', ['010101', '010103']],
    ['警告；罚款 | 暂扣许可证件', ['警告', '罚款', '暂扣许可证件']],
    ['', []],
  ])('splits %s', (value, parts) => {
    expect(splitCodes(value)).toEqual(parts)
  })
})
