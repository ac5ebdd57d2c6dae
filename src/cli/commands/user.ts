import type { Command } from 'commander'
import { generatePassword } from '../../security/passwords.ts'
import { cliActor } from '../../security/actor.ts'
import { isRole, roles, type Role } from '../../security/roles.ts'
import { AppError } from '../../errors.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)]

export function parseRoles(values: string[]): Role[] {
  const bad = values.filter((r) => !isRole(r))
  if (bad.length) throw new AppError('ROLE_UNKNOWN', `未知角色：${bad.join('、')}；可用：${roles.join('、')}`, `Unknown role(s): ${bad.join(', ')}; known: ${roles.join(', ')}`)
  return values as Role[]
}

export function registerUser(program: Command, ctx: CommandContext) {
  const user = program.command('user').description('用户 Users')
  withDbOption(
    user
      .command('add')
      .description('新增用户；不给密码时生成并显示一次 Add a user; without --password one is generated and shown once')
      .requiredOption('--username <name>', '登录名')
      .option('--name <display>', '姓名')
      .option('--department <code>', '所属部门代码')
      .option('--role <role>', `角色，可重复或逗号分隔 ${roles.join(' | ')}`, collect, [])
      .option('--password <password>', '密码；不给则生成'),
  ).action(async (o: { username: string; name?: string; department?: string; role: string[]; password?: string; db?: string }) => {
    const chosen = parseRoles(o.role)
    const password = o.password ?? generatePassword()
    await usePlatform(ctx, o, async (platform) => {
      const added = await platform.access.addUser(cliActor(ctx.io.env.USER), { username: o.username, displayName: o.name ?? o.username, password, departmentCode: o.department ?? null, roles: chosen })
      ctx.io.out(JSON.stringify(added))
      if (!o.password) ctx.io.out(`初始密码（仅显示一次）Initial password (shown once): ${password}`)
    })
  })
}
