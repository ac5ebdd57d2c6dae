import type { Command } from 'commander'
import { readFile } from 'node:fs/promises'
import { cliActor } from '../../security/actor.ts'
import { AppError } from '../../errors.ts'
import type { PublicityExplanation } from '../../publicity/publicity.service.ts'
import { usePlatform, withDbOption, type CommandContext } from './context.ts'

const stateLabel: Record<PublicityExplanation['state'], string> = {
  not_public: '不予公示 not published',
  not_started: '尚未开始公示 not yet shown',
  shown: '公示中 shown',
  ended: '公示期已满 ended',
  repaired: '已信用修复 repaired',
  archived: '已转为档案保存 archived',
  revoked: '已撤销 revoked',
  deleted: '已删除 deleted',
  superseded: '已被新版本取代 superseded',
}
const tierLabel = { minor: '轻微 minor', general: '一般 general', serious: '严重 serious' } as const
const tierSourceLabel = { provider: '报送单位认定 from the provider', department_table: '部门分级表 department table', default_table: '默认分级表 default table', item_default: '目录项默认 item default' } as const
const fieldLabel = { publication_date: '公布日期 publication date', decision_date: '决定日期 decision date', valid_from: '有效期起 valid from' } as const
const dash = (v: string | null) => v ?? '—'

export function explanationLines(e: PublicityExplanation): string[] {
  const lines = [
    `记录 Record ${e.recordId}  ${e.categoryName} (${e.category})  v${e.version}  报送 provider ${e.department}  状态 status ${e.status}`,
    `公示状态 State: ${stateLabel[e.state]}${e.shownToPublic ? '  — 社会公众可见 visible to the public' : '  — 社会公众不可见 not visible to the public'}`,
    `规则 Rule: 第 ${e.ruleSet.version} 版 version ${e.ruleSet.version}「${e.ruleSet.name}」(自 from ${e.ruleSet.effectiveFrom})  类型 kind ${e.ruleKind} (${e.ruleSource === 'rule_set' ? '规则集 rule set' : '目录项 catalog item'})`,
    `依据 Basis: ${e.legalBasis}`,
    `档次 Tier: ${e.tier ? `${tierLabel[e.tier]} (${tierSourceLabel[e.tierSource!]})` : '—'}${e.providerTier ? `  报送档次 provider's tier: ${e.providerTier}` : ''}`,
    `起算 Start: ${dash(e.start)}${e.startField ? ` (${fieldLabel[e.startField]})` : ''}`,
    `最短期满 Minimum end (repair from): ${dash(e.minimumEnd)}   最长期满 Maximum end: ${dash(e.maximumEnd)}`,
    `停止公示 Ends: ${dash(e.end)}   转档 Archived from: ${dash(e.ceiling)}   可提前结束 Early end allowed: ${e.earlyEndAllowed ? '是 yes' : '否 no'}`,
    `日期 Dates: 决定 decision ${dash(e.dates.decision)}, 公布 publication ${dash(e.dates.publication)}, 有效期 valid ${dash(e.dates.validFrom)} – ${dash(e.dates.validTo)}, 报送公示截止 provider's end ${dash(e.dates.publicityEnd)}`,
  ]
  for (const d of e.decisions) lines.push(`决定 Decision: ${d.kind} @ ${d.effectiveAt} (${d.sourceType} ${d.sourceId}) ${d.basis}`)
  lines.push('理由 Why:')
  for (const r of e.reasons) lines.push(`  · ${r.zh}`, `    ${r.en}`)
  lines.push(`截至 As of ${e.asOf.now} (${e.asOf.today})`)
  return lines
}

export function registerPublicity(program: Command, ctx: CommandContext) {
  const publicity = program.command('publicity').description('公示期限 Publicity rules, explanations and the scheduler')

  withDbOption(publicity.command('explain').description('说明记录为何公示或不公示 Explain why a record is shown or not').argument('<recordId>').option('--json', 'JSON')).action(async (id: string, o: { db?: string; json?: boolean }) => {
    const recordId = Number(id)
    if (!Number.isSafeInteger(recordId) || recordId <= 0) throw new AppError('RECORD_ID_INVALID', `记录编号无效：${id}`, `Invalid record id: ${id}`)
    await usePlatform(ctx, o, async (platform) => {
      const explanation = await platform.publicity.explain(recordId)
      if (o.json) ctx.io.out(JSON.stringify(explanation, null, 2))
      else for (const line of explanationLines(explanation)) ctx.io.out(line)
    })
  })

  withDbOption(publicity.command('tick').description('发布到期的公示结束和转档事件 Announce due window ends and archive days')).action(async (o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      const r = await platform.publicity.tick()
      ctx.io.out(`公示结束 ended ${r.ended}  转档 archived ${r.archived}`)
    }),
  )

  const rules = publicity.command('rules').description('公示规则版本 Publicity rule-set versions')
  withDbOption(rules.command('show').description('列出版本，或显示一版（JSON）List versions, or show one as JSON').argument('[version]')).action(async (version: string | undefined, o: { db?: string }) =>
    usePlatform(ctx, o, async (platform) => {
      if (version !== undefined) {
        ctx.io.out(JSON.stringify(await platform.publicity.ruleSet(Number(version)), null, 2))
        return
      }
      for (const s of await platform.publicity.ruleSets()) ctx.io.out(`v${String(s.version).padEnd(3)} ${s.inForce ? '现行 in force' : '　　        '} 自 from ${s.effectiveFrom}  ${s.name}  (${s.createdBy})`)
    }),
  )

  withDbOption(rules.command('install').description('安装新版公示规则 Install a new rule-set version').argument('<file>', 'JSON rule set (see `publicity rules show 1`)')).action(async (file: string, o: { db?: string }) => {
    let json: unknown
    try {
      json = JSON.parse(await readFile(file, 'utf8'))
    } catch (error) {
      throw new AppError('PUBLICITY_RULES_FILE_UNREADABLE', `无法读取规则文件 ${file}：${(error as Error).message}`, `Cannot read rules file ${file}: ${(error as Error).message}`)
    }
    // `rules show N` prints a stored version; its bookkeeping is not part of a definition.
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      const { version: _v, createdBy: _b, createdAt: _a, ...definition } = json as Record<string, unknown>
      json = definition
    }
    await usePlatform(ctx, o, async (platform) => {
      const s = await platform.publicity.installRuleSet(cliActor(ctx.io.env.USER), json)
      ctx.io.out(`已安装 Installed v${s.version} 自 from ${s.effectiveFrom}${s.inForce ? ' 现行 in force' : ''}: ${s.name}`)
    })
  })
}
