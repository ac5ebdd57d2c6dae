import type { Command } from 'commander'
import { cliActor } from '../../security/actor.ts'
import { departmentKinds, type DepartmentKind } from '../../departments/department.ts'
import { AppError } from '../../errors.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

export function registerDepartment(program: Command, ctx: CommandContext) {
  const department = program.command('department').description('部门 Departments')
  withDbOption(
    department
      .command('add')
      .description('新增部门 Add a department')
      .requiredOption('--code <code>', '部门代码 e.g. SCJG')
      .requiredOption('--name <name>', '名称 e.g. 新乡市市场监督管理局')
      .option('--name-en <name>', 'English name')
      .option('--short-name <name>', '简称')
      .option('--uscc <code>', '统一社会信用代码')
      .option('--division <code>', '行政区划代码', '410700')
      .option('--parent <code>', '上级部门代码')
      .option('--kind <kind>', `类型 ${departmentKinds.join(' | ')}`, 'provider'),
  ).action(async (o: { code: string; name: string; nameEn?: string; shortName?: string; uscc?: string; division: string; parent?: string; kind: string; db?: string }) => {
    if (!(departmentKinds as readonly string[]).includes(o.kind)) throw new AppError('DEPARTMENT_KIND_INVALID', `部门类型须为 ${departmentKinds.join('、')}`, `Kind must be one of ${departmentKinds.join(', ')}`)
    await usePlatform(ctx, o, async (platform) => {
      const added = await platform.departments.add(cliActor(ctx.io.env.USER), {
        code: o.code,
        name: o.name,
        ...(o.nameEn ? { nameEn: o.nameEn } : {}),
        shortName: o.shortName ?? null,
        uscc: o.uscc ?? null,
        division: o.division,
        parentCode: o.parent ?? null,
        kind: o.kind as DepartmentKind,
      })
      ctx.io.out(JSON.stringify(added))
    })
  })
  withDbOption(department.command('list').description('部门列表 List departments')).action(async (o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      for (const d of await platform.departments.list()) ctx.io.out(`${d.code.padEnd(8)} ${d.kind.padEnd(16)} ${d.uscc ?? '-'.padEnd(18)} ${d.name}`)
    }),
  )
}
