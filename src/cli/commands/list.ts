import type { Command } from 'commander'
import { cliActor } from '../../security/actor.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

export function registerList(program: Command, ctx: CommandContext) {
  const list = program.command('list').description('名单 Red, focus and serious-dishonesty lists')

  withDbOption(
    list
      .command('show <kind>')
      .description('名单页（red、focus、black）A list page')
      .option('--status <status>', 'active | awaiting_pre_notice | all', 'active')
      .option('--q <name>', '按名称筛选 filter by name')
      .option('--page <n>', '页码 page', '1'),
  ).action(async (kind: string, o: { status: 'active' | 'awaiting_pre_notice' | 'all'; q?: string; page: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const page = await platform.lists.page(cliActor(ctx.io.env.USER), kind, { status: o.status, page: Number(o.page), ...(o.q ? { q: o.q } : {}) })
      ctx.io.out(`共 ${page.total} 条 / ${page.total} entries (page ${page.page})`)
      for (const e of page.items) ctx.io.out(`${e.recordId}  ${e.statusLabel}  ${e.subject.name}  ${e.subject.identifier ?? ''}  ${e.listName}  ${e.startDate ?? ''}–${e.removalDate ?? e.endDate ?? ''}  ${e.authority ?? ''}`)
    }),
  )

  withDbOption(
    list
      .command('pre-notice <subject> <category>')
      .description('登记事先告知（河南条例第二十八条）Record the written pre-notice served before listing')
      .requiredOption('--number <no>', '告知书文号 notice number')
      .requiredOption('--served-on <date>', '送达日期 YYYY-MM-DD')
      .requiredOption('--basis <text>', '依据 legal basis')
      .requiredOption('--reasons <text>', '事由 reasons')
      .requiredOption('--measures <text>', '拟采取的惩戒措施 measures')
      .option('--delivery <how>', '送达方式', '直接送达')
      .option('--objection-until <date>', '陈述申辩截止日 YYYY-MM-DD')
      .requiredOption('--department <code>', '送达部门 the listing department'),
  ).action(async (subject: string, category: string, o: { number: string; servedOn: string; basis: string; reasons: string; measures: string; delivery: string; objectionUntil?: string; department: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const notice = await platform.lists.recordPreNotice(cliActor(ctx.io.env.USER), {
        subject,
        category,
        noticeNumber: o.number,
        servedOn: o.servedOn,
        basis: o.basis,
        reasons: o.reasons,
        measures: o.measures,
        delivery: o.delivery,
        department: o.department,
        ...(o.objectionUntil ? { objectionUntil: o.objectionUntil } : {}),
      })
      ctx.io.out(JSON.stringify(notice))
    }),
  )

  withDbOption(
    list
      .command('responsible <recordId>')
      .description('登记责任人（河南条例第三十五条）Record a responsible person of a list entry')
      .requiredOption('--role <role>', 'legal_representative | principal | actual_controller | directly_responsible')
      .requiredOption('--name <name>', '姓名')
      .option('--id-number <id>', '身份证号码（加密保存）identity number, sealed'),
  ).action(async (recordId: string, o: { role: string; name: string; idNumber?: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const entry = await platform.lists.addResponsiblePerson(cliActor(ctx.io.env.USER), Number(recordId), { role: o.role, name: o.name, ...(o.idNumber ? { idNumber: o.idNumber } : {}) })
      ctx.io.out(JSON.stringify(entry.responsiblePersons))
    }),
  )

  withDbOption(list.command('pre-notice-items [codes...]').description('须事先告知的名单目录项（无参数则显示）List items that need a pre-notice (show, or set)')).action(async (codes: string[], o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const items = codes.length ? await platform.sanctionSettings.setPreNoticeItems(cliActor(ctx.io.env.USER), codes) : await platform.sanctionSettings.preNoticeItems()
      ctx.io.out(items.join(' '))
    }),
  )
}
