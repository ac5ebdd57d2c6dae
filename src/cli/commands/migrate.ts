import type { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { openDatabase } from '../../db/create-database.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { withDbOption, type CommandContext } from './context.ts'

export function registerMigrate(program: Command, ctx: CommandContext) {
  withDbOption(program.command('migrate').description('迁移数据库到最新结构 Bring the store schema up to date'))
    .action(async (options: { db?: string }) => {
      const config = loadConfig(ctx.io.env, options.db ? { databaseUrl: options.db } : {})
      const database = openDatabase(config.databaseUrl)
      try {
        const report = await migrateToLatest(database)
        ctx.io.out(report.applied.length ? `已应用迁移 Applied: ${report.applied.join(', ')} (${database.location})` : `数据库已是最新 Already up to date (${database.location})`)
      } finally {
        await database.close()
      }
    })
}
