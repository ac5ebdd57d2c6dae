/**
 * The demo's open work, put in through the same services the console and the public use: the
 * pre-notices the listing departments served (so the 严重失信 entries take effect), a breached
 * commitment, a withdrawn penalty, two objections (one received, one forwarded to the provider),
 * a repair application, and two credit checks by the trading centre's checker (one answered with
 * feedback, one awaiting it). Every subject and record comes from the featured cast.
 */
import type { Platform } from '../platform.ts'
import { publicActor, type Actor } from '../security/actor.ts'
import type { DemoCast } from '../demo/featured-cast.ts'
import type { DemoPreNotice } from '../demo/featured-records.ts'
import { addDays } from '../demo/demo-rows.ts'
import type { DemoSubject } from '../demo/subject-generator.ts'
import { demoSeedRepository } from './demo-seed.repository.ts'

export interface DemoCasesReport {
  preNotices: number
  breaches: number
  withdrawals: number
  objections: number
  repairs: number
  creditChecks: number
  notices: number
}

const codeOf = (s: DemoSubject) => s.uscc ?? s.residentId ?? ''
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1')

export async function seedDemoCases(platform: Platform, input: { actor: Actor; cast: DemoCast; preNotices: readonly DemoPreNotice[]; others: readonly DemoSubject[]; today: string }): Promise<DemoCasesReport> {
  const { actor, cast, today } = input
  const repo = demoSeedRepository(platform.database.db)
  const report: DemoCasesReport = { preNotices: 0, breaches: 0, withdrawals: 0, objections: 0, repairs: 0, creditChecks: 0, notices: 0 }
  const recordOf = async (category: string, s: DemoSubject): Promise<number> => {
    const subjectId = await platform.subjects.resolveId(codeOf(s))
    const id = subjectId === undefined ? undefined : await repo.latestRecordOf(category, subjectId)
    if (id === undefined) throw new Error(`demo seed: no ${category} record of ${s.name}`)
    return id
  }

  // 河南条例 Art. 28: without the written pre-notice served before listing, a list entry triggers nothing.
  for (const p of input.preNotices) {
    await platform.lists.recordPreNotice(actor, p)
    report.preNotices++
  }

  for (const s of cast.committed.slice(0, 1)) {
    await platform.commitments.recordBreach(actor, await recordOf('XYCN', s), { breachedOn: addDays(today, -7), description: '经核查，承诺期内未补齐食品安全管理制度文本，且现场检查发现与承诺内容不符' })
    report.breaches++
  }

  for (const s of cast.withdrawn) {
    await platform.withdrawals.withdraw(actor, await recordOf('XZCF', s), { reason: '行政复议决定撤销原行政处罚决定', legalBasis: '《中华人民共和国行政处罚法》第四十八条第二款' })
    report.withdrawals++
  }

  // Objections are filed by the subject itself, as the public files them; the office forwards the second.
  for (const [i, s] of cast.objecting.entries()) {
    const filed = await platform.objections.file(publicActor, {
      subject: codeOf(s),
      recordId: await recordOf('XZCF', s),
      applicant: { name: s.legalRepresentative ?? s.name, contact: `0373-55${String(1000 + i * 37).padStart(5, '0')}`, relation: 'subject' },
      grounds: i === 0 ? '处罚决定书所载罚款金额与实际缴纳金额不符，且违法事实中的经营场所地址有误。' : '该处罚决定已被复议机关变更，平台仍按原决定内容公示。',
      evidence: [{ name: i === 0 ? '罚款缴纳凭证.pdf' : '行政复议决定书.pdf', bytes: pdf(`objection ${i + 1}`) }],
    })
    if (i === 1) await platform.objections.forward(actor, filed.objection.id, '请提供单位在3个工作日内核实复议变更情况并反馈')
    report.objections++
  }

  for (const s of cast.repairing) {
    await platform.repairs.apply(publicActor, {
      recordId: await recordOf('XZCF', s),
      subject: codeOf(s),
      applicant: { name: s.name, contact: '0373-5566001', relation: 'subject' },
      commitment: { text: '本单位承诺所提交材料真实有效，今后严格遵守法律法规，如有违反自愿接受惩戒。', signed: true },
      obligations: { fulfilled: true, statement: '已按处罚决定书足额缴纳罚款，并完成整改、通过复查。', evidence: ['罚款缴纳凭证', '整改报告'] },
      materials: [{ name: '罚款缴纳凭证.pdf', bytes: pdf('repair receipt') }],
    })
    report.repairs++
  }

  // The trading centre's checker (a demo account) checks bidders; the system checks if it is gone.
  const users = await platform.access.listUsers(actor)
  const u = users.find((x) => x.username === 'ggzy.checker' && x.status === 'active')
  const checker: Actor = u ? { type: 'user', id: u.id, username: u.username, displayName: u.displayName, departmentId: u.departmentId, departmentCode: u.departmentCode, roles: u.roles } : actor
  const bystanders = input.others.filter((s) => s.uscc).slice(0, 3).map(codeOf)
  const first = [...cast.listed.slice(0, 1), ...cast.taxA.slice(0, 1)].map(codeOf)
  if (first.length) {
    const { check, results } = await platform.creditChecks.check(checker, { matter: 'ZTB', purpose: '新乡市公共资源交易中心招标项目投标人资格审查', subjects: [...first, ...bystanders] })
    const feedback = results
      .filter((r) => r.result && (r.result.punishments.length || r.result.incentives.length))
      .map((r) => {
        const punished = r.result!.punishments.length > 0
        const measures = (punished ? r.result!.punishments : r.result!.incentives).map((m) => m.code)
        return { code: r.code, measures, outcome: 'applied' as const, note: punished ? '已取消其投标资格' : '已按规定予以信用加分' }
      })
    if (feedback.length) await platform.creditChecks.feedback(checker, check.id, feedback)
    report.creditChecks++
  }
  const second = [...cast.listed.slice(1, 2), ...cast.defaulterFirms.slice(0, 1)].map(codeOf)
  if (second.length) {
    await platform.creditChecks.check(checker, { matter: 'ZFCG', purpose: '政府采购供应商资格审查', subjects: [...second, ...bystanders.slice(0, 1)] })
    report.creditChecks++
  }

  for (const n of demoNotices) {
    await platform.notices.create(actor, n)
    report.notices++
  }
  return report
}

const demoNotices = [
  {
    category: 'policy' as const,
    title: '信用修复办理指南',
    source: '新乡市发展和改革委员会（演示）',
    body: [
      '一、适用范围。在本平台公示的行政处罚等失信信息，信用主体已履行法定义务、纠正失信行为的，可以申请信用修复。',
      '二、最短公示期。一般失信信息公示满3个月、严重失信信息公示满1年后方可申请；仅受警告、通报批评的轻微失信信息不予公示。',
      '三、不得提前停止公示的情形。责令停产停业、限制开展生产经营活动、限制从业、降低资质等级、吊销许可证件的处罚信息，不予提前停止公示。',
      '四、办理程序。申请人在线提交信用修复申请、信用承诺书和履行义务的证明材料，由认定失信行为的部门办理（谁认定、谁修复）。',
      '五、办理时限。受理部门自收到申请之日起10个工作日内反馈，作出决定后3个工作日内停止公示。',
      '六、信用修复不收取任何费用。',
    ].join('\n'),
  },
  {
    category: 'news' as const,
    title: '“信用新乡”平台上线试运行',
    source: '信用新乡（演示数据）',
    body: [
      '“信用新乡”平台开始试运行，集中公示全市各部门报送的行政许可、行政处罚、守信激励和失信惩戒等信用信息。',
      '社会公众可按统一社会信用代码或名称查询信用主体的公示信息；对公示信息有异议的，可以在线提出异议申请。',
      '本站当前展示的均为演示数据，主体名称和代码均为生成数据，不对应真实单位和个人。',
    ].join('\n'),
  },
]
