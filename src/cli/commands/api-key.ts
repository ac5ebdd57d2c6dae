import type { Command } from 'commander'
import { cliActor } from '../../security/actor.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'
import { parseRoles } from './user.ts'

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)]

export function registerApiKey(program: Command, ctx: CommandContext) {
  const apikey = program.command('apikey').description('API 密钥 API keys for department systems')
  withDbOption(
    apikey
      .command('create')
      .description('创建 API 密钥，密钥只显示这一次 Create an API key; the key is shown this once')
      .requiredOption('--department <code>', '部门代码')
      .requiredOption('--name <name>', '用途，如 市场监管局执法系统')
      .option('--role <role>', 'department_operator | department_reviewer | credit_checker（可重复）', collect, [])
      .option('--expires <iso>', '到期时间 ISO-8601'),
  ).action(async (o: { department: string; name: string; role: string[]; expires?: string; db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const { key, apiKey } = await platform.access.createApiKey(cliActor(ctx.io.env.USER), {
        name: o.name,
        departmentCode: o.department,
        roles: parseRoles(o.role.length ? o.role : ['department_operator']),
        expiresAt: o.expires ?? null,
      })
      ctx.io.out(JSON.stringify({ ...apiKey, key }))
      ctx.io.err('请立即保存该密钥，之后无法再次查看 Store the key now; it cannot be shown again')
    }),
  )
  withDbOption(apikey.command('revoke').description('吊销 API 密钥 Revoke an API key').argument('<prefix>')).action(async (prefix: string, o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      await platform.access.revokeApiKey(cliActor(ctx.io.env.USER), prefix)
      ctx.io.out(`已吊销 Revoked ${prefix}`)
    }),
  )
}
