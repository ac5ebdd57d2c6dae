/**
 * A small city for joint-punishment tests, put in through the real collection service: a firm on
 * the serious-dishonesty list with its pre-notice served, one whose listing has expired, one
 * listed without a pre-notice, a red-list taxpayer, a firm with a penalty in its publicity period,
 * a clean firm with a commitment, and the staff who check and list.
 */
import { cityDepartments } from '../demo/city-departments.ts'
import { makeUscc } from '../identifiers/index.ts'
import type { Platform } from '../platform.ts'
import type { Actor } from '../security/actor.ts'
import type { Role } from '../security/roles.ts'
import { installCityDepartments } from '../seeding/demo-seed.ts'
import { penaltyRow } from '../profiles/testing.ts'

export const system: Actor = { type: 'system', name: 'test' }
const dept = (code: string) => cityDepartments.find((d) => d.code === code)!

const uscc = (n: number) => makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: `MA${String(n).padStart(6, '0')}` })
export const firms = { listed: uscc(1), expired: uscc(2), unnoticed: uscc(3), red: uscc(4), penalised: uscc(5), clean: uscc(6) } as const
export type FirmName = keyof typeof firms

export function listRow(firm: FirmName, o: Record<string, string> = {}): Record<string, string> {
  const scjg = dept('SCJG')
  return {
    SUBJECT_NAME: `新乡市${firm}测试有限公司`,
    SUBJECT_CATEGORY: '法人及非法人组织',
    USCC: firms[firm],
    LEGAL_REP: '张三',
    LEGAL_REP_ID_TYPE: '01',
    LEGAL_REP_ID_NUMBER: '11010519491231002X',
    LIST_NAME: '市场监督管理严重违法失信名单',
    LISTING_REASON: '提供虚假材料骗取许可',
    LISTING_BASIS: '《市场监督管理严重违法失信名单管理办法》第十条',
    DECISION_NUMBER: `新市监严列〔2026〕${firm}号`,
    DECISION_DATE: '2026-01-10',
    AUTHORITY_NAME: scjg.name,
    AUTHORITY_USCC: scjg.uscc,
    VALID_TO: '2029-01-09',
    SOURCE_UNIT: scjg.name,
    SOURCE_UNIT_USCC: scjg.uscc,
    ...o,
  }
}

function redRow(firm: FirmName): Record<string, string> {
  const sw = dept('SW')
  return {
    TAXPAYER_NAME: `新乡市${firm}测试有限公司`,
    TAXPAYER_ID: firms[firm],
    USCC: firms[firm],
    EVALUATION_YEAR: '2025',
    GRADE: 'A',
    TAX_AUTHORITY: sw.name,
    TAX_AUTHORITY_USCC: sw.uscc,
    PUBLISH_DATE: '2026-02-01',
    VALID_TO: '2026-12-31',
  }
}

export function commitmentRow(firm: FirmName, n: string, o: Record<string, string> = {}): Record<string, string> {
  const scjg = dept('SCJG')
  return {
    SUBJECT_NAME: `新乡市${firm}测试有限公司`,
    SUBJECT_CATEGORY: '法人及非法人组织',
    USCC: firms[firm],
    LEGAL_REP: '张三',
    COMMITMENT_NUMBER: n,
    COMMITMENT_TYPE: '审批替代型',
    COMMITMENT_MATTER: '食品经营许可',
    COMMITMENT_CONTENT: '承诺所报材料真实，六个月内补齐证明材料',
    COMMITMENT_DATE: '2026-01-05',
    COMMITMENT_TERM: '2026-07-04',
    ACCEPTING_UNIT: scjg.name,
    ACCEPTING_UNIT_USCC: scjg.uscc,
    FULFILMENT: '履约中',
    ...o,
  }
}

export const staff = (username: string, departmentId: number, departmentCode: string, roles: Role[]): Actor => ({ type: 'user', id: 1, username, displayName: username, departmentId, departmentCode, roles })

export interface SanctionCity {
  subjectOf: Record<FirmName, number>
  recordOf: (category: string, firm: FirmName) => Promise<number>
  actors: { checker: Actor; otherChecker: Actor; listingClerk: Actor; taxClerk: Actor; office: Actor; public: Actor }
  submit: (actor: Actor, category: string, rows: Array<Record<string, string>>) => Promise<void>
}

export async function buildSanctionCity(platform: Platform): Promise<SanctionCity> {
  await platform.catalog.installBaseCatalog(system)
  await installCityDepartments(platform, system)
  const id = async (code: string) => (await platform.departments.get(code)).id
  const actors = {
    checker: staff('czj.checker', await id('CZJ'), 'CZJ', ['credit_checker']),
    otherChecker: staff('ggzy.checker', await id('GGZY'), 'GGZY', ['credit_checker']),
    listingClerk: staff('scjg.clerk', await id('SCJG'), 'SCJG', ['department_operator']),
    taxClerk: staff('sw.clerk', await id('SW'), 'SW', ['department_operator']),
    office: staff('admin', await id('FGW'), 'FGW', ['platform_admin']),
    public: { type: 'public' } as Actor,
  }
  const submit = async (actor: Actor, category: string, rows: Array<Record<string, string>>) => {
    const summary = await platform.collection.submitRecords(actor, { category, records: rows })
    if (summary.rejected) throw new Error(`test rows rejected: ${JSON.stringify(summary.errors.slice(0, 3))}`)
  }
  await submit(actors.listingClerk, 'YZSXZT', [listRow('listed'), listRow('expired', { DECISION_DATE: '2025-01-10', VALID_TO: '2026-01-31' }), listRow('unnoticed')])
  await submit(actors.taxClerk, 'NSXYAJ', [redRow('red')])
  await submit(actors.listingClerk, 'XZCF', [penaltyRow('新市监罚〔2026〕1号', { CF_XDR_MC: '新乡市penalised测试有限公司', CF_XDR_SHXYM: firms.penalised, CF_JDRQ: '2026-01-20', CF_YXQ: '2026-12-31', CF_GSJZQ: '2027-01-20' })])
  await submit(actors.listingClerk, 'XYCN', [commitmentRow('clean', 'CN-2026-001')])
  // The listing department served its pre-notices before listing (河南条例 Art. 28).
  for (const firm of ['listed', 'expired'] as const) {
    await platform.lists.recordPreNotice(actors.listingClerk, { subject: firms[firm], category: 'YZSXZT', noticeNumber: `新市监告〔2025〕${firm}号`, servedOn: firm === 'listed' ? '2025-12-20' : '2024-12-20', delivery: '直接送达', basis: '《河南省社会信用条例》第二十八条', reasons: '提供虚假材料骗取许可', measures: '限制参加政府采购活动等', objectionUntil: '2025-12-30' })
  }
  const subjectOf = {} as Record<FirmName, number>
  for (const firm of Object.keys(firms) as FirmName[]) subjectOf[firm] = (await platform.subjects.resolveId(firms[firm]))!
  const recordOf = async (category: string, firm: FirmName) => {
    const r = await platform.database.db.selectFrom('records').select('id').where('category', '=', category).where('subject_id', '=', subjectOf[firm]).executeTakeFirstOrThrow()
    return Number(r.id)
  }
  return { subjectOf, recordOf, actors, submit }
}
