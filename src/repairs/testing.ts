/** Test helpers for credit repair: the query city's firm, its reviewers, records with chosen dates, an application. */
import type { Platform } from '../platform.ts'
import type { Actor } from '../security/actor.ts'
import { firmUscc, penaltyRow, type QueryCity } from '../profiles/testing.ts'
import type { RepairApplication } from './repair.service.ts'

export const pdf = (text = 'proof') => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1')

export const reviewer = (username: string, departmentId: number, departmentCode: string): Actor => ({ type: 'user', id: 7, username, displayName: username, departmentId, departmentCode, roles: ['department_reviewer'] })

/** Submits one penalty of the firm (by SCJG) and returns its record id. */
export async function submitPenalty(platform: Platform, city: QueryCity, number: string, fields: Record<string, string> = {}): Promise<number> {
  const summary = await platform.collection.submitRecords(city.actors.provider, { category: 'XZCF', records: [penaltyRow(number, fields)] })
  if (summary.rejected) throw new Error(`test row rejected: ${JSON.stringify(summary.errors)}`)
  const row = await platform.database.db.selectFrom('records').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
  return Number(row.id)
}

export const application = (recordId: number, change: Partial<RepairApplication> = {}): RepairApplication => ({
  recordId,
  subject: firmUscc,
  applicant: { name: '新乡市查询测试食品有限公司', contact: '0373-1234567', relation: 'subject' },
  commitment: { text: '本单位承诺所提交材料真实有效，今后严格遵守法律法规，如有违反自愿接受惩戒。', signed: true },
  obligations: { fulfilled: true, statement: '已按处罚决定书缴纳罚款并完成整改。', evidence: ['罚款缴纳凭证'] },
  materials: [{ name: '罚款缴纳凭证.pdf', bytes: pdf('receipt') }],
  ...change,
})
