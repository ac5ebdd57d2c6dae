import type { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { openPlatform } from '../../platform.ts'
import { buildApp } from '../../http/app.ts'
import { seedDemo } from '../../seeding/demo-seed.ts'
import { printSeedReport } from './seed.ts'
import { withDbOption, type CommandContext } from './context.ts'
import type { Platform } from '../../platform.ts'

export function registerServe(program: Command, ctx: CommandContext) {
  withDbOption(
    program
      .command('serve')
      .description('迁移数据库并启动平台 Migrate the store and serve the platform')
      .option('--host <host>', 'listen address (default HOST or 127.0.0.1)')
      .option('--port <port>', 'listen port (default PORT or 3000)')
      .option('--seed-demo', '首次启动时填充演示数据 Seed demo data into an empty store'),
  ).action(async (o: { db?: string; host?: string; port?: string; seedDemo?: boolean }) => {
    const config = loadConfig(ctx.io.env, {
      ...(o.db ? { databaseUrl: o.db } : {}),
      ...(o.host ? { host: o.host } : {}),
      ...(o.port ? { port: Number(o.port) } : {}),
    })
    const platform = await openPlatform(config)
    if (o.seedDemo) {
      const report = await seedDemo(platform, config.demo)
      if (report.subjectsAdded || report.usersAdded.length || report.departmentsAdded) printSeedReport(ctx, report)
    }
    // Names loaded since the search index last ran (a seed, a bulk load) are indexed before serving.
    await platform.search.indexPending()
    // Windows that closed while the platform was down are announced before serving, then on an interval.
    await platform.publicity.tick().catch((error: unknown) => ctx.io.err(`公示调度失败，稍后重试 Publicity tick failed, retrying later: ${(error as Error).message}`))
    const app = await buildApp(platform, { logger: config.environment !== 'test' })
    const scheduler = startPublicityScheduler(platform, config.publicityTickSeconds, (error) => app.log.error({ err: error }, 'publicity tick failed'))
    const shutdown = async () => {
      scheduler.stop()
      await app.close()
      await platform.close()
      process.exit(0)
    }
    process.once('SIGINT', shutdown)
    process.once('SIGTERM', shutdown)
    const address = await app.listen({ host: config.host, port: config.port })
    ctx.io.out(`${config.city.siteTitle} 已启动 serving at ${address} (${platform.database.dialect}: ${platform.database.location})`)
    ctx.io.out(`公共网站 Public site: ${address}/   接口文档 API docs: ${address}/api/docs`)
    // Keep the command alive until a signal arrives.
    await new Promise(() => {})
  })
}

/** Runs the publicity tick every `seconds` (never two at once in this process); a failed tick is logged and retried next time. */
export function startPublicityScheduler(platform: Pick<Platform, 'publicity'>, seconds: number, onError: (error: unknown) => void): { stop(): void } {
  if (seconds <= 0) return { stop: () => {} }
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    platform.publicity
      .tick()
      .catch(onError)
      .finally(() => (running = false))
  }, seconds * 1000)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
