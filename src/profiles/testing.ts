/**
 * A small city for query-platform tests, put in through the real collection service: one firm with
 * a penalty in every sharing level × state, two natural persons, and the askers that read them.
 */
import { administrativePenalty } from '../catalog/base-catalog/index.ts'
import type { CatalogItemDefinition } from '../catalog/catalog.ts'
import { cityDepartments } from '../demo/city-departments.ts'
import { makeResidentId, makeUscc } from '../identifiers/index.ts'
import type { Platform } from '../platform.ts'
import type { Actor } from '../security/actor.ts'
import type { Role } from '../security/roles.ts'
import { installCityDepartments } from '../seeding/demo-seed.ts'

export const system: Actor = { type: 'system', name: 'test' }
const scjg = cityDepartments.find((d) => d.code === 'SCJG')!

/** Items by sharing level: XZCF itself is public (government for natural persons). */
export const levelItems = { public: 'XZCF', government: 'XZCFZW', authorised: 'XZCFSQ', none: 'XZCFBGX' } as const
export type Level = keyof typeof levelItems
export const levels = Object.keys(levelItems) as Level[]
/** A public item that keeps natural persons' records public too (then masked). */
export const PERSON_PUBLIC_ITEM = 'XZCFGK'

export const states = ['current', 'expired', 'revoked', 'revised', 'objected'] as const
export type State = (typeof states)[number]

export const firmUscc = makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: 'MQ000001' })
export const legalRepId = '11010519491231002X'
export const personId = makeResidentId({ area: '410702', birthDate: '19800101', sequence: 21 })
export const hiddenPersonId = makeResidentId({ area: '410702', birthDate: '19810202', sequence: 31 })

export const decisionNumber = (level: Level, state: State) => `新市监罚〔2025〕${level}-${state}号`

function clone(code: string, name: string, sharing: Partial<Pick<CatalogItemDefinition, 'sharingLevel' | 'naturalPersonSharingLevel'>>): CatalogItemDefinition {
  const { naturalPersonSharingLevel: _, ...rest } = administrativePenalty
  return { ...rest, code, name, nameEn: `${administrativePenalty.nameEn} (${code})`, ...sharing } as CatalogItemDefinition
}

export function penaltyRow(n: string, o: Record<string, string> = {}): Record<string, string> {
  return {
    CF_XDR_MC: '新乡市查询测试食品有限公司',
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: firmUscc,
    CF_FRDB: '赵敏',
    CF_FR_ZJLX: '01',
    CF_FR_ZJHM: legalRepId,
    CF_WSH: n,
    CF_WFXW: '虚假宣传',
    CF_SY: '经查，当事人作虚假宣传。',
    CF_YJ: '《中华人民共和国反不正当竞争法》第二十条',
    CF_CFLB: '罚款',
    CF_CFCX: '普通程序',
    CF_NR: '罚款人民币30,000元',
    CF_NR_FK: '3',
    CF_JDRQ: '2025-06-01',
    CF_YXQ: '2026-06-01',
    CF_GSJZQ: '2026-06-01',
    CF_CFJG: scjg.name,
    CF_CFJGDM: scjg.uscc,
    CF_SJLY: scjg.name,
    CF_SJLYDM: scjg.uscc,
    ...o,
  }
}

const personRow = (n: string, id: string, name: string) =>
  penaltyRow(n, { CF_XDR_MC: name, CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '', CF_FR_ZJLX: '', CF_FR_ZJHM: '', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: id })

export interface QueryCity {
  firmId: number
  personId: number
  hiddenPersonId: number
  /** Record id by level and state (the firm's penalties). */
  recordOf: (level: Level, state: State) => number
  objected: Set<number>
  departmentIds: Record<'SCJG' | 'GGZY' | 'RMYH' | 'FGW', number>
  actors: { public: Actor; department: Actor; provider: Actor; bank: Actor; office: Actor; auditor: Actor }
}

const staff = (username: string, departmentId: number, departmentCode: string, roles: Role[]): Actor => ({ type: 'user', id: 1, username, displayName: username, departmentId, departmentCode, roles })

export async function buildQueryCity(platform: Platform): Promise<QueryCity> {
  await platform.catalog.installBaseCatalog(system)
  await installCityDepartments(platform, system)
  await platform.catalog.create(system, clone(levelItems.government, '行政处罚（政务共享）', { sharingLevel: 'government' }))
  await platform.catalog.create(system, clone(levelItems.authorised, '行政处罚（授权查询）', { sharingLevel: 'authorised' }))
  await platform.catalog.create(system, clone(levelItems.none, '行政处罚（不予共享）', { sharingLevel: 'none' }))
  await platform.catalog.create(system, clone(PERSON_PUBLIC_ITEM, '行政处罚（含自然人公开）', { sharingLevel: 'public', naturalPersonSharingLevel: 'public' }))

  const id = async (code: string) => (await platform.departments.get(code)).id
  const departmentIds = { SCJG: await id('SCJG'), GGZY: await id('GGZY'), RMYH: await id('RMYH'), FGW: await id('FGW') }
  const clerk = staff('scjg.clerk', departmentIds.SCJG, 'SCJG', ['department_operator'])

  const submit = async (category: string, records: Array<Record<string, string>>) => {
    const summary = await platform.collection.submitRecords(clerk, { category, records })
    if (summary.rejected) throw new Error(`test rows rejected: ${JSON.stringify(summary.errors.slice(0, 3))}`)
  }
  for (const level of levels) {
    const n = (s: State) => decisionNumber(level, s)
    await submit(levelItems[level], [
      penaltyRow(n('current')),
      penaltyRow(n('expired'), { CF_JDRQ: '2024-01-10', CF_YXQ: '2025-01-10', CF_GSJZQ: '2025-01-10' }),
      penaltyRow(n('revoked'), { CF_ZT: '撤销' }),
      penaltyRow(n('revised'), { CF_NR: '罚款人民币20,000元', CF_NR_FK: '2' }),
      penaltyRow(n('objected')),
    ])
    // A correction: the revised penalty gets a second version, the first is superseded.
    await submit(levelItems[level], [penaltyRow(n('revised'))])
  }
  await submit('XZCF', [personRow('新市监罚〔2025〕个人1号', personId, '李四')])
  await submit(PERSON_PUBLIC_ITEM, [personRow('新市监罚〔2025〕个人2号', personId, '李四')])
  await submit(levelItems.authorised, [personRow('新市监罚〔2025〕个人3号', personId, '李四')])
  await submit('XZCF', [personRow('新市监罚〔2025〕个人4号', hiddenPersonId, '王五')])

  const db = platform.database.db
  const records = await db.selectFrom('records').select(['id', 'category', 'business_key', 'subject_id']).execute()
  const recordOf = (level: Level, state: State) => {
    const found = records.find((r) => r.category === levelItems[level] && r.business_key.includes(`${level}-${state}`.toUpperCase()))
    if (!found) throw new Error(`no record ${level} ${state}`)
    return found.id
  }
  const firmId = (await platform.subjects.resolveId(firmUscc))!
  return {
    firmId,
    personId: (await platform.subjects.resolveId(personId))!,
    hiddenPersonId: (await platform.subjects.resolveId(hiddenPersonId))!,
    recordOf,
    objected: new Set(levels.map((l) => recordOf(l, 'objected'))),
    departmentIds,
    actors: {
      public: { type: 'public' },
      department: staff('ggzy.checker', departmentIds.GGZY, 'GGZY', ['credit_checker']),
      provider: clerk,
      bank: staff('bank.checker', departmentIds.RMYH, 'RMYH', ['credit_checker']),
      office: staff('admin', departmentIds.FGW, 'FGW', ['platform_admin']),
      auditor: staff('auditor', departmentIds.FGW, 'FGW', ['auditor']),
    },
  }
}
