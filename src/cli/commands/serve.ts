import type { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { openPlatform } from '../../platform.ts'
import { buildApp } from '../../http/app.ts'
import { seedDemo } from '../../seeding/demo-seed.ts'
import { printDemoAccounts, printSeedSummary, seedAddedSomething } from './seed.ts'
import type { DemoSeedReport } from '../../seeding/demo-seed.ts'
import { withDbOption, type CommandContext } from './context.ts'
import { startLifecycleScheduler } from '../../scheduler/lifecycle-scheduler.ts'

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
    let seeded: DemoSeedReport | undefined
    if (o.seedDemo) {
      // Records and open cases too, so the site and the console have something to show on first start.
      seeded = await seedDemo(platform, { ...config.demo, records: true })
      if (seedAddedSomething(seeded)) printSeedSummary(ctx, seeded)
    }
    // Names loaded since the search index last ran (a seed, a bulk load) are indexed before serving.
    await platform.search.indexPending()
    const app = await buildApp(platform, { logger: config.environment !== 'test' })
    // Windows that closed and deadlines that passed while the platform was down are announced at once, in the background.
    const scheduler = startLifecycleScheduler(platform, config.schedulerSeconds, (step, error) => app.log.error({ err: error }, `scheduled ${step} failed`))
    const shutdown = async () => {
      scheduler.stop()
      await scheduler.idle()
      await app.close()
      await platform.close()
      process.exit(0)
    }
    process.once('SIGINT', shutdown)
    process.once('SIGTERM', shutdown)
    const address = await app.listen({ host: config.host, port: config.port })
    ctx.io.out(`${config.city.siteTitle} 已启动 serving at ${address} (${platform.database.dialect}: ${platform.database.location})`)
    ctx.io.out(`  公共网站 Public site:  ${address}/`)
    ctx.io.out(`  管理后台 Console:      ${address}/console`)
    ctx.io.out(`  接口文档 API docs:     ${address}/api/docs`)
    // After the addresses, so the one-time passwords are not lost among the start-up lines.
    if (seeded) printDemoAccounts(ctx, seeded)
    // Keep the command alive until a signal arrives.
    await new Promise(() => {})
  })
}
