/**
 * Fills a store with the demo city: the built-in catalog, 新乡市's departments, a few staff
 * accounts, and N generated subjects. Running it again adds only what is missing, so
 * `npm start` can call it on every start and `seed demo --subjects N` can grow a store.
 */
import type { Platform } from '../platform.ts'
import { cityDepartments } from '../demo/city-departments.ts'
import { generateSubjects } from '../demo/subject-generator.ts'
import { bulkLoadSubjects } from '../subjects/subject-bulk-load.ts'
import type { Actor } from '../security/actor.ts'
import type { Role } from '../security/roles.ts'
import { generatePassword } from '../security/passwords.ts'
import { chinaDate } from '../clock.ts'
import type { DemoSubject } from '../demo/subject-generator.ts'
import { generateDemoRecords } from '../demo/record-generator.ts'
import { castDemoSubjects, castIndexes, type DemoCast } from '../demo/featured-cast.ts'
import { featuredRecords } from '../demo/featured-records.ts'
import { emptySubmission, submitDemoBatches, type SubmittedRecords } from './demo-records.ts'
import { seedDemoCases, type DemoCasesReport } from './demo-cases.ts'

export const DEMO_SEED = 20260101
const SEEDED_SUBJECTS = 'demo.subjects'
/** How many subjects (from index 0) have their generated licences and penalties. */
const SEEDED_RECORDS = 'demo.records'
/** Set once the featured lists, red lists, commitments and open cases are in. */
const SEEDED_CASES = 'demo.cases'
/** Records go to the first subjects only: enough for a lively demo, fast at every start. */
export const DEMO_RECORD_SUBJECTS = 5000

const demoUsers: Array<{ username: string; displayName: string; department: string; roles: Role[] }> = [
  { username: 'admin', displayName: '信用办管理员', department: 'FGW', roles: ['platform_admin'] },
  { username: 'auditor', displayName: '审计员', department: 'FGW', roles: ['auditor'] },
  { username: 'scjg.clerk', displayName: '市场监管局报送员', department: 'SCJG', roles: ['department_operator', 'department_reviewer'] },
  { username: 'ggzy.checker', displayName: '公共资源交易中心核查员', department: 'GGZY', roles: ['credit_checker'] },
]

export interface DemoSeedReport {
  catalogItemsAdded: number
  departmentsAdded: number
  /** Accounts created by this run, with their passwords — shown once. */
  usersAdded: Array<{ username: string; password: string; roles: Role[] }>
  subjectsAdded: number
  subjectsTotal: number
  /** Demo records submitted through collection by this run (zero when asked not to, or already there). */
  records: SubmittedRecords
  /** The open cases and list facts added by this run, or null when none were added. */
  cases: DemoCasesReport | null
  seconds: { subjects: number; records: number; total: number }
}

/** Adds the demo city's departments that are not there yet; returns how many were added. */
export async function installCityDepartments(platform: Pick<Platform, 'departments'>, actor: Actor): Promise<number> {
  let added = 0
  for (const d of cityDepartments) {
    if (await platform.departments.find(d.code)) continue
    await platform.departments.add(actor, { code: d.code, name: d.name, nameEn: d.nameEn, shortName: d.shortName, uscc: d.uscc, division: d.division, parentCode: d.parentCode, kind: d.kind })
    added++
  }
  return added
}

export interface DemoSeedOptions {
  subjects: number
  password?: string
  /**
   * Also put in demo records (licences, penalties, lists, red lists, commitments) and open cases,
   * through the collection, list, objection, repair and credit-check services. Off by default, so
   * benchmarks that seed subjects and load their own records measure only those.
   */
  records?: boolean
}

export async function seedDemo(platform: Platform, options: DemoSeedOptions): Promise<DemoSeedReport> {
  const started = performance.now()
  const actor: Actor = { type: 'system', name: 'demo-seed' }

  const catalog = await platform.catalog.installBaseCatalog(actor)

  const departmentsAdded = await installCityDepartments(platform, actor)

  const usersAdded: DemoSeedReport['usersAdded'] = []
  const existing = new Set((await platform.access.listUsers(actor)).map((u) => u.username))
  for (const u of demoUsers) {
    if (existing.has(u.username)) continue
    const password = options.password ?? generatePassword()
    await platform.access.addUser(actor, { username: u.username, displayName: u.displayName, password, departmentCode: u.department, roles: u.roles })
    usersAdded.push({ username: u.username, password, roles: u.roles })
  }

  // Generated subjects are a pure function of their index, so a later run continues where this one stopped.
  const already = Number((await platform.settings.get(SEEDED_SUBJECTS)) ?? 0)
  const subjectsStarted = performance.now()
  let subjectsAdded = 0
  if (options.subjects > already) {
    const loaded = await bulkLoadSubjects(platform, generateSubjects({ seed: DEMO_SEED, count: options.subjects - already, startIndex: already }))
    subjectsAdded = loaded.subjects
    await platform.settings.set(SEEDED_SUBJECTS, String(already + subjectsAdded))
  }
  const subjectsSeconds = (performance.now() - subjectsStarted) / 1000

  const recordsStarted = performance.now()
  const seeded = options.records ? await seedRecords(platform, actor, Number((await platform.settings.get(SEEDED_SUBJECTS)) ?? 0)) : { records: emptySubmission(), cases: null }
  const recordsSeconds = (performance.now() - recordsStarted) / 1000

  return {
    catalogItemsAdded: catalog.filter((c) => c.outcome === 'created').length,
    departmentsAdded,
    usersAdded,
    subjectsAdded,
    subjectsTotal: await platform.subjects.count(),
    ...seeded,
    seconds: { subjects: subjectsSeconds, records: recordsSeconds, total: (performance.now() - started) / 1000 },
  }
}

/**
 * Licences and penalties for the generated subjects not yet covered, then (once) the featured
 * subjects' list entries, red lists, honours, commitments and open cases. Dates are relative to
 * the clock's day. The search index and the publicity schedule catch up afterwards.
 */
async function seedRecords(platform: Platform, actor: Actor, seededSubjects: number): Promise<{ records: SubmittedRecords; cases: DemoCasesReport | null }> {
  const target = Math.min(seededSubjects, DEMO_RECORD_SUBJECTS)
  const covered = Number((await platform.settings.get(SEEDED_RECORDS)) ?? 0)
  const casesDone = (await platform.settings.get(SEEDED_CASES)) !== undefined
  const records = emptySubmission()
  if (target <= covered && casesDone) return { records, cases: null }

  const today = chinaDate(platform.clock)
  const subjects: DemoSubject[] = [...generateSubjects({ seed: DEMO_SEED, count: target, startIndex: 0 })]
  const cast: DemoCast | undefined = casesDone || target === 0 ? undefined : castDemoSubjects(DEMO_SEED, subjects, today)
  if (target > covered) {
    const batches = generateDemoRecords({ seed: DEMO_SEED, subjects: subjects.slice(covered), today, ...(cast ? { withoutPenalties: castIndexes(cast) } : {}) })
    await submitDemoBatches(platform, actor, batches, records)
    await platform.settings.set(SEEDED_RECORDS, String(target))
  }
  let cases: DemoCasesReport | null = null
  if (cast) {
    const featured = featuredRecords(DEMO_SEED, cast, today)
    await submitDemoBatches(platform, actor, featured.batches, records)
    const featuredIndexes = castIndexes(cast)
    cases = await seedDemoCases(platform, { actor, cast, preNotices: featured.preNotices, others: subjects.filter((s) => !featuredIndexes.has(s.index) && s.status === 'active'), today })
    await platform.settings.set(SEEDED_CASES, platform.clock.now().toISOString())
  }
  await platform.search.indexPending()
  await platform.publicity.tick()
  platform.statistics.forgetCollection()
  return { records, cases }
}
