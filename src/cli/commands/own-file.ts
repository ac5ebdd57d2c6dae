/**
 * The service-hall counter (办事大厅窗口): after verifying a subject in person, staff show it its own
 * file and take its request to archive a record whose publicity period has passed.
 */
import type { Command } from 'commander'
import { cliActor } from '../../security/actor.ts'
import { AppError, notFound } from '../../errors.ts'
import type { Platform } from '../../platform.ts'
import type { VerifiedSubject } from '../../profiles/profile.service.ts'
import type { OwnFile } from '../../rights/own-file.service.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

async function verified(platform: Platform, code: string, verifiedBy: string | undefined): Promise<VerifiedSubject> {
  const channel = verifiedBy?.trim()
  if (!channel) throw new AppError('VERIFICATION_REQUIRED', '请用 --verified-by 写明核验身份的渠道（如 办事大厅窗口）', 'Say with --verified-by how the identity was verified (e.g. service-hall counter)', { details: { field: 'verified-by' } })
  const subjectId = await platform.subjects.resolveId(code)
  if (subjectId === undefined) throw notFound('SUBJECT_NOT_FOUND', `未找到信用主体 ${code}`, `No credit subject found for ${code}`)
  return { subjectId, verifiedBy: channel }
}

function print(ctx: CommandContext, file: OwnFile) {
  ctx.io.out(`信用主体 Subject: ${file.subject.name}（${file.subject.kind}，id ${file.subject.id}）核验渠道 verified by: ${file.verifiedBy}；截至 as of ${file.asOf}`)
  ctx.io.out(`记录 Records: ${file.records.length}`)
  for (const r of file.records) {
    const end = r.publicity ? r.publicity.end : r.dates.publicityEnd
    const archive = r.archive.eligible ? '可申请转为档案保存 may be archived' : r.archive.reasons.map((x) => x.code).join(',')
    const decided = r.decisions.length ? ` 决定 decisions: ${r.decisions.map((d) => d.kind).join(',')}` : ''
    ctx.io.out(`  #${r.id} ${r.categoryName} ${r.category} v${r.version} ${r.status}${r.underObjection ? ' 异议处理中' : ''} ${r.publicNow ? '公示中 shown' : '未公示 not shown'} 公示止于 ends ${end ?? '—'} ${archive}${decided}`)
  }
  const count = (list: readonly unknown[] | null) => (list === null ? '未接入 not available' : String(list.length))
  ctx.io.out(`异议 Objections: ${count(file.objections)}；信用修复 Repairs: ${count(file.repairs)}`)
  ctx.io.out(`查询记录 Who read your non-public data: ${file.readers.length}`)
  for (const q of file.readers) ctx.io.out(`  ${q.at} ${q.department?.name ?? '信用办'} ${q.purpose}${q.recordIds.length ? ` records ${q.recordIds.join(',')}` : ''}`)
}

export function registerOwnFile(program: Command, ctx: CommandContext) {
  const ownFile = withDbOption(
    program
      .command('own-file')
      .description('本人查询 A verified subject’s own file (service-hall counter)')
      .argument('<code>', '主体代码 USCC, resident ID or subject id')
      .option('--verified-by <channel>', '核验渠道 How the identity was verified, e.g. 办事大厅窗口')
      .option('--json', '输出 JSON Print as JSON'),
  ).action(async (code: string, o: { verifiedBy?: string; json?: boolean; db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const file = await platform.rights.ownFile(await verified(platform, code, o.verifiedBy))
      if (o.json) ctx.io.out(JSON.stringify(file))
      else print(ctx, file)
    }),
  )
  withDbOption(
    ownFile
      .command('archive')
      .description('申请转为档案保存 Archive a record whose publicity period has passed (河南条例 Art. 44)')
      .argument('<code>', '主体代码 USCC, resident ID or subject id')
      .argument('<recordId>', '记录编号 Record id')
      .option('--verified-by <channel>', '核验渠道 How the identity was verified'),
  ).action(async (code: string, recordId: string, _o: unknown, command: Command) => {
    // Options given after the subcommand may land on the parent: read both.
    const o = command.optsWithGlobals<{ verifiedBy?: string; db?: string }>()
    const id = Number(recordId)
    if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('RECORD_ID_INVALID', `记录编号无效：${recordId}`, `Not a record id: ${recordId}`)
    await usePlatform(ctx, o, async (platform) => {
      const done = await platform.rights.requestArchive(cliActor(ctx.io.env.USER), await verified(platform, code, o.verifiedBy), id)
      ctx.io.out(`已转为档案保存 Archived: 记录 record ${done.recordId}，决定 decision ${done.decisionId}，${done.effectiveAt}`)
    })
  })
}
