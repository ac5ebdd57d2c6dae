/**
 * The xinyong command. Every subcommand is a thin edge: parse, call one service, print.
 * Failures print a coded bilingual message and set a non-zero exit code; nothing throws out.
 */
import { Command, CommanderError } from 'commander'
import { isAppError } from '../errors.ts'
import { processIo, type CliIo } from './io.ts'
import { registerServe } from './commands/serve.ts'
import { registerMigrate } from './commands/migrate.ts'
import { registerSeed } from './commands/seed.ts'
import { registerIdCheck } from './commands/id-check.ts'
import { registerCatalog } from './commands/catalog.ts'
import { registerDepartment } from './commands/department.ts'
import { registerUser } from './commands/user.ts'
import { registerApiKey } from './commands/api-key.ts'
import { registerAudit } from './commands/audit.ts'
import { registerIngest } from './commands/ingest.ts'
import { registerChanges } from './commands/changes.ts'
import { registerWithdraw } from './commands/withdraw.ts'
import { registerOwnFile } from './commands/own-file.ts'
import { registerCalendar } from './commands/calendar.ts'
import { registerObjection } from './commands/objection.ts'
import { registerPublicity } from './commands/publicity.ts'
import { registerRepair } from './commands/repair.ts'
import { registerCheck } from './commands/check.ts'
import { registerList } from './commands/list.ts'
import { registerMeasure } from './commands/measure.ts'
import { registerCommitment } from './commands/commitment.ts'

/** Exit codes: 0 ok, 1 a check failed or an operation was refused, 2 usage error. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = new Command('xinyong')
    .description('信用 Xinyong — 公共信用信息平台 public credit information platform')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
  const state = { exitCode: 0 }
  const ctx = { io, setExitCode: (code: number) => (state.exitCode = code) }
  registerServe(program, ctx)
  registerMigrate(program, ctx)
  registerSeed(program, ctx)
  registerIdCheck(program, ctx)
  registerCatalog(program, ctx)
  registerDepartment(program, ctx)
  registerUser(program, ctx)
  registerApiKey(program, ctx)
  registerAudit(program, ctx)
  registerIngest(program, ctx)
  registerChanges(program, ctx)
  registerWithdraw(program, ctx)
  registerOwnFile(program, ctx)
  registerCalendar(program, ctx)
  registerObjection(program, ctx)
  registerPublicity(program, ctx)
  registerRepair(program, ctx)
  registerCheck(program, ctx)
  registerList(program, ctx)
  registerMeasure(program, ctx)
  registerCommitment(program, ctx)
  // Subcommands inherit the output and exit behaviour.
  const output = {
    writeOut: (s: string) => io.out(s.replace(/\n$/, '')),
    writeErr: (s: string) => io.err(s.replace(/\n$/, '')),
    // Commander speaks English; say it in Chinese first.
    outputError: (s: string, write: (s: string) => void) => write(`用法错误 Usage error: ${s.replace(/^error: /, '')}`),
  }
  program.configureOutput(output)
  for (const command of program.commands) applyToTree(command, (c) => c.exitOverride().configureOutput(output))

  try {
    await program.parseAsync(argv, { from: 'user' })
    return state.exitCode
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    if (isAppError(error)) {
      io.err(`错误 ${error.code}：${error.zh}`)
      io.err(`Error ${error.code}: ${error.en}`)
      if (error.details !== undefined) io.err(JSON.stringify(error.details))
      return 1
    }
    io.err(`错误：${(error as Error).message}`)
    return 1
  }
}

function applyToTree(command: Command, apply: (c: Command) => void): void {
  apply(command)
  for (const sub of command.commands) applyToTree(sub, apply)
}
