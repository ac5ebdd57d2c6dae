/** What a command may touch of the outside world, so tests can run commands in-process. */
import type { Readable } from 'node:stream'

export interface CliIo {
  out(line: string): void
  err(line: string): void
  stdin: Readable
  env: Record<string, string | undefined>
  isTty: boolean
}

export const processIo = (): CliIo => ({
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  stdin: process.stdin,
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
})
