import type { Command } from 'commander'
import { AppError } from '../../errors.ts'
import { seedDemo } from '../../seeding/demo-seed.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'
import type { DemoSeedReport } from '../../seeding/demo-seed.ts'

export function printSeedReport(ctx: CommandContext, report: DemoSeedReport): void {
  ctx.io.out(
    `演示数据 Demo data: catalog +${report.catalogItemsAdded}, departments +${report.departmentsAdded}, subjects +${report.subjectsAdded} (total ${report.subjectsTotal}, ${report.seconds.subjects.toFixed(1)} s)`,
  )
  if (report.usersAdded.length) {
    ctx.io.out('演示账号（密码仅显示这一次）Demo accounts (passwords shown this once):')
    for (const u of report.usersAdded) ctx.io.out(`  ${u.username.padEnd(14)} ${u.password}  (${u.roles.join(', ')})`)
  }
}

export function registerSeed(program: Command, ctx: CommandContext) {
  const seed = program.command('seed').description('填充数据 Seed data')
  withDbOption(
    seed
      .command('demo')
      .description('填充演示城市：目录、部门、账号和生成的信用主体 Seed the demo city: catalog, departments, accounts, generated subjects')
      .option('--subjects <n>', '信用主体数量 number of subjects', '2000'),
  ).action(async (o: { db?: string; subjects: string }) => {
    const subjects = Number(o.subjects)
    if (!Number.isInteger(subjects) || subjects < 0 || subjects > 50_000_000) {
      throw new AppError('SEED_SUBJECTS_INVALID', '--subjects 须为 0 到 50,000,000 的整数', '--subjects must be a whole number from 0 to 50,000,000')
    }
    await usePlatform(ctx, o, async (platform) => {
      printSeedReport(ctx, await seedDemo(platform, { ...platform.config.demo, subjects }))
      await platform.search.indexPending()
    })
  })
}
