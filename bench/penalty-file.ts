/**
 * A realistic 行政处罚 CSV in the national 双公示 columns, for benchmarks and tests: penalties by the
 * demo city's departments against demo subjects, with the mess real exports have (mixed date forms,
 * full-width brackets, thousands separators) and a share of bad rows of the kinds clerks send.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { cityDepartments } from '../src/demo/city-departments.ts'
import { DemoSubjectFactory } from '../src/demo/subject-generator.ts'
import { Rng } from '../src/demo/prng.ts'
import { makeResidentId } from '../src/identifiers/index.ts'

export const penaltyHeaders = [
  'CF_XDR_MC', 'CF_XDR_LB', 'CF_XDR_SHXYM', 'CF_FRDB', 'CF_FR_ZJLX', 'CF_FR_ZJHM', 'CF_XDR_ZJLX', 'CF_XDR_ZJHM',
  'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_NR_FK', 'CF_JDRQ', 'CF_YXQ', 'CF_GSJZQ',
  'CF_CFJG', 'CF_CFJGDM', 'CF_ZT', 'CF_SJLY', 'CF_SJLYDM', 'BZ',
]

const violations = [
  ['销售不符合食品安全标准的食品', '《中华人民共和国食品安全法》第一百二十四条'],
  ['未按规定公示年度报告', '《企业信息公示暂行条例》第十七条'],
  ['超标排放大气污染物', '《中华人民共和国大气污染防治法》第九十九条'],
  ['未依法取得施工许可证擅自施工', '《建筑工程施工许可管理办法》第十二条'],
  ['安全生产责任制落实不到位', '《中华人民共和国安全生产法》第九十四条'],
  ['虚假宣传', '《中华人民共和国反不正当竞争法》第二十条'],
]
const providers = cityDepartments.filter((d) => ['SCJG', 'STHJ', 'ZJJ', 'YJGL', 'JTYS'].includes(d.code))
const prefix: Record<string, string> = { SCJG: '新市监罚', STHJ: '新环罚', ZJJ: '新建罚', YJGL: '新应急罚', JTYS: '新交罚' }

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

const pad = (n: number) => String(n).padStart(2, '0')

function dateForms(rng: Rng, y: number, m: number, d: number): string {
  switch (rng.int(0, 9)) {
    case 0:
      return `${y}/${m}/${d}`
    case 1:
      return `${y}${pad(m)}${pad(d)}`
    case 2:
      return `${y}年${m}月${d}日`
    default:
      return `${y}-${pad(m)}-${pad(d)}`
  }
}

export interface PenaltyRowOptions {
  seed: number
  /** Share of rows made bad on purpose (0.05 = 5 %). */
  badRate: number
  /** Demo subject seed and how many demo subjects exist, so most penalties hit known subjects. */
  subjectSeed: number
  subjects: number
}

/** Row i of the file (0-based), deterministic. Returns the values and, for bad rows, what is wrong. */
export function penaltyRow(i: number, o: PenaltyRowOptions, factory: DemoSubjectFactory): { values: string[]; bad: string | null } {
  const rng = new Rng(o.seed * 1_000_003 + i)
  let subject = factory.at(rng.int(0, o.subjects - 1))
  for (let tries = 0; !subject.uscc && tries < 10; tries++) subject = factory.at(rng.int(0, o.subjects - 1))
  const provider = providers[i % providers.length]!
  const [wfxw, yj] = violations[rng.int(0, violations.length - 1)]!
  const y = 2022 + rng.int(0, 3)
  const m = rng.int(1, 12)
  const d = rng.int(1, 28)
  const fineYuan = [2000, 5000, 10000, 30000, 50000, 120000][rng.int(0, 5)]!
  const fine = String(fineYuan / 10000)
  const wsh = rng.chance(0.3) ? `${prefix[provider.code]}〔${y}〕${i + 1}号` : `${prefix[provider.code]}(${y})${i + 1}号`
  const legalRep = subject.legalRepresentative ?? '张伟'
  const repId = makeResidentId({ area: subject.division, birthDate: `19${60 + (i % 40)}0${1 + (i % 9)}1${i % 10}`, sequence: (i % 999) + 1 })
  const values = [
    subject.name,
    subject.kind === 'individual_business' ? '个体工商户' : '法人及非法人组织',
    subject.uscc!,
    legalRep,
    '01',
    repId,
    '',
    '',
    wsh,
    wfxw!,
    `经查，当事人${wfxw}，违反了${yj}的规定。`,
    yj!,
    '罚款',
    `罚款人民币${fineYuan.toLocaleString('en-US')}元`,
    rng.chance(0.1) ? Number(fine).toLocaleString('en-US', { maximumFractionDigits: 6 }) : fine,
    dateForms(rng, y, m, d),
    `${y + 1}-${pad(m)}-${pad(d)}`,
    `${y + 1}-${pad(m)}-${pad(d)}`,
    provider.name,
    provider.uscc,
    '有效',
    provider.name,
    provider.uscc,
    rng.chance(0.05) ? 'NULL' : '',
  ]
  let bad: string | null = null
  if (rng.next() < o.badRate) {
    switch (rng.int(0, 5)) {
      case 0:
        values[15] = `${y}-02-30`
        bad = 'impossible date'
        break
      case 1:
        values[2] = `${subject.uscc!.slice(0, 8)}*****${subject.uscc!.slice(13)}`
        bad = 'masked USCC'
        break
      case 2:
        values[2] = subject.uscc!.slice(0, 17) + (subject.uscc!.endsWith('0') ? '1' : '0')
        bad = 'bad check character'
        break
      case 3:
        values[8] = ''
        bad = 'missing decision number'
        break
      case 4:
        values[14] = '壹万元'
        bad = 'fine in Chinese numerals'
        break
      default:
        values[17] = `${y - 1}-${pad(m)}-${pad(d)}`
        bad = 'publicity ends before the decision'
    }
  }
  return { values, bad }
}

/** Writes the file (UTF-8, optionally with a BOM) and returns how many rows are bad on purpose. */
export async function writePenaltyCsv(path: string, rows: number, o: PenaltyRowOptions & { bom?: boolean }): Promise<{ rows: number; bad: number; bytes: number }> {
  const out = createWriteStream(path)
  const factory = new DemoSubjectFactory(o.subjectSeed)
  let bad = 0
  let bytes = 0
  let buffer = (o.bom ? '\ufeff' : '') + penaltyHeaders.join(',') + '\r\n'
  for (let i = 0; i < rows; i++) {
    const row = penaltyRow(i, o, factory)
    if (row.bad) bad++
    buffer += row.values.map(csvField).join(',') + '\r\n'
    if (buffer.length > 1 << 20) {
      bytes += Buffer.byteLength(buffer)
      if (!out.write(buffer)) await once(out, 'drain')
      buffer = ''
    }
  }
  bytes += Buffer.byteLength(buffer)
  out.end(buffer)
  await once(out, 'finish')
  return { rows, bad, bytes }
}
