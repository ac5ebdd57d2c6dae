import type { Command } from 'commander'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

export function registerAudit(program: Command, ctx: CommandContext) {
  const audit = program.command('audit').description('审计日志 Audit trail')
  withDbOption(audit.command('verify').description('校验审计哈希链 Verify the audit hash chain')).action(async (options: { db?: string }) =>
    usePlatform(ctx, options, async (platform) => {
      const verdict = await platform.audit.verify()
      if (verdict.intact) {
        ctx.io.out(`审计链完整 Audit chain intact: ${verdict.entries} entries`)
      } else {
        ctx.io.err(`审计链在第 ${verdict.brokenAt} 条断开 Audit chain broken at entry ${verdict.brokenAt}: ${verdict.reason}`)
        ctx.setExitCode(1)
      }
    }),
  )
}
