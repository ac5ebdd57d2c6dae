/** Runs the xinyong command in-process and captures what it prints. */
import { Readable } from 'node:stream'
import { main } from '../src/cli/main.ts'

export async function runCli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    stdin: Readable.from([options.stdin ?? '']),
    env: { XINYONG_ENV: 'test', ...options.env },
    isTty: false,
  })
  return { code, out, err, stdout: out.join('\n'), stderr: err.join('\n') }
}
