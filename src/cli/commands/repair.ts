import type { Command } from 'commander'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { cliActor } from '../../security/actor.ts'
import { AppError } from '../../errors.ts'
import { optionalRepairSteps, repairStates, type OptionalRepairStep, type RepairState } from '../../repairs/repair-machine.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

const collect = (value: string, previous: string[] = []) => [...previous, value]

function positiveId(value: string, what: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError('ID_INVALID', `${what}须为正整数：${value}`, `${what} must be a positive whole number: ${value}`)
  return n
}

export function registerRepair(program: Command, ctx: CommandContext) {
  const repair = program.command('repair').description('信用修复 Credit repair')
  const actor = () => cliActor(ctx.io.env.USER)
  const print = (value: unknown) => ctx.io.out(JSON.stringify(value, null, 2))

  withDbOption(repair.command('eligibility').argument('<record>', '记录编号 record id').description('能否申请信用修复 May the record be repaired now?')).action(async (record: string, o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const v = await platform.repairs.eligibility(actor(), positiveId(record, '记录编号'))
      ctx.io.out(v.mayApply ? `可以申请信用修复 May apply (${v.department.name})` : '不能申请信用修复 May not apply')
      for (const u of [...v.unmet, ...v.toProvide]) ctx.io.out(`- ${u.zh} / ${u.en}`)
      if (!v.mayApply) ctx.setExitCode(1)
    }),
  )

  withDbOption(
    repair
      .command('apply')
      .description('申请信用修复（免费）Apply for credit repair (free)')
      .requiredOption('--record <id>', '记录编号 record id')
      .requiredOption('--subject <code>', '信用主体代码 subject code (USCC …)')
      .requiredOption('--name <name>', '申请人 applicant')
      .requiredOption('--contact <contact>', '联系方式 contact')
      .option('--agent <powerOfAttorney>', '代理人申请：授权委托书 apply as an agent under this power of attorney')
      .requiredOption('--commitment <text>', '信用承诺书内容 credit commitment text (signed by applying)')
      .requiredOption('--obligations <statement>', '履行义务情况 statement of obligations fulfilled')
      .option('--evidence <proof>', '履行义务证明 proof of fulfilment (repeatable)', collect)
      .option('--material <file>', '材料文件 material file, PDF/JPEG/PNG/OFD (repeatable)', collect),
  ).action(async (o: { record: string; subject: string; name: string; contact: string; agent?: string; commitment: string; obligations: string; evidence?: string[]; material?: string[]; db?: string }) => {
    const materials = await Promise.all((o.material ?? []).map(async (path) => ({ name: basename(path), bytes: await readFile(path) })))
    await usePlatform(ctx, o, async (platform) => {
      const r = await platform.repairs.apply(actor(), {
        recordId: positiveId(o.record, '记录编号'),
        subject: o.subject,
        applicant: { name: o.name, contact: o.contact, relation: o.agent ? 'agent' : 'subject', ...(o.agent ? { powerOfAttorney: o.agent } : {}) },
        commitment: { text: o.commitment, signed: true },
        obligations: { fulfilled: true, statement: o.obligations, evidence: o.evidence ?? [] },
        materials,
      })
      ctx.io.out(`受理编号 Receipt: ${r.receiptNumber}`)
      ctx.io.out(`查询口令（仅显示一次）Status token (shown once): ${r.token}`)
      ctx.io.out(`承办部门 Department: ${r.repair.department.name}; 反馈期限 feedback due ${r.repair.feedbackDueOn}`)
    })
  })

  withDbOption(
    repair
      .command('list')
      .description('信用修复申请列表 List applications')
      .option('--state <state>', repairStates.join(' | '))
      .option('--department <code>', '部门代码 department code')
      .option('--overdue', '仅超期 only overdue')
      .option('--limit <n>', '条数 how many', '100'),
  ).action(async (o: { state?: string; department?: string; overdue?: boolean; limit: string; db?: string }) => {
    if (o.state && !(repairStates as readonly string[]).includes(o.state)) throw new AppError('REPAIR_STATE_UNKNOWN', `状态须为 ${repairStates.join('、')}`, `State must be one of ${repairStates.join(', ')}`)
    await usePlatform(ctx, o, async (platform) => {
      const items = await platform.repairs.list(actor(), { limit: positiveId(o.limit, '条数'), ...(o.state ? { state: o.state as RepairState } : {}), ...(o.department ? { department: o.department } : {}), ...(o.overdue ? { overdue: true } : {}) })
      for (const r of items) ctx.io.out(`${String(r.id).padEnd(6)} ${r.receiptNumber}  ${r.state.padEnd(19)} ${r.department.code.padEnd(8)} record ${r.recordId}  due ${r.dueOn ?? '-'}`)
    })
  })

  withDbOption(repair.command('show').argument('<id>', '申请编号 application id').description('申请详情 Show an application')).action(async (id: string, o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => print(await platform.repairs.show(actor(), positiveId(id, '申请编号')))),
  )

  withDbOption(repair.command('request-materials').argument('<id>').description('一次性告知补正材料 Ask once for what is missing').requiredOption('--missing <item>', '缺少的材料 a missing material (repeatable)', collect).option('--note <note>')).action(
    async (id: string, o: { missing: string[]; note?: string; db?: string }) =>
      usePlatform(ctx, o, async (platform) => print(await platform.repairs.requestMaterials(actor(), positiveId(id, '申请编号'), { missing: o.missing, ...(o.note ? { note: o.note } : {}) }))),
  )

  withDbOption(repair.command('accept').argument('<id>').description('受理 Accept').option('--note <note>')).action(async (id: string, o: { note?: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => print(await platform.repairs.accept(actor(), positiveId(id, '申请编号'), o.note))),
  )

  withDbOption(repair.command('complete-step').argument('<id>').argument('<step>', optionalRepairSteps.join(' | ')).description('登记附加环节 Record training or a credit report').option('--note <note>')).action(
    async (id: string, step: string, o: { note?: string; db?: string }) => {
      if (!(optionalRepairSteps as readonly string[]).includes(step)) throw new AppError('REPAIR_STEP_UNKNOWN', `环节须为 ${optionalRepairSteps.join('、')}`, `Step must be one of ${optionalRepairSteps.join(', ')}`)
      await usePlatform(ctx, o, async (platform) => print(await platform.repairs.completeStep(actor(), positiveId(id, '申请编号'), step as OptionalRepairStep, o.note)))
    },
  )

  withDbOption(
    repair
      .command('decide')
      .argument('<id>', '申请编号 application id')
      .description('作出决定 Approve (publicity ends at once) or reject with reasons')
      .option('--approve', '同意修复 approve')
      .option('--reject <reasons>', '不予修复及理由 reject, with the reasons'),
  ).action(async (id: string, o: { approve?: boolean; reject?: string; db?: string }) => {
    if (Boolean(o.approve) === Boolean(o.reject)) throw new AppError('REPAIR_OUTCOME_REQUIRED', '请选择 --approve 或 --reject <理由> 之一', 'Give exactly one of --approve or --reject <reasons>')
    await usePlatform(ctx, o, async (platform) => {
      const r = await platform.repairs.decide(actor(), positiveId(id, '申请编号'), o.approve ? { outcome: 'approved' } : { outcome: 'rejected', reasons: o.reject! })
      ctx.io.out(`${r.receiptNumber}: ${r.state}${r.reasons ? ` — ${r.reasons}` : ''}`)
    })
  })

  withDbOption(repair.command('withdraw').argument('<id>').description('登记申请人撤回 Record the applicant’s withdrawal').option('--note <note>')).action(async (id: string, o: { note?: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const r = await platform.repairs.withdraw(actor(), positiveId(id, '申请编号'), o.note)
      ctx.io.out(`${r.receiptNumber}: ${r.state}`)
    }),
  )

  withDbOption(repair.command('tick').description('期限提醒与超期督办 Reminders and overdue escalation')).action(async (o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const raised = await platform.repairs.tick(actor())
      ctx.io.out(`提醒 reminders +${raised.reminders}, 超期 overdue +${raised.overdue}`)
    }),
  )
}
