/**
 * What a credit check says about one subject, as stored and answered: the entries in force, the
 * negative records that set off a measure, each measure with its legal basis and what triggered
 * it, and the reasons in words. Kept as said at the time (a later edit of the measure catalog does
 * not rewrite an old answer). And the feedback rules: which measures a department may report for a
 * subject, and what each outcome needs. Pure.
 */
import { AppError } from '../errors.ts'
import type { CheckOutcome, Trigger, AppliedMeasure } from './credit-check.ts'
import type { ListEntry } from './list-entry.ts'

export interface ResultMeasure {
  code: string
  name: string
  effect: 'incentive' | 'punishment'
  part: string
  legalBasis: string
  implementers: string[]
  triggeredBy: Trigger[]
}

export interface ResultEntry {
  recordId: number
  category: string
  listKind: ListEntry['listKind']
  listName: string
  authority: string | null
  decisionNumber: string | null
  reason: string | null
  listingDate: string | null
  startDate: string | null
  endDate: string | null
}

export interface CheckResultBody {
  entries: ResultEntry[]
  negativeRecords: Array<{ recordId: number; category: string; tier: string }>
  punishments: ResultMeasure[]
  incentives: ResultMeasure[]
  /** Why, one sentence a measure (Chinese). */
  why: string[]
}

const trigger = (t: Trigger): string => (t.kind === 'list_entry' ? `列入「${t.listName}」（记录 ${t.recordId}）` : `失信信息 ${t.category}（记录 ${t.recordId}，${tierLabel[t.tier]}）在公示期内`)
const tierLabel = { minor: '轻微失信', general: '一般失信', serious: '严重失信' } as const

const measureOf = (a: AppliedMeasure): ResultMeasure => ({
  code: a.measure.code,
  name: a.measure.name,
  effect: a.measure.effect,
  part: a.measure.part,
  legalBasis: a.measure.legalBasis,
  implementers: a.measure.implementers,
  triggeredBy: a.triggeredBy,
})

/** null when there is nothing to say: no entry in force, no record, no measure. */
export function resultBody(o: CheckOutcome): CheckResultBody | null {
  if (o.activeEntries.length === 0 && o.negativeRecords.length === 0 && o.punishments.length === 0 && o.incentives.length === 0) return null
  const why = [
    ...o.punishments.map((p) => `${p.measure.code} ${p.measure.name}：因${p.triggeredBy.map(trigger).join('、')}（${p.measure.legalBasis}）`),
    ...o.incentives.map((p) => `${p.measure.code} ${p.measure.name}：因${p.triggeredBy.map(trigger).join('、')}（${p.measure.legalBasis}）`),
  ]
  if (o.incentives.length === 0 && o.activeEntries.some((e) => e.listKind === 'red') && o.activeEntries.some((e) => e.listKind === 'black')) {
    why.push('列入严重失信主体名单期间不享受守信激励措施（《河南省社会信用条例》第三十四条）')
  }
  return {
    entries: o.activeEntries.map((e) => ({
      recordId: e.recordId,
      category: e.category,
      listKind: e.listKind,
      listName: e.listName,
      authority: e.authority,
      decisionNumber: e.decisionNumber,
      reason: e.reason,
      listingDate: e.listingDate,
      startDate: e.startDate ?? e.listingDate,
      endDate: e.removalDate ?? e.endDate,
    })),
    negativeRecords: o.negativeRecords.map((r) => ({ recordId: r.recordId, category: r.category, tier: r.tier })),
    punishments: o.punishments.map(measureOf),
    incentives: o.incentives.map(measureOf),
    why,
  }
}

export const feedbackOutcomes = {
  applied: { zh: '已实施（已惩戒 / 已激励）', en: 'Applied' },
  not_adopted: { zh: '未采纳', en: 'Not adopted' },
  not_applicable: { zh: '不适用（事项未办理等）', en: 'Not applicable (matter not pursued, …)' },
} as const
export type FeedbackOutcome = keyof typeof feedbackOutcomes

/** Checks one subject's feedback against what the check said about it. Throws CHECK_FEEDBACK_* errors. */
export function checkFeedback(body: CheckResultBody | null, f: { code: string; measures: readonly string[]; outcome: FeedbackOutcome; reason?: string | undefined }): void {
  const offered = new Set([...(body?.punishments ?? []), ...(body?.incentives ?? [])].map((m) => m.code))
  const unknown = f.measures.filter((m) => !offered.has(m))
  if (unknown.length) {
    throw new AppError('CHECK_FEEDBACK_MEASURE_UNKNOWN', `${f.code}：核查结果中没有措施 ${unknown.join('、')}`, `${f.code}: the check named no measure ${unknown.join(', ')}`, { details: { code: f.code, measures: unknown } })
  }
  if (f.outcome === 'applied' && f.measures.length === 0) {
    throw new AppError('CHECK_FEEDBACK_MEASURES_REQUIRED', `${f.code}：已实施的须写明实施了哪些措施`, `${f.code}: name the measures applied`, { details: { code: f.code } })
  }
  if (f.outcome === 'not_adopted' && !f.reason?.trim()) {
    throw new AppError('CHECK_FEEDBACK_REASON_REQUIRED', `${f.code}：未采纳的须说明理由`, `${f.code}: give the reason for not adopting the measures`, { details: { code: f.code } })
  }
}
