import type { Command } from 'commander'
import { cliActor } from '../../security/actor.ts'
import { AppError } from '../../errors.ts'
import { addWorkingDays } from '../../calendar/working-days.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

export function registerCalendar(program: Command, ctx: CommandContext) {
  const calendar = program.command('calendar').description('工作日历 Working calendar (holidays, 调休)')

  withDbOption(calendar.command('show <year>').description('某年的放假和调休上班日 Holidays and adjusted working days of a year')).action(async (year: string, o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const entries = await platform.calendar.list(Number(year))
      if (!(await platform.calendar.current()).covers(`${year}-01-01`)) ctx.io.out(`${year} 年没有节假日数据：只有周末为非工作日 / No holiday data for ${year}: only weekends are non-working`)
      for (const e of entries) ctx.io.out(`${e.date}  ${e.kind === 'holiday' ? '放假 holiday' : '上班 workday'}  ${e.name}  [${e.origin === 'office' ? '平台录入' : '内置'}] ${e.source}`)
    }),
  )

  withDbOption(
    calendar
      .command('set <date>')
      .description('录入放假日或调休上班日 Set a holiday or an adjusted working day')
      .option('--holiday', '放假 a day off')
      .option('--workday', '调休上班 an adjusted working day')
      .requiredOption('--name <name>', '名称 e.g. 春节')
      .option('--source <notice>', '依据 e.g. 国办发明电〔2026〕…号'),
  ).action(async (date: string, o: { holiday?: boolean; workday?: boolean; name: string; source?: string; db?: string }) => {
    if (Boolean(o.holiday) === Boolean(o.workday)) throw new AppError('CALENDAR_KIND_REQUIRED', '请指定 --holiday 或 --workday 之一', 'Give exactly one of --holiday or --workday')
    await usePlatform(ctx, o, async (platform) => {
      const set = await platform.calendar.setDay(cliActor(ctx.io.env.USER), { date, kind: o.holiday ? 'holiday' : 'workday', name: o.name, ...(o.source ? { source: o.source } : {}) })
      ctx.io.out(JSON.stringify(set))
    })
  })

  withDbOption(calendar.command('remove <date>').description('删除平台录入的条目 Remove an office entry')).action(async (date: string, o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      await platform.calendar.removeDay(cliActor(ctx.io.env.USER), date)
      ctx.io.out(`已删除 ${date} / Removed ${date}`)
    }),
  )

  // Pure arithmetic on the calendar in the store: the answer does not depend on XINYONG_NOW.
  withDbOption(calendar.command('add-working-days <date> <n>').description('n 个工作日后的日期（期限的最后一天）The n-th working day after a date (a deadline’s last day)')).action(
    async (date: string, n: string, o: { db?: string }) =>
      usePlatform(ctx, o, async (platform) => {
        ctx.io.out(addWorkingDays(await platform.calendar.current(), date, Number(n)))
      }),
  )
}
