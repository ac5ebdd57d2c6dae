import type { Command } from 'commander'
import { readFile, writeFile } from 'node:fs/promises'
import { cliActor } from '../../security/actor.ts'
import { AppError } from '../../errors.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

const sharingLabel = { public: '公开', government: '政务共享', authorised: '授权查询', none: '不予共享' } as const
const natureLabel = { positive: '守信', negative: '失信', neutral: '中性' } as const

export function registerCatalog(program: Command, ctx: CommandContext) {
  const catalog = program.command('catalog').description('信用信息目录 Catalog')

  withDbOption(catalog.command('list').description('列出目录项 List items').option('--json', 'JSON lines')).action(async (o: { db?: string; json?: boolean }) =>
    usePlatform(ctx, o, async (platform) => {
      for (const { definition: d, version } of await platform.catalog.list()) {
        if (o.json) ctx.io.out(JSON.stringify({ code: d.code, name: d.name, version, nature: d.nature, sharingLevel: d.sharingLevel, fields: d.fields.length }))
        else ctx.io.out(`${d.code.padEnd(10)} v${String(version).padEnd(3)} ${natureLabel[d.nature]} ${sharingLabel[d.sharingLevel].padEnd(4, '　')} ${String(d.fields.length).padStart(3)} 字段  ${d.name}`)
      }
    }),
  )

  withDbOption(catalog.command('show').description('显示目录项定义（JSON）Show an item definition').argument('<code>').option('--version <n>', '版本号')).action(async (code: string, o: { db?: string; version?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const item = await platform.catalog.get(code, o.version ? Number(o.version) : undefined)
      ctx.io.out(JSON.stringify(item, null, 2))
    }),
  )

  withDbOption(catalog.command('export').description('导出全部目录项与代码表 Export the catalog as JSON').option('--out <file>', '写入文件，默认标准输出')).action(async (o: { db?: string; out?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const json = JSON.stringify(await platform.catalog.export(), null, 2)
      if (o.out) {
        await writeFile(o.out, json + '\n')
        ctx.io.err(`已导出 Exported to ${o.out}`)
      } else ctx.io.out(json)
    }),
  )

  withDbOption(
    catalog
      .command('import')
      .description('导入目录项：新项创建，变更项生成新版本 Import items: new ones created, changed ones revised')
      .argument('<file>', 'JSON: one item, an array of items, or an export ({items: [...]})')
      .option('--note <text>', '变更说明'),
  ).action(async (file: string, o: { db?: string; note?: string }) => {
    let json: unknown
    try {
      json = JSON.parse(await readFile(file, 'utf8'))
    } catch (error) {
      throw new AppError('CATALOG_FILE_UNREADABLE', `无法读取目录文件 ${file}：${(error as Error).message}`, `Cannot read catalog file ${file}: ${(error as Error).message}`)
    }
    const items = json && typeof json === 'object' && !Array.isArray(json) && 'items' in json ? (json as { items: unknown }).items : json
    await usePlatform(ctx, o, async (platform) => {
      for (const outcome of await platform.catalog.import(cliActor(ctx.io.env.USER), items, o.note)) ctx.io.out(JSON.stringify(outcome))
    })
  })

  withDbOption(
    catalog
      .command('template')
      .description('生成报送模板 Write a submission template')
      .argument('<code>')
      .option('--format <format>', 'csv | xlsx', 'xlsx')
      .requiredOption('--out <file>', '输出文件'),
  ).action(async (code: string, o: { db?: string; format: string; out: string }) => {
    if (o.format !== 'csv' && o.format !== 'xlsx') throw new AppError('TEMPLATE_FORMAT_INVALID', '模板格式须为 csv 或 xlsx', 'The template format must be csv or xlsx')
    await usePlatform(ctx, o, async (platform) => {
      const file = await platform.catalog.template(code, o.format as 'csv' | 'xlsx')
      await writeFile(o.out, file.body)
      ctx.io.out(`已生成 Wrote ${o.out} (${file.body.length} bytes)`)
    })
  })
}
