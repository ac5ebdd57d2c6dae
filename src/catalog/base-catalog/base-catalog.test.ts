import { describe, expect, it } from 'vitest'
import type { CatalogField, CatalogItemDefinition } from '../catalog.ts'
import { parseCatalogItems, parseCodeTables } from '../catalog.schema.ts'
import { resolveCode } from '../header-index.ts'
import { baseCatalog, codeTables, findBaseItem, findCodeTable } from './index.ts'

/** The demo city's departments (新乡市). */
const departments = [
  'FGW', 'SCJG', 'SW', 'STHJ', 'RSJ', 'ZJJ', 'ZYFY', 'JTYS', 'YJGL', 'NYNC', 'GGZY',
  'CZJ', 'SFJ', 'GAJ', 'WJW', 'JYJ', 'ZRZY', 'MZJ', 'WGLJ', 'SLJ', 'GXJ', 'RMYH',
]

const item = (code: string): CatalogItemDefinition => {
  const found = findBaseItem(code)
  if (!found) throw new Error(`no item ${code}`)
  return found
}
const field = (code: string, key: string): CatalogField => {
  const found = item(code).fields.find((f) => f.key === key)
  if (!found) throw new Error(`no field ${code}.${key}`)
  return found
}
const tableKeys = codeTables.map((t) => t.key)

describe('base catalog', () => {
  it('holds the 13 items a city collects, each code once', () => {
    const codes = baseCatalog.map((i) => i.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toEqual(
      expect.arrayContaining(['XZXK', 'XZCF', 'YZSXZT', 'SXBZXR', 'JYYCML', 'ZDSSWF', 'NSXYAJ', 'TQNMGGZ', 'HBXYPJ', 'SHTZXY', 'XYCN', 'BZRY', 'CCJCJG']),
    )
    expect(codes).toHaveLength(13)
  })

  it('passes the import schema as a whole, with the known code tables and departments', () => {
    const result = parseCatalogItems(baseCatalog, tableKeys, { knownDepartments: departments })
    expect(result.ok ? [] : result.issues).toEqual([])
  })

  it('has code tables that pass their own schema', () => {
    const result = parseCodeTables(codeTables)
    expect(result.ok ? [] : result.issues).toEqual([])
  })

  describe.each(baseCatalog.map((i) => [i.code, i] as const))('%s', (_, def) => {
    it('passes catalogItemSchema alone', () => {
      const result = parseCatalogItems(def, tableKeys, { knownDepartments: departments })
      expect(result.ok ? [] : result.issues).toEqual([])
    })

    it('names existing, required fields in its business key', () => {
      const keys = new Set(def.fields.map((f) => f.key))
      expect(def.businessKey.length).toBeGreaterThan(0)
      for (const k of def.businessKey) {
        expect(keys.has(k), k).toBe(true)
        expect(def.fields.find((f) => f.key === k)?.requirement, k).toBe('required')
      }
    })

    it('refers only to code tables that exist', () => {
      for (const f of def.fields.filter((f) => f.codeTable !== undefined)) {
        expect(tableKeys, `${f.key} → ${f.codeTable}`).toContain(f.codeTable)
        expect(['code', 'codes']).toContain(f.type)
      }
    })

    it('has providers from the city departments', () => {
      expect(def.providers.length).toBeGreaterThan(0)
      for (const p of def.providers) expect(departments).toContain(p)
    })

    it('links subjects through roles, and marks ID numbers personal', () => {
      const roles = def.fields.flatMap((f) => (f.role ? [f.role] : []))
      expect(roles).toContain('subject_name')
      expect(new Set(roles).size).toBe(roles.length)
      for (const f of def.fields.filter((f) => f.type === 'id_number')) expect(f.personal, f.key).toBe(true)
      if (def.subjectKinds.includes('natural_person')) expect(roles).toContain('subject_id_number')
    })

    it('gives every field a Chinese header and upper snake key', () => {
      for (const f of def.fields) {
        expect(f.key).toMatch(/^[A-Z][A-Z0-9_]*$/)
        expect(f.name).toMatch(/[\u4e00-\u9fff]/u)
        expect(f.nameEn.length).toBeGreaterThan(0)
      }
      expect(def.legalBasis).toMatch(/[《〔]/u)
    })
  })

  describe('行政处罚 XZCF', () => {
    const def = item('XZCF')

    it('is the public 双公示 penalty item, keyed by decision number and authority', () => {
      expect(def).toMatchObject({
        doublePublicity: 'penalty',
        displayGroup: 'penalty',
        sharingLevel: 'public',
        naturalPersonSharingLevel: 'government',
        nature: 'negative',
        businessKey: ['CF_WSH', 'CF_CFJGDM'],
        publicityRule: { kind: 'tiered', start: 'publication_date', ceilingYears: 5 },
      })
    })

    it('keeps fines in 万元 and categories multi-valued', () => {
      expect(field('XZCF', 'CF_NR_FK')).toMatchObject({ type: 'decimal', unit: '万元', role: 'fine_amount', requiredWhen: { field: 'CF_CFLB', anyOf: ['010103'] } })
      expect(field('XZCF', 'CF_CFLB')).toMatchObject({ type: 'codes', codeTable: 'penalty_category', role: 'penalty_category' })
    })

    it('lists every penalising department', () => {
      expect(def.providers).toEqual(expect.arrayContaining(['SCJG', 'SW', 'STHJ', 'RSJ', 'ZJJ', 'JTYS', 'YJGL', 'GAJ', 'WJW']))
      expect(def.providers).not.toContain('ZYFY')
    })

    it.each([
      ['CF_XDR_MC', 'required'],
      ['CF_XDR_SHXYM', 'required_for_organisation'],
      ['CF_FRDB', 'required_for_organisation'],
      ['CF_FR_ZJHM', 'required_for_organisation'],
      ['CF_XDR_ZJLX', 'required_for_person'],
      ['CF_XDR_ZJHM', 'required_for_person'],
      ['CF_WSH', 'required'],
      ['CF_CFJGDM', 'required'],
      ['CF_XDR_GSZC', 'optional'],
      ['CF_NR_WFFF', 'optional'],
    ])('requires %s as %s', (key, requirement) => {
      expect(field('XZCF', key).requirement).toBe(requirement)
    })
  })

  describe('行政许可 XZXK', () => {
    it('is the public 双公示 licensing item shown while valid', () => {
      expect(item('XZXK')).toMatchObject({
        doublePublicity: 'licensing',
        displayGroup: 'licensing',
        sharingLevel: 'public',
        businessKey: ['XK_WSH', 'XK_XKJGDM'],
        publicityRule: { kind: 'until_valid_to' },
      })
      expect(field('XZXK', 'XK_XKLB').codeTable).toBe('licence_category')
      expect(field('XZXK', 'XK_YXQZI').role).toBe('valid_to')
    })
  })

  it.each([
    ['YZSXZT', 'black', 'punishment'],
    ['SXBZXR', 'black', 'punishment'],
    ['ZDSSWF', 'black', 'punishment'],
    ['TQNMGGZ', 'black', 'punishment'],
    ['JYYCML', 'focus', 'focus'],
    ['NSXYAJ', 'red', 'incentive'],
    ['SHTZXY', 'red', 'incentive'],
  ])('puts %s on the %s list under %s', (code, listKind, group) => {
    expect(item(code)).toMatchObject({ listKind, displayGroup: group })
  })

  it('publishes court defaulters, natural persons included, with personal fields marked', () => {
    const def = item('SXBZXR')
    expect(def.providers).toEqual(['ZYFY'])
    expect(def.sharingLevel).toBe('public')
    expect(def.naturalPersonSharingLevel).toBeUndefined()
    expect(def.subjectKinds).toContain('natural_person')
    expect(def.legalBasis).toContain('法释〔2017〕7号')
    for (const name of ['案号', '执行法院', '立案时间', '生效法律文书确定的义务', '被执行人的履行情况', '失信被执行人具体情形', '发布时间']) {
      expect(def.fields.map((f) => f.name)).toContain(name)
    }
    expect(field('SXBZXR', 'ID_NUMBER').personal).toBe(true)
    expect(field('SXBZXR', 'DEFAULT_SITUATION').type).toBe('codes')
  })

  it('publishes major tax violations for 3 years from the publication date, per 税务总局令第54号', () => {
    const def = item('ZDSSWF')
    expect(def.publicityRule).toEqual({ kind: 'fixed', start: 'publication_date', months: 36 })
    expect(def.providers).toEqual(['SW'])
    expect(field('ZDSSWF', 'PUBLISH_DATE').role).toBe('publication_date')
    for (const key of ['LEGAL_REP_GENDER', 'LEGAL_REP_ID_NUMBER', 'FINANCE_HEAD_ID_NUMBER']) expect(field('ZDSSWF', key).personal, key).toBe(true)
    for (const name of ['纳税人名称', '注册地址', '案件性质', '主要违法事实', '相关法律依据及税务处理处罚情况', '检查机关', '公布日期']) {
      expect(def.fields.map((f) => f.name)).toContain(name)
    }
  })

  it('keys the A-grade list by taxpayer and year and accepts grade A only', () => {
    expect(item('NSXYAJ').businessKey).toEqual(['TAXPAYER_ID', 'EVALUATION_YEAR'])
    expect(item('NSXYAJ').publicityRule.kind).toBe('long_term')
    expect(new RegExp(field('NSXYAJ', 'GRADE').pattern ?? '').test('B')).toBe(false)
  })

  it('records commitments with their type and fulfilment, public', () => {
    expect(item('XYCN').sharingLevel).toBe('public')
    expect(field('XYCN', 'COMMITMENT_TYPE').codeTable).toBe('commitment_type')
    expect(field('XYCN', 'FULFILMENT').role).toBe('status')
  })
})

describe('code tables', () => {
  const table = (key: string) => {
    const t = findCodeTable(key)
    if (!t) throw new Error(`no table ${key}`)
    return t
  }

  it.each([
    ['自然人', '01'],
    ['01', '01'],
    ['法人及非法人组织', '02'],
    ['02', '02'],
    ['03', '02'],
    ['非法人组织', '02'],
    ['个体工商户', '04'],
    ['04', '04'],
  ])('maps counterparty category %s to %s', (value, code) => {
    expect(resolveCode(table('counterparty_category'), value)).toBe(code)
  })

  it.each([
    ['警告', '010101'],
    ['罚款', '010103'],
    ['010108', '010108'],
    ['吊销营业执照', '010108'],
    ['责令停产停业', '010110'],
    ['行政拘留', '010113'],
  ])('maps penalty category %s to %s', (value, code) => {
    expect(resolveCode(table('penalty_category'), value)).toBe(code)
  })

  it('numbers the twelve Art. 9 categories 010101–010112 in statutory order', () => {
    const codes = table('penalty_category').entries.map((e) => e.code)
    expect(codes.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => `0101${String(i + 1).padStart(2, '0')}`))
  })

  it.each([
    ['绿牌', '01'],
    ['环保良好企业', '02'],
    ['黄牌', '03'],
    ['红牌', '04'],
    ['黑牌', '05'],
  ])('reads environmental grade %s as %s', (value, code) => {
    expect(resolveCode(table('environmental_credit_grade'), value)).toBe(code)
  })

  it('has the four commitment types and 有效/无效/撤销', () => {
    expect(table('commitment_type').entries.map((e) => e.label)).toEqual(['审批替代型', '主动型', '行业自律型', '信用修复型'])
    expect(table('record_status').entries.map((e) => e.label)).toEqual(['有效', '无效', '撤销'])
    expect(table('list_action').entries.map((e) => e.label)).toEqual(['列入', '移出'])
  })
})
