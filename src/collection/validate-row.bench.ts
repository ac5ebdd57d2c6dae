/**
 * Row validation throughput: createRowValidator(XZCF).validate over pre-generated, realistic
 * 25-column penalty rows on one core. Generation is not timed.
 *
 * Mix (deterministic, seeded): 65 % organisations, 20 % individual businesses, 10 % natural persons
 * (ordinary procedure, or fines above 200 yuan), 5 % rows with one broken value (a bad check
 * character, an impossible date, an unknown category, 壹仟元). Dates in the forms departments send
 * (2024-03-05, 2024/3/5, 20240305, 2024年3月5日, Excel serials), 1–3 penalty categories, Chinese
 * texts of realistic length (violation facts ~120 characters).
 *
 * Run: node bin/run-ts.js src/collection/validate-row.bench.ts [rows]
 */
import { pathToFileURL } from 'node:url'
import { administrativePenalty, codeTables } from '../catalog/base-catalog/index.ts'
import { makeResidentId, makeUscc, USCC_CHARSET } from '../identifiers/index.ts'
import type { SourceRow } from './collection.ts'
import { canonicalJson, hashCanonicalText } from './content-hash.ts'
import { createRowValidator } from './validate-row.ts'
import { mulberry32 } from '../demo/prng.ts'

export const BENCH_HEADERS = [
  '行政相对人名称',
  '行政相对人类别',
  '统一社会信用代码',
  '工商注册号',
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
  '处罚内容',
  '罚款金额（万元）',
  '处罚决定日期',
  '处罚有效期',
  '公示截止期',
  '处罚机关',
  '处罚机关统一社会信用代码',
  '数据来源单位',
  '数据来源单位统一社会信用代码',
  '备注',
]

const prng = mulberry32

const AREAS = ['410702', '410703', '410704', '410711', '410721', '410724', '410725', '410726', '410727', '410781', '410782', '410783']
const BODY = USCC_CHARSET.replace(/[IOSVZ]/gu, '')
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚'
const VIOLATIONS = ['销售过期食品', '未取得食品经营许可从事食品经营', '超范围经营', '虚假宣传', '未按规定公示年度报告', '违规排放大气污染物', '未按规定设置安全警示标志', '无证驾驶营运车辆']
const BASES = ['《中华人民共和国食品安全法》第一百二十四条第一款', '《中华人民共和国反不正当竞争法》第二十条', '《中华人民共和国大气污染防治法》第九十九条', '《中华人民共和国安全生产法》第九十九条', '《中华人民共和国道路运输条例》第六十三条']
const CATEGORIES = ['警告', '罚款', '警告;罚款', '罚款,没收违法所得', '010103', '罚款、没收违法所得、没收非法财物', '责令停产停业|罚款']
const AUTHORITIES = [
  ['新乡市市场监督管理局', '00534011'],
  ['新乡市生态环境局', '00534022'],
  ['新乡市交通运输局', '00534033'],
  ['新乡市应急管理局', '00534044'],
] as const

export function generatePenaltyRows(count: number, seed = 20250601): SourceRow[] {
  const rnd = prng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const body = () => {
    let b = rnd() < 0.6 ? 'MA' : ''
    while (b.length < 8) b += BODY.charAt(Math.floor(rnd() * BODY.length))
    return b
  }
  const person = () => pick([...SURNAMES]) + pick([...GIVEN]) + (rnd() < 0.6 ? pick([...GIVEN]) : '')
  const idNumber = () =>
    makeResidentId({ area: pick(AREAS), birthDate: `${int(1950, 2000)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}`, sequence: int(0, 999) })
  const authorities = AUTHORITIES.map(([name, b]) => [name, makeUscc({ authority: '1', category: '1', division: '410700', orgCodeBody8: b })] as const)
  const dateText = (y: number, m: number, d: number): string => {
    const r = rnd()
    const mm = String(m).padStart(2, '0')
    const dd = String(d).padStart(2, '0')
    if (r < 0.5) return `${y}-${mm}-${dd}`
    if (r < 0.7) return `${y}/${m}/${d}`
    if (r < 0.8) return `${y}${mm}${dd}`
    if (r < 0.9) return `${y}年${m}月${d}日`
    return String(Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000))
  }
  const rows: SourceRow[] = new Array(count)
  for (let i = 0; i < count; i++) {
    const r = rnd()
    const [authorityName, authorityUscc] = pick(authorities)
    const y = int(2021, 2025)
    const m = int(1, 12)
    const d = int(1, 28)
    const fineYuan = pick([200, 500, 1000, 2000, 3000, 5000, 10000, 20000, 50000, 100000, 300000])
    const facts = `经查，当事人于${y}年${m}月在其经营场所${pick(VIOLATIONS)}，货值金额${int(100, 90000)}元，违法所得${int(0, 5000)}元。上述事实有现场检查笔录、询问笔录、进货单据、照片等证据为证，事实清楚，证据确凿，足以认定。`
    const categories = pick(CATEGORIES)
    const values = new Array<string>(25).fill('')
    let kind: 'org' | 'ib' | 'np'
    if (r < 0.65) kind = 'org'
    else if (r < 0.85) kind = 'ib'
    else kind = 'np'
    if (kind === 'np') {
      values[0] = person()
      values[1] = '自然人'
      values[8] = pick(['身份证', '01', '居民身份证'])
      values[9] = idNumber()
    } else {
      const uscc = makeUscc({ authority: '9', category: kind === 'ib' ? '2' : '1', division: pick(AREAS), orgCodeBody8: body() })
      values[0] = kind === 'ib' ? `新乡市红旗区${person()}便利店` : `新乡市${pick(['华', '豫', '新', '牧', '卫'])}${pick(['丰', '源', '达', '盛', '通'])}商贸有限公司`
      values[1] = kind === 'ib' ? '个体工商户' : pick(['法人及非法人组织', '法人', '02'])
      values[2] = uscc
      values[3] = rnd() < 0.3 ? '410702000123456' : ''
      values[5] = person()
      values[6] = '身份证'
      values[7] = idNumber()
    }
    values[10] = `新${pick(['市监', '环', '交运', '应急'])}罚${pick(['〔', '(', '（'])}${y}${pick(['〕', ')', '）'])}${int(1, 999)}号`
    values[11] = pick(VIOLATIONS)
    values[12] = facts
    values[13] = pick(BASES)
    values[14] = kind === 'np' && (categories === '警告' || categories === '罚款' || categories === '警告;罚款') ? '警告;罚款' : categories
    const fineWan = kind === 'np' ? Math.max(fineYuan, 500) / 10000 : fineYuan / 10000
    values[15] = `罚款人民币${kind === 'np' ? Math.max(fineYuan, 500) : fineYuan}元`
    values[16] = /罚款|010103/u.test(values[14] as string) ? String(fineWan) : ''
    values[17] = dateText(y, m, d)
    values[18] = pick(['2099-12-31', '长期', dateText(y + 1, m, d)])
    values[19] = dateText(y + pick([1, 3]), m, d)
    values[20] = authorityName
    values[21] = authorityUscc
    values[22] = authorityName
    values[23] = authorityUscc
    values[24] = rnd() < 0.2 ? '已履行' : ''
    if (rnd() < 0.05) {
      // One broken value.
      const b = rnd()
      if (b < 0.25 && kind !== 'np') values[2] = `${(values[2] as string).slice(0, 17)}${(values[2] as string).endsWith('0') ? '1' : '0'}`
      else if (b < 0.5) values[17] = `${y}-02-30`
      else if (b < 0.75) values[14] = '罚金'
      else values[16] = '壹仟元'
    }
    // Readers hand over flat strings (sliced from the decoded file), not the ropes concatenation builds.
    rows[i] = { rowNumber: i + 2, values: values.map((v) => Buffer.from(v).toString()) }
  }
  return rows
}

export interface RowBenchResult {
  rows: number
  accepted: number
  seconds: number
  rowsPerSecond: number
  microsecondsPerRow: number
  /** CPU time (user + system, all threads) per row: steadier than wall time on a busy machine. */
  cpuMicrosecondsPerRow: number
  /** What SHA-256 over the canonical payload alone costs per accepted record (measured apart). */
  hashMicroseconds: number
}

export function benchRowValidation(count = 200_000): RowBenchResult {
  const rows = generatePenaltyRows(count)
  const validator = createRowValidator({ definition: administrativePenalty, codeTables, headers: BENCH_HEADERS, today: '2025-06-01' })
  // Warm up on a slice so the figure is the steady state the worker reaches.
  for (let i = 0; i < Math.min(20_000, count); i++) validator.validate(rows[i] as SourceRow)
  let accepted = 0
  const cpuStart = process.cpuUsage()
  const start = process.hrtime.bigint()
  for (let i = 0; i < count; i++) if (validator.validate(rows[i] as SourceRow).ok) accepted++
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const cpu = process.cpuUsage(cpuStart)
  const cpuMicrosecondsPerRow = (cpu.user + cpu.system) / count

  const texts: string[] = []
  for (let i = 0; i < Math.min(50_000, count); i++) {
    const outcome = validator.validate(rows[i] as SourceRow)
    if (outcome.ok) texts.push(Buffer.from(canonicalJson(outcome.record.payload)).toString()) // flat, as hashed
  }
  for (const t of texts.slice(0, 5000)) hashCanonicalText(t)
  const hashStart = process.hrtime.bigint()
  for (const t of texts) hashCanonicalText(t)
  const hashMicroseconds = Number(process.hrtime.bigint() - hashStart) / 1e3 / Math.max(1, texts.length)
  return { rows: count, accepted, seconds, rowsPerSecond: count / seconds, microsecondsPerRow: (seconds * 1e6) / count, cpuMicrosecondsPerRow, hashMicroseconds }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(process.argv[2] ?? 200_000)
  const r = benchRowValidation(count)
  const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  console.log(
    `validate(): ${fmt(r.rows)} penalty rows (25 columns, ${fmt(r.accepted)} accepted) in ${fmt(r.seconds, 2)} s = ${fmt(r.rowsPerSecond)} rows/s, ${fmt(r.microsecondsPerRow, 2)} µs/row wall, ${fmt(r.cpuMicrosecondsPerRow, 2)} µs/row CPU (one core; target ≤ 8 µs); SHA-256 of a canonical payload alone ≈ ${fmt(r.hashMicroseconds, 2)} µs`,
  )
}
