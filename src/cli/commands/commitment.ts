import type { Command } from 'commander'
import { cliActor } from '../../security/actor.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

export function registerCommitment(program: Command, ctx: CommandContext) {
  const commitment = program.command('commitment').description('信用承诺 Credit commitments')

  withDbOption(commitment.command('list <subject>').description('主体的信用承诺及状态 A subject’s commitments and their status')).action(async (subject: string, o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      for (const c of await platform.commitments.ofSubject(cliActor(ctx.io.env.USER), subject)) ctx.io.out(`${c.recordId}  ${c.statusLabel}  ${c.kindLabel ?? ''}  ${c.number ?? ''}  ${c.matter ?? ''}  ${c.madeOn ?? ''}–${c.termEnd ?? '长期'}  ${c.acceptingUnit ?? ''}`)
    }),
  )

  withDbOption(
    commitment
      .command('breach <recordId>')
      .description('记录违诺（成为失信信息）Record a breach (it becomes a negative record)')
      .requiredOption('--on <date>', '违诺日期 YYYY-MM-DD')
      .requiredOption('--description <text>', '违诺情况说明'),
  ).action(async (recordId: string, o: { on: string; description: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      ctx.io.out(JSON.stringify(await platform.commitments.recordBreach(cliActor(ctx.io.env.USER), Number(recordId), { breachedOn: o.on, description: o.description })))
    }),
  )
}
