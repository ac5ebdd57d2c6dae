import type { Command } from 'commander'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { cliActor } from '../../security/actor.ts'
import { AppError } from '../../errors.ts'
import { objectionStates, outcomes, type ObjectionState, type Outcome } from '../../objections/objection-machine.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

const readEvidenceFile = (path: string) => ({ name: basename(path), bytes: readFileSync(path) })
const collect = (value: string, previous: string[] = []) => [...previous, value]

function outcomeOf(value: string | undefined): Outcome {
  if (!value || !(outcomes as readonly string[]).includes(value)) throw new AppError('OBJECTION_OUTCOME_INVALID', `--outcome 须为 ${outcomes.join('、')} 之一`, `--outcome must be one of ${outcomes.join(', ')}`)
  return value as Outcome
}

const idOf = (value: string) => {
  const id = Number(value)
  if (!Number.isInteger(id) || id <= 0) throw new AppError('OBJECTION_ID_INVALID', `异议编号 ${value} 无效`, `${value} is not an objection id`)
  return id
}

export function registerObjection(program: Command, ctx: CommandContext) {
  const objection = program.command('objection').description('异议 Objections')
  const actor = () => cliActor(ctx.io.env.USER)
  const print = (value: unknown) => ctx.io.out(JSON.stringify(value))

  withDbOption(
    objection
      .command('file')
      .description('登记异议（窗口受理）File an objection for an applicant')
      .requiredOption('--subject <code>', '信用主体代码 e.g. 统一社会信用代码')
      .requiredOption('--record <id>', '信息编号 record id')
      .requiredOption('--name <name>', '申请人 applicant name')
      .requiredOption('--contact <contact>', '联系方式 contact')
      .option('--relation <relation>', 'subject | agent', 'subject')
      .requiredOption('--grounds <text>', '异议理由 grounds')
      .option('--evidence <file>', '证明材料（可重复）evidence file, repeatable', collect)
      .option('--power-of-attorney <file>', '授权委托书 power of attorney (agents)'),
  ).action(async (o: { subject: string; record: string; name: string; contact: string; relation: string; grounds: string; evidence?: string[]; powerOfAttorney?: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const filed = await platform.objections.file(actor(), {
        subject: o.subject,
        recordId: idOf(o.record),
        applicant: { name: o.name, contact: o.contact, relation: o.relation as 'subject' | 'agent' },
        grounds: o.grounds,
        evidence: (o.evidence ?? []).map(readEvidenceFile),
        ...(o.powerOfAttorney ? { powerOfAttorney: readEvidenceFile(o.powerOfAttorney) } : {}),
      })
      ctx.io.out(`受理编号 Receipt ${filed.receiptNumber}  查询码 Status code ${filed.statusToken}`)
      ctx.io.out(`办理期限 Due ${filed.objection.dueOn}（转办合计 total ${filed.objection.finalDueOn}）`)
    }),
  )

  withDbOption(
    objection
      .command('list')
      .description('异议队列 The queue')
      .option('--state <state>', objectionStates.join(' | '))
      .option('--overdue', '只看超期 overdue only')
      .option('--department <code>', '提供单位 providing department')
      .option('--limit <n>', '条数', '50'),
  ).action(async (o: { state?: string; overdue?: boolean; department?: string; limit: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      if (o.state && !(objectionStates as readonly string[]).includes(o.state)) throw new AppError('OBJECTION_STATE_INVALID', `--state 须为 ${objectionStates.join('、')} 之一`, `--state must be one of ${objectionStates.join(', ')}`)
      const departmentId = o.department ? (await platform.departments.get(o.department)).id : undefined
      const items = await platform.objections.list(actor(), { limit: Number(o.limit) || 50, ...(o.state ? { state: o.state as ObjectionState } : {}), ...(o.overdue ? { overdue: true } : {}), ...(departmentId !== undefined ? { departmentId } : {}) })
      for (const x of items) ctx.io.out(`${String(x.id).padStart(6)}  ${x.receiptNumber}  ${x.state.padEnd(12)}  记录 ${x.recordId}  期限 ${x.dueOn ?? '-'}${x.overdue ? '  超期 OVERDUE' : ''}${x.outcome ? `  结果 ${x.outcome}` : ''}`)
    }),
  )

  withDbOption(objection.command('show <id>').description('异议详情 An objection with steps and evidence')).action(async (id: string, o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => print(await platform.objections.show(actor(), idOf(id)))),
  )

  withDbOption(objection.command('forward <id>').description('转提供单位核实 Forward to the provider').option('--note <text>', '说明')).action(async (id: string, o: { note?: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => print(await platform.objections.forward(actor(), idOf(id), o.note))),
  )

  const outcomeCommand = (name: 'answer' | 'decide', description: string) =>
    withDbOption(objection.command(`${name} <id>`).description(description).requiredOption('--outcome <outcome>', outcomes.join(' | ')).option('--version <n>', '更正后的版本 corrected version').requiredOption('--note <text>', '意见 reasons')).action(
      async (id: string, o: { outcome: string; version?: string; note: string; db?: string }) =>
        usePlatform(ctx, o, async (platform) => print(await platform.objections[name](actor(), idOf(id), { outcome: outcomeOf(o.outcome), note: o.note, ...(o.version ? { correctedVersion: Number(o.version) } : {}) }))),
    )
  outcomeCommand('answer', '提供单位答复 The provider answers')
  outcomeCommand('decide', '作出处理结果 Decide the outcome')

  withDbOption(objection.command('suspend <id>').description('中止计时 Suspend (testing, appraisal, expert review)').requiredOption('--reason <reason>', 'testing | appraisal | expert').requiredOption('--note <text>', '说明')).action(
    async (id: string, o: { reason: string; note: string; db?: string }) =>
      usePlatform(ctx, o, async (platform) => print(await platform.objections.suspend(actor(), idOf(id), { reason: o.reason as 'testing', note: o.note }))),
  )
  withDbOption(objection.command('resume <id>').description('恢复计时 Resume').option('--note <text>', '说明')).action(async (id: string, o: { note?: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => print(await platform.objections.resume(actor(), idOf(id), o.note))),
  )

  const review = objection.command('review').description('复核 Review')
  withDbOption(review.command('request <id>').description('登记复核申请 Record a review request').requiredOption('--grounds <text>', '复核理由')).action(async (id: string, o: { grounds: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => print(await platform.objections.requestReview(actor(), idOf(id), o.grounds))),
  )
  withDbOption(
    review
      .command('decide <id>')
      .description('作出复核决定 Decide a review')
      .option('--uphold', '维持原结果 uphold')
      .option('--overturn', '撤销并重新处理 overturn')
      .option('--outcome <outcome>', `新结果 (with --overturn) ${outcomes.join(' | ')}`)
      .option('--version <n>', '更正后的版本')
      .requiredOption('--note <text>', '复核意见'),
  ).action(async (id: string, o: { uphold?: boolean; overturn?: boolean; outcome?: string; version?: string; note: string; db?: string }) => {
    if (Boolean(o.uphold) === Boolean(o.overturn)) throw new AppError('OBJECTION_REVIEW_RESULT_REQUIRED', '请指定 --uphold 或 --overturn 之一', 'Give exactly one of --uphold or --overturn')
    await usePlatform(ctx, o, async (platform) =>
      print(await platform.objections.decideReview(actor(), idOf(id), o.uphold ? { result: 'upheld', note: o.note } : { result: 'overturned', outcome: outcomeOf(o.outcome), note: o.note, ...(o.version ? { correctedVersion: Number(o.version) } : {}) })),
    )
  })

  withDbOption(objection.command('withdraw <id>').description('登记撤回 Record a withdrawal').option('--note <text>', '说明')).action(async (id: string, o: { note?: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => print(await platform.objections.withdraw(actor(), idOf(id), o.note))),
  )
  withDbOption(objection.command('refuse <id>').description('不予受理 Refuse as inadmissible').requiredOption('--reason <reason>', 'not_party | no_grounds').requiredOption('--note <text>', '说明')).action(
    async (id: string, o: { reason: string; note: string; db?: string }) =>
      usePlatform(ctx, o, async (platform) => print(await platform.objections.refuse(actor(), idOf(id), { reason: o.reason as 'not_party', note: o.note }))),
  )

  withDbOption(objection.command('tick').description('到期提醒与超期督办 Raise reminders and overdue escalations')).action(async (o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const r = await platform.objections.tick(actor())
      ctx.io.out(`提醒 reminders ${r.reminders}  超期 overdue ${r.overdue}`)
    }),
  )
}
