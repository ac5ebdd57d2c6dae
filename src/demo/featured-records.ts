/**
 * The featured subjects' records (see featured-cast.ts): 严重失信主体名单 entries with the
 * pre-notices their departments served, 失信被执行人, 经营异常名录, the red lists (纳税信用A级,
 * 守合同重信用), 表彰荣誉, 信用承诺, and the penalties and licence the open cases are about.
 * Dates are days before `today`, so the entries are in force (or removed) whatever day it is. Pure.
 */
import type { DemoCast } from './featured-cast.ts'
import { penaltyRow } from './record-generator.ts'
import { departmentTexts } from './record-texts.ts'
import { addDays, addMonths, addYears, counterpartyColumns, department, LONG_TERM, subjectColumns, yearOf, type DemoBatch, type DemoRow } from './demo-rows.ts'
import { Rng, seedToUint32 } from './prng.ts'
import type { DemoSubject } from './subject-generator.ts'

export interface DemoPreNotice {
  /** The subject's code (USCC or resident ID). */
  subject: string
  category: string
  department: string
  noticeNumber: string
  servedOn: string
  delivery: string
  basis: string
  reasons: string
  measures: string
  objectionUntil: string
}

export interface FeaturedRecords {
  batches: DemoBatch[]
  preNotices: DemoPreNotice[]
}

const codeOf = (s: DemoSubject) => s.uscc ?? s.residentId ?? ''

/** Serious-dishonesty lists by department: list name, reason, basis, measures told in the pre-notice. */
const seriousLists: Array<[dept: string, list: string, reason: string, basis: string]> = [
  ['SCJG', '市场监督管理严重违法失信名单', '提供虚假材料、隐瞒重要事实取得市场主体登记，被撤销登记', '《市场监督管理严重违法失信名单管理办法》第九条、第十条'],
  ['YJGL', '安全生产严重失信主体名单', '发生较大生产安全责任事故，对事故负有责任', '《安全生产严重失信主体名单管理办法》（应急管理部令第11号）第六条'],
  ['CZJ', '政府采购严重违法失信行为记录名单', '提供虚假材料谋取中标、成交', '《中华人民共和国政府采购法》第七十七条；《中华人民共和国政府采购法实施条例》第十九条'],
  ['ZJJ', '建筑市场主体严重失信名单', '利用虚假材料、以欺骗手段取得企业资质', '《建筑市场信用管理暂行办法》第十四条'],
  ['STHJ', '生态环境领域严重失信名单', '篡改、伪造自动监测数据逃避监管', '《中华人民共和国环境保护法》第六十三条；《企业环境信用评价办法》'],
  ['JTYS', '交通运输领域严重失信主体名单', '道路运输经营中发生重大安全责任事故', '《交通运输部关于进一步加强交通运输领域信用建设的指导意见》'],
]

const preNoticeText = { delivery: '直接送达', basis: '《河南省社会信用条例》第二十八条', measures: '依法限制参加政府采购、招标投标、财政资金支持等（《河南省社会信用条例》第三十四条）' }

function seriousEntry(s: DemoSubject, n: number, on: string, [dept, list, reason, basis]: (typeof seriousLists)[number], extra: DemoRow = {}): DemoRow {
  const d = department(dept)
  return {
    ...subjectColumns(s, { category: true, persons: true }),
    LEGAL_REP: s.legalRepresentative ?? '',
    LIST_NAME: list,
    LISTING_REASON: reason,
    LISTING_BASIS: basis,
    DECISION_NUMBER: `${departmentTexts[dept]!.prefix}严列〔${yearOf(on)}〕${n}号`,
    DECISION_DATE: on,
    AUTHORITY_NAME: d.name,
    AUTHORITY_USCC: d.uscc,
    VALID_TO: addDays(addYears(on, 3), -1),
    LIST_STATUS: '列入',
    SOURCE_UNIT: d.name,
    SOURCE_UNIT_USCC: d.uscc,
    ...extra,
  }
}

function defaulterRow(s: DemoSubject, n: number, published: string, extra: DemoRow = {}): DemoRow {
  const court = department('ZYFY')
  const person = s.kind === 'natural_person'
  const filed = addDays(published, -120)
  const idDigit = Number((s.residentId ?? '0000000000000000').charAt(16))
  return {
    SUBJECT_NAME: s.name,
    SUBJECT_CATEGORY: person ? '自然人' : '法人及非法人组织',
    USCC: person ? '' : (s.uscc ?? ''),
    ID_TYPE: person ? '身份证' : '',
    ID_NUMBER: person ? (s.residentId ?? '') : '',
    GENDER: person ? (idDigit % 2 === 1 ? '男' : '女') : '',
    LEGAL_REP: person ? '' : (s.legalRepresentative ?? ''),
    CASE_NUMBER: `（${yearOf(filed)}）豫07执${300 + n}号`,
    COURT_NAME: court.name,
    COURT_USCC: court.uscc,
    AREA_NAME: '河南',
    FILING_DATE: filed,
    BASIS_DOC_NUMBER: `（${Number(yearOf(filed)) - 1}）豫0702民初${1200 + n}号`,
    BASIS_ISSUER: '新乡市红旗区人民法院',
    DUTY: `支付货款人民币${(n + 3) * 37_000}元及逾期付款利息`,
    PERFORMANCE: '全部未履行',
    DEFAULT_SITUATION: '有履行能力而拒不履行生效法律文书确定义务',
    PUBLISH_DATE: published,
    VALID_TO: addDays(addYears(published, 2), -1),
    LIST_STATUS: '列入',
    ...extra,
  }
}

export function featuredRecords(seed: number | string, cast: DemoCast, today: string): FeaturedRecords {
  const rng = new Rng(`${String(seed)}:featured`)
  const seedNumber = seedToUint32(`${String(seed)}:records`)
  const batches = new Map<string, DemoBatch>()
  const add = (category: string, dept: string, row: DemoRow) => {
    const key = `${category}:${dept}`
    if (!batches.has(key)) batches.set(key, { category, department: dept, rows: [] })
    batches.get(key)!.rows.push(row)
  }
  const preNotices: DemoPreNotice[] = []
  const notice = (s: DemoSubject, dept: string, n: number, listedOn: string, reason: string) => {
    const servedOn = addDays(listedOn, -21)
    preNotices.push({ subject: codeOf(s), category: 'YZSXZT', department: dept, noticeNumber: `${departmentTexts[dept]!.prefix}信告〔${yearOf(servedOn)}〕${n}号`, servedOn, objectionUntil: addDays(servedOn, 10), reasons: reason, ...preNoticeText })
  }

  // 严重失信主体名单: in force (notice served three weeks before listing), awaiting notice, removed.
  cast.listed.forEach((s, i) => {
    const list = seriousLists[i % 4]!
    const on = addDays(today, -(40 + i * 75))
    add('YZSXZT', list[0], seriousEntry(s, i + 1, on, list))
    notice(s, list[0], i + 1, on, list[2])
  })
  cast.awaitingNotice.forEach((s, i) => add('YZSXZT', 'JTYS', seriousEntry(s, 20 + i, addDays(today, -3), seriousLists[5]!)))
  cast.delisted.forEach((s, i) => {
    const on = addDays(today, -730)
    add('YZSXZT', 'STHJ', seriousEntry(s, 30 + i, on, seriousLists[4]!, { LIST_STATUS: '移出', REMOVAL_DATE: addDays(today, -45), REMOVAL_REASON: '已纠正失信行为并完成信用修复，提前移出' }))
    notice(s, 'STHJ', 30 + i, on, seriousLists[4]![2])
  })

  // 失信被执行人 (the court): firms and people; the last person has paid and was deleted.
  const defaulters = [...cast.defaulterFirms, ...cast.defaulterPersons]
  defaulters.forEach((s, i) => {
    const published = addDays(today, -(25 + i * 90))
    const removed = i === defaulters.length - 1 && s.kind === 'natural_person'
    add('SXBZXR', 'ZYFY', defaulterRow(s, i + 1, published, removed ? { PERFORMANCE: '全部履行', LIST_STATUS: '移出', REMOVAL_DATE: addDays(today, -10), REMOVAL_REASON: '已履行完毕' } : {}))
  })

  // 经营异常名录: annual reports missing or unreachable; two of them put right and removed.
  const scjg = department('SCJG')
  cast.abnormal.forEach((s, i) => {
    const on = addDays(today, -(60 + i * 110))
    const removed = i % 3 === 2
    add('JYYCML', 'SCJG', {
      SUBJECT_NAME: s.name,
      USCC: s.uscc ?? '',
      LEGAL_REP: s.legalRepresentative ?? '',
      LISTING_REASON: i % 2 === 0 ? '未按照规定的期限公示年度报告' : '通过登记的住所或者经营场所无法联系',
      LISTING_DATE: on,
      LISTING_DECISION_NUMBER: `新市监异列〔${yearOf(on)}〕${100 + i}号`,
      LISTING_AUTHORITY: scjg.name,
      LISTING_AUTHORITY_USCC: scjg.uscc,
      ...(removed ? { REMOVAL_REASON: i % 2 === 0 ? '补报未报年份的年度报告并公示' : '通过登记的住所或者经营场所可以重新取得联系', REMOVAL_DATE: addDays(on, 50), REMOVAL_AUTHORITY: scjg.name, LIST_STATUS: '移出' } : { LIST_STATUS: '列入' }),
    })
  })

  // 纳税信用A级: the latest published year (in force) for all, the year before for some.
  const sw = department('SW')
  const latestYear = Number(yearOf(today)) - (today.slice(5) >= '04-20' ? 1 : 2)
  cast.taxA.forEach((s, i) => {
    for (const year of i % 2 === 0 ? [latestYear - 1, latestYear] : [latestYear]) {
      const published = `${year + 1}-04-20`
      add('NSXYAJ', 'SW', { TAXPAYER_NAME: s.name, TAXPAYER_ID: s.uscc ?? '', USCC: s.uscc ?? '', EVALUATION_YEAR: String(year), GRADE: 'A', TAX_AUTHORITY: sw.name, TAX_AUTHORITY_USCC: sw.uscc, PUBLISH_DATE: published, VALID_TO: `${year + 2}-04-19` })
    }
  })

  // 守合同重信用企业: published by the market regulator for two years.
  cast.contractKeeping.forEach((s, i) => {
    const on = addDays(today, -(100 + i * 60))
    const y = Number(yearOf(on))
    add('SHTZXY', 'SCJG', { SUBJECT_NAME: s.name, USCC: s.uscc ?? '', LEGAL_REP: s.legalRepresentative ?? '', LEVEL: i === 0 ? '省级' : '市级', PUBLICITY_PERIOD: `${y - 2}—${y - 1}年度`, DECISION_NUMBER: `新市监〔${y}〕${60 + i}号`, DECISION_DATE: on, AUTHORITY_NAME: scjg.name, AUTHORITY_USCC: scjg.uscc, VALID_FROM: on, VALID_TO: addDays(addYears(on, 2), -1), STATUS: '有效' })
  })

  // 表彰荣誉.
  const honours: Array<[dept: string, name: string, level: string, reason: string]> = [
    ['SCJG', '新乡市市长质量奖', '市级', '质量管理体系健全，产品质量持续稳定提升'],
    ['YJGL', '新乡市安全生产先进单位', '市级', '连续三年未发生生产安全事故'],
    ['SLJ', '河南省节水型企业', '省级', '单位产品取水量低于行业先进值'],
    ['RSJ', '新乡市劳动模范', '市级', '在本职岗位上做出突出贡献'],
  ]
  cast.honoured.forEach((s, i) => {
    const [dept, name, level, reason] = s.kind === 'natural_person' ? honours[3]! : honours[i % 3]!
    const d = department(dept)
    const on = addDays(today, -(200 + i * 95))
    add('BZRY', dept, { ...subjectColumns(s, { category: true, persons: true, legalRep: true }), HONOUR_NAME: name, HONOUR_LEVEL: level, HONOUR_REASON: reason, DECISION_NUMBER: `${departmentTexts[dept]?.prefix ?? '新'}表〔${yearOf(on)}〕${10 + i}号`, DECISION_DATE: on, AUTHORITY_NAME: d.name, AUTHORITY_USCC: d.uscc, STATUS: '有效' })
  })

  // 信用承诺: notify-and-commit approvals and voluntary commitments; the first is breached later.
  const commitments: Array<[dept: string, type: string, matter: string, content: string]> = [
    ['SCJG', '审批替代型', '食品经营许可', '承诺所报材料真实，三个月内补齐食品安全管理制度文本'],
    ['ZJJ', '审批替代型', '建筑工程施工许可', '承诺施工图审查合格后方开工，并在六个月内补交审查合格书'],
    ['GGZY', '主动型', '公共资源交易投标', '承诺投标文件真实，不串通投标，不以他人名义投标'],
    ['SW', '主动型', '纳税信用', '承诺依法按期申报纳税，如实开具发票'],
    ['STHJ', '行业自律型', '排污许可', '承诺按证排污，自行监测数据真实'],
    ['WJW', '审批替代型', '公共场所卫生许可', '承诺营业前完成卫生检测并公示结果'],
  ]
  cast.committed.forEach((s, i) => {
    const [dept, type, matter, content] = commitments[i % commitments.length]!
    const months = i === 0 ? 6 : 12
    const d = department(dept)
    const on = addDays(today, -(i === 0 ? 40 : 60 + i * 120))
    const term = addDays(addMonths(on, months), -1)
    add('XYCN', dept, { ...subjectColumns(s, { category: true, persons: true, legalRep: true }), COMMITMENT_NUMBER: `XYCN-${dept}-${yearOf(on)}-${String(i + 1).padStart(4, '0')}`, COMMITMENT_TYPE: type, COMMITMENT_MATTER: matter, COMMITMENT_CONTENT: content, COMMITMENT_DATE: on, COMMITMENT_TERM: term, ACCEPTING_UNIT: d.name, ACCEPTING_UNIT_USCC: d.uscc, FULFILMENT: term < today ? '已履约' : '履约中' })
  })

  // The penalties the open cases are about, and a licence reported revoked.
  const violation = departmentTexts['SCJG']!.violations[0]!
  const casePenalty = (s: DemoSubject, dept: string, daysAgo: number, serial: number) =>
    add('XZCF', dept, penaltyRow(s, seedNumber, dept, departmentTexts[dept]!.violations[0] ?? violation, addDays(today, -daysAgo), serial, 'general', rng))
  cast.objecting.forEach((s, i) => casePenalty(s, 'SCJG', 20 + i * 15, 900_001 + i))
  cast.repairing.forEach((s, i) => casePenalty(s, 'SCJG', 150, 900_011 + i))
  cast.withdrawn.forEach((s, i) => casePenalty(s, 'STHJ', 60, 900_021 + i))
  cast.revokedLicence.forEach((s, i) => {
    const on = addDays(today, -400)
    const kind = departmentTexts['SCJG']!.licences[0]!
    add('XZXK', 'SCJG', {
      ...counterpartyColumns('XK', s, seedNumber),
      XK_XKWS: kind.title,
      XK_WSH: `新市监许〔${yearOf(on)}〕${900_031 + i}号`,
      XK_XKLB: kind.category,
      XK_XKZS: kind.certificate,
      XK_XKBH: `${kind.numberPrefix}9${String(i).padStart(6, '0')}`,
      XK_NR: kind.content,
      XK_JDRQ: on,
      XK_YXQZ: on,
      XK_YXQZI: LONG_TERM,
      XK_XKJG: scjg.name,
      XK_XKJGDM: scjg.uscc,
      XK_ZT: '撤销',
      XK_LYDW: scjg.name,
      XK_LYDWDM: scjg.uscc,
      DFBM: s.division,
      BZ: '申请人以欺骗手段取得许可，依法撤销（《中华人民共和国行政许可法》第六十九条）',
    })
  })

  return { batches: [...batches.values()], preNotices }
}
