import type { Command } from 'commander'
import { cliActor } from '../../security/actor.ts'
import { AppError } from '../../errors.ts'
import { FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT } from '../../changes/change-feed.service.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

export function registerChanges(program: Command, ctx: CommandContext) {
  withDbOption(
    program
      .command('changes')
      .description('变更订阅 Read the change feed (as the platform office)')
      .option('--after <cursor>', '上一页的 next 游标 The `next` cursor of the previous page (default: from the start)')
      .option('--limit <n>', `每页条数 Events per page (1–${FEED_MAX_LIMIT})`, String(FEED_DEFAULT_LIMIT))
      .option('--json', '输出 JSON Print the page as JSON'),
  ).action(async (o: { after?: string; limit: string; json?: boolean; db?: string }) => {
    const limit = Number(o.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > FEED_MAX_LIMIT) throw new AppError('CHANGES_LIMIT_INVALID', `每页条数须为 1–${FEED_MAX_LIMIT} 的整数`, `--limit must be an integer from 1 to ${FEED_MAX_LIMIT}`)
    await usePlatform(ctx, o, async (platform) => {
      const page = await platform.changes.read(cliActor(ctx.io.env.USER), { limit, channel: 'cli', ...(o.after ? { after: o.after } : {}) })
      if (o.json) {
        ctx.io.out(JSON.stringify(page))
        return
      }
      for (const e of page.events) {
        ctx.io.out([String(e.seq).padStart(6), e.at, e.type.padEnd(22), `record ${e.recordId ?? '-'}`, `subject ${e.subjectId ?? '-'}`, e.category ?? '-'].join('  '))
      }
      ctx.io.out(`共 ${page.events.length} 条 ${page.events.length} events; 下一页 next: ${page.next}${page.hasMore ? ' (还有更多 more to read)' : ' (已读完 up to date)'}`)
    })
  })
}
