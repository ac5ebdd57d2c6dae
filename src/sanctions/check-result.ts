/**
 * What a credit check says about one subject, as stored and answered: the entries in force, the
 * negative records that set off a measure, each measure with its legal basis and what triggered
 * it, and the reasons in words. Kept as said at the time (a later edit of the measure catalog does
 * not rewrite an old answer). And the feedback rules: which measures a department may report for a
 * subject, and what each outcome needs. Pure.
 */
import { AppError } from '../errors.ts'
import type { Tier } from '../catalog/catalog.ts'
import type { CheckOutcome, Trigger, AppliedMeasure } from './credit-check.ts'
import type { ListEntry } from './list-entry.ts'
import type { Measure } from './measures.ts'

export interface ResultMeasure {
  code: string
  name: string
  effect: 'incentive' | 'punishment'
  part: string
  legalBasis: string
  implementers: string[]
  triggeredBy: Trigger[]
}

/** A measure as a check stated it: kept once with the check, so a later edit of the catalog does not rewrite its answers. */
export type MeasureStatement = Omit<ResultMeasure, 'triggeredBy'>

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
  negativeRecords: Array<{ recordId: number; category: string; tier: Tier }>
  punishments: ResultMeasure[]
  incentives: ResultMeasure[]
  /** Why, one sentence a measure (Chinese). */
  why: string[]
}

/**
 * What is stored of one subject's answer: the entries and records it rests on, and each measure by
 * code with the records that triggered it. The measures' wording (kept once with the check) and
 * the reasons are put back on reading (answerOf): a batch of 100,000 subjects stores half the bytes.
 */
export interface StoredResult {
  entries: ResultEntry[]
  negativeRecords: CheckResultBody['negativeRecords']
  punishments: MeasureRef[]
  incentives: MeasureRef[]
}

export interface MeasureRef {
  code: string
  /** Record ids of the entries and negative records above. */
  triggeredBy: number[]
}

export const measureStatement = (m: Measure): MeasureStatement => ({ code: m.code, name: m.name, effect: m.effect, part: m.part, legalBasis: m.legalBasis, implementers: m.implementers })

const tierLabel = { minor: '轻微失信', general: '一般失信', serious: '严重失信' } as const
const trigger = (t: Trigger): string => (t.kind === 'list_entry' ? `列入「${t.listName}」（记录 ${t.recordId}）` : `失信信息 ${t.category}（记录 ${t.recordId}，${tierLabel[t.tier]}）在公示期内`)

const refOf = (a: AppliedMeasure): MeasureRef => ({ code: a.measure.code, triggeredBy: a.triggeredBy.map((t) => t.recordId) })

/** null when there is nothing to say: no entry in force, no record, no measure. */
export function storedResult(o: CheckOutcome): StoredResult | null {
  if (o.activeEntries.length === 0 && o.negativeRecords.length === 0 && o.punishments.length === 0 && o.incentives.length === 0) return null
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
    punishments: o.punishments.map(refOf),
    incentives: o.incentives.map(refOf),
  }
}

/** The answer as stated: each measure in the check's own wording, its triggers, and why. */
export function answerOf(stored: StoredResult, statements: ReadonlyMap<string, MeasureStatement>): CheckResultBody {
  const triggerOf = (recordId: number): Trigger => {
    const e = stored.entries.find((x) => x.recordId === recordId)
    if (e) return { kind: 'list_entry', recordId, category: e.category, listName: e.listName }
    const n = stored.negativeRecords.find((x) => x.recordId === recordId)
    return n ? { kind: 'negative_record', recordId, category: n.category, tier: n.tier } : { kind: 'negative_record', recordId, category: '', tier: 'general' }
  }
  const measureOf = (ref: MeasureRef, effect: MeasureStatement['effect']): ResultMeasure => ({
    ...(statements.get(ref.code) ?? { code: ref.code, name: ref.code, effect, part: '', legalBasis: '', implementers: [] }),
    triggeredBy: ref.triggeredBy.map(triggerOf),
  })
  const punishments = stored.punishments.map((p) => measureOf(p, 'punishment'))
  const incentives = stored.incentives.map((p) => measureOf(p, 'incentive'))
  const why = [...punishments, ...incentives].map((m) => `${m.code} ${m.name}：因${m.triggeredBy.map(trigger).join('、')}（${m.legalBasis}）`)
  if (incentives.length === 0 && stored.entries.some((e) => e.listKind === 'red') && stored.entries.some((e) => e.listKind === 'black')) {
    why.push('列入严重失信主体名单期间不享受守信激励措施（《河南省社会信用条例》第三十四条）')
  }
  return { entries: stored.entries, negativeRecords: stored.negativeRecords, punishments, incentives, why }
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
