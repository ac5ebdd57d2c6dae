/**
 * Deterministic 双公示 records for generated subjects: 行政许可 (XZXK) and 行政处罚 (XZCF) rows
 * in the catalog's own columns, grouped by the department that decided them. Subject i's records
 * are a pure function of (seed, i, today): the same on every run on the same day, whatever other
 * subjects are generated with it. Dates fall in the four years before `today` (never before the
 * subject was established), so some licences and penalty windows have ended and others are in
 * force; penalties come in every tier (警告 minor, 罚款 general, 停产停业 / 吊销 serious).
 */
import { departmentTexts, licensingDepartments, penalisingDepartments, type LicenceKind, type Violation } from './record-texts.ts'
import { addDays, addMonths, addYears, counterpartyColumns, dayBetween, department, LONG_TERM, yearOf, yuanText, yuanToWan, type DemoBatch, type DemoRow } from './demo-rows.ts'
import { hashSeed, Rng, seedToUint32, WeightedTable } from './prng.ts'
import type { DemoSubject } from './subject-generator.ts'
import type { SubjectKind } from '../subjects/subject-kind.ts'

export interface GenerateRecordsOptions {
  seed: number | string
  subjects: readonly DemoSubject[]
  /** YYYY-MM-DD: the clock's day; no record is dated after it. */
  today: string
  /** Subjects to give no penalties (e.g. the red-list firms of the demo's featured cases), by index. */
  withoutPenalties?: ReadonlySet<number>
}

type Tier = 'minor' | 'general' | 'serious'

const licenceCounts: Partial<Record<SubjectKind, WeightedTable<number>>> = {
  enterprise: new WeightedTable([[0, 25], [1, 35], [2, 25], [3, 15]]),
  individual_business: new WeightedTable([[0, 45], [1, 45], [2, 10]]),
  farmer_cooperative: new WeightedTable([[0, 40], [1, 45], [2, 15]]),
  public_institution: new WeightedTable([[0, 50], [1, 50]]),
  social_organisation: new WeightedTable([[0, 40], [1, 60]]),
  natural_person: new WeightedTable([[0, 93], [1, 7]]),
}

const penaltyChance: Partial<Record<SubjectKind, number>> = { enterprise: 0.22, individual_business: 0.16, farmer_cooperative: 0.1, public_institution: 0.04, natural_person: 0.05 }
const tiers = new WeightedTable<Tier>([['minor', 15], ['general', 73], ['serious', 12]])
const firmFines = [2000, 3000, 5000, 8000, 10_000, 20_000, 30_000, 50_000, 100_000]
const personFines = [500, 1000, 2000, 3000, 5000]

const FOUR_YEARS = 4 * 365 + 1

/** Licence kinds a department grants to a kind of subject, as [department, kind] pairs. */
function licenceChoices(kind: SubjectKind): Array<readonly [string, LicenceKind]> {
  return licensingDepartments.flatMap((d) => departmentTexts[d]!.licences.filter((l) => l.kinds.includes(kind)).map((l) => [d, l] as const))
}

function violationChoices(kind: SubjectKind): Array<readonly [string, Violation]> {
  const person = kind === 'natural_person'
  return penalisingDepartments.flatMap((d) => departmentTexts[d]!.violations.filter((v) => (person ? v.persons === true : true)).map((v) => [d, v] as const))
}

const choiceCache = new Map<string, { licences: Array<readonly [string, LicenceKind]>; violations: Array<readonly [string, Violation]> }>()
function choicesFor(kind: SubjectKind) {
  let c = choiceCache.get(kind)
  if (!c) choiceCache.set(kind, (c = { licences: licenceChoices(kind), violations: violationChoices(kind) }))
  return c
}

/** The first day a record of this subject may carry: four years back, and not before it existed. */
function earliestDay(s: DemoSubject, today: string): string {
  const fourYearsAgo = addDays(today, -FOUR_YEARS)
  return s.establishedOn && s.establishedOn > fourYearsAgo ? s.establishedOn : fourYearsAgo
}

function licenceRow(s: DemoSubject, seed: number, deptCode: string, kind: LicenceKind, on: string, serial: number): DemoRow {
  const d = department(deptCode)
  const prefix = departmentTexts[deptCode]!.prefix
  return {
    ...counterpartyColumns('XK', s, seed),
    XK_XKWS: kind.title,
    XK_WSH: `${prefix}许〔${yearOf(on)}〕${serial}号`,
    XK_XKLB: kind.category,
    XK_XKZS: kind.certificate,
    XK_XKBH: `${kind.numberPrefix}${String(serial).padStart(7, '0')}`,
    XK_NR: kind.content,
    XK_JDRQ: on,
    XK_YXQZ: on,
    XK_YXQZI: kind.years === 0 ? LONG_TERM : addDays(addYears(on, kind.years), -1),
    XK_XKJG: d.name,
    XK_XKJGDM: d.uscc,
    XK_ZT: '有效',
    XK_LYDW: d.name,
    XK_LYDWDM: d.uscc,
    DFBM: s.division,
  }
}

/** One penalty row of a tier; exported for the featured cases, which need penalties of a chosen kind and date. */
export function penaltyRow(s: DemoSubject, seed: number, deptCode: string, violation: Violation, on: string, serial: number, tier: Tier, rng: Rng): DemoRow {
  const d = department(deptCode)
  const prefix = departmentTexts[deptCode]!.prefix
  const person = s.kind === 'natural_person'
  let categories: string
  let content: string
  let fine = ''
  let confiscated = ''
  let licence = ''
  let months: number
  if (tier === 'minor') {
    categories = '警告'
    content = '警告'
    months = 3
  } else if (tier === 'general') {
    const yuan = rng.pick(person ? personFines : firmFines)
    fine = yuanToWan(yuan)
    if (!person && rng.chance(0.3)) {
      const gains = rng.int(5, 300) * 100
      categories = '罚款;没收违法所得'
      confiscated = yuanToWan(gains)
      content = `罚款人民币${yuanText(yuan)}元，没收违法所得人民币${yuanText(gains)}元`
    } else {
      categories = '罚款'
      content = `罚款人民币${yuanText(yuan)}元`
    }
    months = 12
  } else if (rng.chance(0.5)) {
    const yuan = rng.pick(firmFines.slice(4))
    fine = yuanToWan(yuan)
    categories = '罚款;责令停产停业'
    content = `罚款人民币${yuanText(yuan)}元，责令停产停业一个月`
    months = 36
  } else {
    categories = '吊销许可证件'
    licence = `许可证件（编号 ${prefix}证${String(serial).padStart(6, '0')}）`
    content = `吊销${licence}`
    months = 36
  }
  const end = addDays(addMonths(on, months), -1)
  return {
    ...counterpartyColumns('CF', s, seed),
    CF_WSH: `${prefix}罚〔${yearOf(on)}〕${serial}号`,
    CF_WFXW: violation.type,
    CF_SY: `经查，当事人${s.name}${violation.facts}`,
    CF_YJ: violation.basis,
    CF_CFLB: categories,
    CF_CFCX: '普通程序',
    CF_NR: content,
    CF_NR_FK: fine,
    CF_NR_WFFF: confiscated,
    CF_NR_ZKDX: licence,
    CF_JDRQ: on,
    CF_YXQ: end,
    CF_GSJZQ: end,
    CF_CFJG: d.name,
    CF_CFJGDM: d.uscc,
    CF_SJLY: d.name,
    CF_SJLYDM: d.uscc,
    DFBM: s.division,
  }
}

/** XZXK and XZCF batches for the subjects, one per (item, department), in a fixed order. */
export function generateDemoRecords(o: GenerateRecordsOptions): DemoBatch[] {
  const seed = seedToUint32(`${String(o.seed)}:records`)
  const byKey = new Map<string, DemoBatch>()
  const add = (category: string, dept: string, row: DemoRow) => {
    const key = `${category}:${dept}`
    let batch = byKey.get(key)
    if (!batch) byKey.set(key, (batch = { category, department: dept, rows: [] }))
    batch.rows.push(row)
  }
  const rng = new Rng()
  for (const s of o.subjects) {
    rng.reseed(hashSeed(seed, s.index))
    const from = earliestDay(s, o.today)
    if (from > o.today) continue
    const { licences, violations } = choicesFor(s.kind)
    const count = licences.length ? (licenceCounts[s.kind]?.pick(rng) ?? 0) : 0
    for (let k = 0; k < count; k++) {
      const [dept, kind] = rng.pick(licences)
      add('XZXK', dept, licenceRow(s, seed, dept, kind, dayBetween(rng, from, o.today), s.index * 4 + k + 1))
    }
    if (!violations.length || o.withoutPenalties?.has(s.index) || !rng.chance(penaltyChance[s.kind] ?? 0)) continue
    const penalties = rng.chance(0.2) ? 2 : 1
    for (let k = 0; k < penalties; k++) {
      const [dept, violation] = rng.pick(violations)
      const tier = s.kind === 'natural_person' ? 'general' : tiers.pick(rng)
      add('XZCF', dept, penaltyRow(s, seed, dept, violation, dayBetween(rng, from, o.today), s.index * 4 + k + 1, tier, rng))
    }
  }
  return [...byKey.values()].sort((a, b) => (a.category + a.department < b.category + b.department ? -1 : 1))
}
