import type { Command } from 'commander'
import { cliActor } from '../../security/actor.ts'
import { AppError } from '../../errors.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

export function registerWithdraw(program: Command, ctx: CommandContext) {
  withDbOption(
    program
      .command('withdraw')
      .description('撤回记录 Withdraw a record (its decision was changed or revoked)')
      .argument('<recordId>', '记录编号 Record id')
      .requiredOption('--reason <text>', '撤回理由 Why, e.g. 行政复议决定撤销原处罚决定')
      .requiredOption('--basis <text>', '法律依据 Legal basis, e.g. 《中华人民共和国行政处罚法》第四十八条')
      .option('--json', '输出 JSON Print the result as JSON'),
  ).action(async (recordId: string, o: { reason: string; basis: string; json?: boolean; db?: string }) => {
    const id = Number(recordId)
    if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('RECORD_ID_INVALID', `记录编号无效：${recordId}`, `Not a record id: ${recordId}`)
    await usePlatform(ctx, o, async (platform) => {
      const done = await platform.withdrawals.withdraw(cliActor(ctx.io.env.USER), id, { reason: o.reason, legalBasis: o.basis })
      if (o.json) ctx.io.out(JSON.stringify(done))
      else ctx.io.out(`已撤回 Withdrawn: 记录 record ${done.recordId} → 第 ${done.version} 版 version ${done.version} (revoked), ${done.withdrawnAt}`)
    })
  })
}
