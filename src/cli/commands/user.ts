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

  withDbOption(
    user
      .command('update <username>')
      .description('修改用户的姓名、部门、角色或状态 Change a user’s name, department, roles or status')
      .option('--name <display>', '姓名')
      .option('--department <code>', '所属部门代码；"-" 为不属任何部门')
      .option('--role <role>', `新的全部角色，可重复或逗号分隔 ${roles.join(' | ')}`, collect, [])
      .option('--status <status>', 'active | disabled'),
  ).action(async (username: string, o: { name?: string; department?: string; role: string[]; status?: string; db?: string }) => {
    if (o.status !== undefined && o.status !== 'active' && o.status !== 'disabled') throw new AppError('USER_STATUS_INVALID', '状态须为 active 或 disabled', 'The status is active or disabled')
    const change = {
      ...(o.name ? { displayName: o.name } : {}),
      ...(o.department !== undefined ? { departmentCode: o.department === '-' ? null : o.department } : {}),
      ...(o.role.length ? { roles: parseRoles(o.role) } : {}),
      ...(o.status ? { status: o.status as 'active' | 'disabled' } : {}),
    }
    await usePlatform(ctx, o, async (platform) => ctx.io.out(JSON.stringify(await platform.access.updateUser(cliActor(ctx.io.env.USER), username, change))))
  })
  for (const [name, status, zh] of [['disable', 'disabled', '停用用户（立即结束其会话）'], ['enable', 'active', '启用用户']] as const) {
    withDbOption(user.command(`${name} <username>`).description(`${zh} ${name === 'disable' ? 'Disable a user (ends the sessions at once)' : 'Enable a user'}`)).action(async (username: string, o: { db?: string }) => {
      await usePlatform(ctx, o, async (platform) => ctx.io.out(JSON.stringify(await platform.access.updateUser(cliActor(ctx.io.env.USER), username, { status }))))
    })
  }
  withDbOption(
    user
      .command('password <username>')
      .description('重置密码；不给则生成并显示一次，用户的全部会话结束 Reset the password; without --password one is generated and shown once; the user’s sessions end')
      .option('--password <password>', '新密码'),
  ).action(async (username: string, o: { password?: string; db?: string }) => {
    const password = o.password ?? generatePassword()
    await usePlatform(ctx, o, async (platform) => {
      await platform.access.resetPassword(cliActor(ctx.io.env.USER), username, password)
      ctx.io.out(o.password ? `已重置 ${username} 的密码 Password reset` : `新密码（仅显示一次）New password (shown once): ${password}`)
    })
  })
}
