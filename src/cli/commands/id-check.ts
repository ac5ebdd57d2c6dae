import type { Command } from 'commander'
import { createInterface } from 'node:readline'
import { identify } from '../../identifiers/index.ts'
import type { CommandContext } from './context.ts'

export function registerIdCheck(program: Command, ctx: CommandContext) {
  program
    .command('id')
    .description('主体标识 Identifiers')
    .command('check')
    .description('校验代码，每行输出一个 JSON 对象；全部有效时退出码为 0 / Check codes; one JSON object per line; exit 0 when all are valid')
    .argument('[codes...]', 'USCCs, organisation codes, resident identity numbers, registration numbers; "-" reads one per line from standard input')
    .action(async (codes: string[]) => {
      let allValid = true
      const check = (code: string) => {
        const result = identify(code)
        if (!result.valid) allValid = false
        ctx.io.out(JSON.stringify(result))
      }
      const fromStdin = codes.length === 0 || (codes.length === 1 && codes[0] === '-')
      if (fromStdin) {
        for await (const line of createInterface({ input: ctx.io.stdin, crlfDelay: Infinity })) if (line.trim()) check(line)
      } else {
        for (const code of codes) check(code)
      }
      ctx.setExitCode(allValid ? 0 : 1)
    })
}
