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

export const DEMO_SEED = 20260101
const SEEDED_SUBJECTS = 'demo.subjects'

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
  seconds: { subjects: number; total: number }
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

export async function seedDemo(platform: Platform, options: { subjects: number; password?: string }): Promise<DemoSeedReport> {
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

  return {
    catalogItemsAdded: catalog.filter((c) => c.outcome === 'created').length,
    departmentsAdded,
    usersAdded,
    subjectsAdded,
    subjectsTotal: await platform.subjects.count(),
    seconds: { subjects: subjectsSeconds, total: (performance.now() - started) / 1000 },
  }
}
