import type { Command } from 'commander'
import { basename, resolve } from 'node:path'
import cliProgress from 'cli-progress'
import { cliActor } from '../../security/actor.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

export function registerIngest(program: Command, ctx: CommandContext) {
  withDbOption(
    program
      .command('ingest')
      .description('归集一个 CSV/XLSX 文件：逐行校验、关联主体、版本化入库；批次提交后退出码为 0 / Ingest a CSV or XLSX file; exit 0 once the batch is committed')
      .argument('<file>', 'CSV (UTF-8 or GBK/GB18030) or XLSX')
      .requiredOption('--category <code>', '目录项代码，如 XZCF')
      .requiredOption('--department <code>', '报送部门代码，如 SCJG')
      .option('--json', '输出 JSON 摘要 print the JSON summary'),
  ).action(async (file: string, o: { category: string; department: string; json?: boolean; db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const bar = ctx.io.isTty && !o.json ? new cliProgress.SingleBar({ format: '归集中 Ingesting | {value} 行 rows | {speed} 行/秒', hideCursor: true }, cliProgress.Presets.shades_classic) : undefined
      const started = performance.now()
      bar?.start(0, 0, { speed: 0 })
      try {
        const summary = await platform.collection.ingestFile(cliActor(ctx.io.env.USER), {
          path: resolve(file),
          fileName: basename(file),
          category: o.category,
          departmentCode: o.department,
          channel: 'cli',
          onProgress: (rows) => bar?.update(rows, { speed: Math.round(rows / ((performance.now() - started) / 1000)) }),
        })
        bar?.stop()
        if (o.json) {
          ctx.io.out(JSON.stringify(summary))
          return
        }
        const seconds = (performance.now() - started) / 1000
        ctx.io.out(`批次 Batch ${summary.batchId}: 收到 received ${summary.received}, 新增 accepted ${summary.accepted}, 更新 updated ${summary.updated}, 未变 unchanged ${summary.unchanged}, 退回 rejected ${summary.rejected}, 警告 warnings ${summary.warnings} (${seconds.toFixed(1)} s)`)
        for (const e of summary.errors.slice(0, 20)) ctx.io.out(`  第 ${e.row} 行 row ${e.row}${e.column ? ` [${e.column}]` : ''} ${e.code}: ${e.message} / ${e.message_en}`)
        if (summary.errors.length > 20) ctx.io.out(`  …共 ${summary.errors.length} 个问题；退回数据文件：GET /api/v1/batches/${summary.batchId}/rejected`)
      } finally {
        bar?.stop()
      }
    }),
  )
}
