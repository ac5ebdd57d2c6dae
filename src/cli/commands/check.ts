import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { cliActor } from '../../security/actor.ts'
import { AppError } from '../../errors.ts'
import { codesFromCsv } from '../../sanctions/check-codes-csv.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

export function registerCheck(program: Command, ctx: CommandContext) {
  withDbOption(
    program
      .command('check [codes...]')
      .description('信用核查 Credit check of subjects for a matter (事项), e.g. xinyong check --matter ZFCG 91410700…')
      .requiredOption('--matter <code>', '事项代码 matter code (xinyong measure list --matters)')
      .option('--purpose <text>', '用途 the business handled', '命令行核查 command-line check')
      .option('--file <csv>', 'CSV 文件，列名 code 或 统一社会信用代码 a CSV with a code column')
      .option('--json', '输出 JSON output JSON lines'),
  ).action(async (codes: string[], o: { matter: string; purpose: string; file?: string; json?: boolean; db?: string }) => {
    const subjects = [...codes, ...(o.file ? codesFromCsv(readFileSync(o.file, 'utf8')) : [])]
    if (subjects.length === 0) throw new AppError('CHECK_SUBJECTS_REQUIRED', '请给出主体代码或 --file', 'Give subject codes or --file')
    await usePlatform(ctx, o, async (platform) => {
      const actor = cliActor(ctx.io.env.USER)
      const first = await platform.creditChecks.check(actor, { matter: o.matter, purpose: o.purpose, subjects, channel: 'cli' })
      const { check } = first
      if (o.json) ctx.io.out(JSON.stringify({ check }))
      else ctx.io.out(`核查 ${check.id}  ${check.matter.code} ${check.matter.name}  主体 ${check.subjects}  找到 ${check.found}  命中 ${check.hits}${check.feedbackDueOn ? `  反馈期限 ${check.feedbackDueOn}` : ''}`)
      // Every result, paged from the store after the first inline page.
      let results = first.results
      let next: number | null = first.more ? results[results.length - 1]!.position : null
      for (;;) {
        for (const r of results) {
          if (o.json) ctx.io.out(JSON.stringify(r))
          else if (!r.found) ctx.io.out(`${r.code}  未找到 not found${r.error ? `（${r.error.message}）` : ''}`)
          else {
            const measures = [...(r.result?.punishments ?? []), ...(r.result?.incentives ?? [])].map((m) => `${m.code} ${m.name}`)
            ctx.io.out(`${r.code}  ${r.name ?? ''}  ${r.hit ? '命中 HIT' : '未命中'}${measures.length ? `  ${measures.join('；')}` : ''}`)
            for (const why of r.result?.why ?? []) ctx.io.out(`    ${why}`)
          }
        }
        if (next === null) break
        const page = await platform.creditChecks.get(actor, check.id, { afterPosition: next, limit: 5000 })
        results = page.results
        next = page.nextPosition
      }
    })
  })
}
