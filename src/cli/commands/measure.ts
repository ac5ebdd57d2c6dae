import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { cliActor } from '../../security/actor.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

export function registerMeasure(program: Command, ctx: CommandContext) {
  const measure = program.command('measure').description('奖惩措施与事项 The measure and matter catalogs')

  withDbOption(measure.command('list').description('列出措施（--matters 列出事项）List measures').option('--matters', '事项 matters instead')).action(async (o: { matters?: boolean; db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      if (o.matters) for (const m of await platform.measures.listMatters()) ctx.io.out(`${m.definition.code}  ${m.definition.name}  v${m.version}  ${m.definition.legalBasis}`)
      else for (const m of await platform.measures.listMeasures()) ctx.io.out(`${m.definition.code}  ${m.definition.effect === 'incentive' ? '激励' : '惩戒'}  ${m.definition.name}  v${m.version}${m.status === 'active' ? '' : ` [${m.status}]`}  事项 ${m.definition.matters.join(',')}`)
    }),
  )

  withDbOption(measure.command('show <code>').description('措施定义 A measure’s definition (JSON)')).action(async (code: string, o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const m = await platform.measures.getMeasure(code)
      ctx.io.out(JSON.stringify({ ...m.definition, version: m.version, status: m.status, updatedAt: m.updatedAt, updatedBy: m.updatedBy }, null, 2))
    }),
  )

  withDbOption(measure.command('set <file>').description('安装或修改措施（JSON：一个措施或数组；{"matter": …} 为事项）Install or revise measures from JSON').option('--matter', '文件是事项 the file holds matters')).action(
    async (file: string, o: { matter?: boolean; db?: string }) =>
      usePlatform(ctx, o, async (platform) => {
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown
        const actor = cliActor(ctx.io.env.USER)
        for (const definition of Array.isArray(parsed) ? parsed : [parsed]) {
          ctx.io.out(JSON.stringify(o.matter ? await platform.measures.setMatter(actor, definition) : await platform.measures.setMeasure(actor, definition)))
        }
      }),
  )
}
