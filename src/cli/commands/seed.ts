import type { Command } from 'commander'
import { AppError } from '../../errors.ts'
import { seedDemo } from '../../seeding/demo-seed.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'
import type { DemoSeedReport } from '../../seeding/demo-seed.ts'
import { roleLabels } from '../../security/roles.ts'

/** Whether the run added anything worth a line. */
export const seedAddedSomething = (r: DemoSeedReport) => r.subjectsAdded > 0 || r.usersAdded.length > 0 || r.departmentsAdded > 0 || r.catalogItemsAdded > 0 || r.records.received > 0 || r.cases !== null

/** What the seed added; rejected demo rows (a seed out of step with the catalog) go to stderr. */
export function printSeedSummary(ctx: CommandContext, report: DemoSeedReport): void {
  ctx.io.out(
    `演示数据 Demo data: catalog +${report.catalogItemsAdded}, departments +${report.departmentsAdded}, subjects +${report.subjectsAdded} (total ${report.subjectsTotal}, ${report.seconds.subjects.toFixed(1)} s)`,
  )
  const r = report.records
  if (r.received > 0) {
    ctx.io.out(`演示信用记录 Demo records: +${r.accepted.toLocaleString('en')} 条经归集报送 through collection (${r.batches} 批次 batches, ${r.rejected} 条被拒 rejected, ${report.seconds.records.toFixed(1)} s)`)
  }
  if (report.cases) {
    const c = report.cases
    ctx.io.out(`演示办理事项 Demo cases: 失信告知 pre-notices ${c.preNotices}, 异议 objections ${c.objections}, 信用修复 repairs ${c.repairs}, 信用核查 credit checks ${c.creditChecks}, 违诺 breaches ${c.breaches}, 撤回 withdrawals ${c.withdrawals}, 公告 notices ${c.notices}`)
  }
  for (const e of r.errors) ctx.io.err(`  演示记录被拒 rejected demo row: ${e.category}/${e.department} row ${e.row} ${e.column ?? ''} ${e.code} ${e.message}`)
}

/** The accounts this run created, with their passwords: shown once, never stored in clear. */
export function printDemoAccounts(ctx: CommandContext, report: DemoSeedReport): void {
  if (!report.usersAdded.length) return
  ctx.io.out('演示账号（密码仅显示这一次，请妥善保存）Demo accounts (passwords shown this once — keep them):')
  for (const u of report.usersAdded) {
    const roles = u.roles.map((role) => `${roleLabels[role].zh} ${role}`).join('，')
    ctx.io.out(`  ${u.username.padEnd(14)} ${u.password}  ${roles}`)
  }
}

export function printSeedReport(ctx: CommandContext, report: DemoSeedReport): void {
  printSeedSummary(ctx, report)
  printDemoAccounts(ctx, report)
}

export function registerSeed(program: Command, ctx: CommandContext) {
  const seed = program.command('seed').description('填充数据 Seed data')
  withDbOption(
    seed
      .command('demo')
      .description('填充演示城市：目录、部门、账号、生成的信用主体及其信用记录 Seed the demo city: catalog, departments, accounts, generated subjects and their records')
      .option('--subjects <n>', '信用主体数量 number of subjects', '2000')
      .option('--no-records', '不填充演示信用记录和办理事项 Skip the demo records and open cases'),
  ).action(async (o: { db?: string; subjects: string; records: boolean }) => {
    const subjects = Number(o.subjects)
    if (!Number.isInteger(subjects) || subjects < 0 || subjects > 50_000_000) {
      throw new AppError('SEED_SUBJECTS_INVALID', '--subjects 须为 0 到 50,000,000 的整数', '--subjects must be a whole number from 0 to 50,000,000')
    }
    await usePlatform(ctx, o, async (platform) => {
      printSeedReport(ctx, await seedDemo(platform, { ...platform.config.demo, subjects, records: o.records }))
      await platform.search.indexPending()
    })
  })
}
