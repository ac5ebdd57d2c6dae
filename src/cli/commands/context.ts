/** Shared plumbing for commands: options every store command takes, and opening the platform. */
import type { Command } from 'commander'
import type { CliIo } from '../io.ts'
import { loadConfig } from '../../config.ts'
import { openPlatform, type Platform } from '../../platform.ts'

export interface CommandContext {
  io: CliIo
  setExitCode(code: number): void
}

export const withDbOption = (command: Command) =>
  command.option('--db <url>', 'SQLite file path or postgres:// URL (default: DATABASE_URL or ./data/xinyong.db)')

export async function usePlatform<T>(ctx: CommandContext, options: { db?: string }, use: (platform: Platform) => Promise<T>): Promise<T> {
  const config = loadConfig(ctx.io.env, options.db ? { databaseUrl: options.db } : {})
  const platform = await openPlatform(config)
  try {
    return await use(platform)
  } finally {
    await platform.close()
  }
}
