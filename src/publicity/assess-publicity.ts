/**
 * Whether and why a record is shown to the public today: its tier, window, ceiling and state,
 * derived from its dates, its fields, its status and the decisions taken about it, under the rule
 * set in force. Pure and cheap (a profile assesses every record it holds). Nothing here is stored:
 * shown-or-not is always derived at query time.
 *
 * Dates are YYYY-MM-DD in China time; every end is exclusive (the first day no longer shown).
 */
import { tiers, type Tier } from '../catalog/catalog.ts'
import type { DecisionKind } from './record-decisions.ts'
import type { CompiledRule } from './compile-rules.ts'
import type { TierPeriod, TierRule } from './rule-set.ts'
import { addDays, addMonths, addYears, earliestOf, isCalendarDate, latestOf } from './dates.ts'

export const publicityStates = [
  'not_public', // the item or the tier is not published
  'not_started', // before the start
  'shown',
  'ended', // the window closed (maximum reached, list entry removed, licence expired)
  'repaired', // an approved credit repair ended it
  'archived', // past the ceiling (转为档案保存), or archived by decision
  'revoked', // withdrawn by the provider
  'deleted', // deleted on an objection's outcome
  'superseded', // an earlier version
] as const
export type PublicityState = (typeof publicityStates)[number]

export type RecordStatus = 'in_force' | 'revoked' | 'superseded' | 'archived'

export interface PublicityRecord {
  category: string
  /** The providing department's code: its own tier table applies. */
  departmentCode: string | null
  status: RecordStatus
  decisionDate: string | null
  publicationDate: string | null
  validFrom: string | null
  validTo: string | null
  /** The provider's 公示截止期: the last day it says is shown. */
  publicityEnd: string | null
  /** A list entry's 移出日期: not shown from that day. */
  removalDate: string | null
  /** The tier the provider sent, if any. */
  tier: string | null
  /** A validated field's value by key; read only when a tier or a removal date must be derived. */
  field: (key: string) => unknown
  decisions: ReadonlyArray<{ kind: DecisionKind; effectiveAt: string }>
}

export interface Reason {
  zh: string
  en: string
}

export type TierSource = 'provider' | 'department_table' | 'default_table' | 'item_default'
export type StartSource = 'publication_date' | 'decision_date' | 'valid_from'

export interface PublicityAssessment {
  state: PublicityState
  /** Shown to the public today (subject to the item's sharing level). */
  shown: boolean
  /** Taken out of use by its status or a decision: only the subject, the provider and the office see it. */
  withdrawn: boolean
  ruleSetVersion: number
  ruleKind: CompiledRule['rule']['kind']
  ruleSource: CompiledRule['source']
  legalBasis: string
  tier: Tier | null
  tierSource: TierSource | null
  start: string | null
  startField: StartSource | null
  /** From this day the publicity may be ended early (credit repair may be applied for). */
  minimumEnd: string | null
  /** The day publication stops automatically. */
  maximumEnd: string | null
  /** The day it is archived (转为档案保存). */
  ceiling: string | null
  /** The day it stops being shown, all rules applied (null: open-ended). */
  end: string | null
  /** Its kind, tier and categories allow publicity to end before the maximum. */
  earlyEndAllowed: boolean
  reasons: Reason[]
}

export interface AssessmentInstant {
  /** YYYY-MM-DD, China time. */
  today: string
  /** ISO instant: decisions take effect at theirs. */
  now: string
}

const severity: Record<Tier, number> = { minor: 0, general: 1, serious: 2 }
const tierLabel: Record<Tier, Reason> = { minor: { zh: '轻微失信', en: 'minor' }, general: { zh: '一般失信', en: 'general' }, serious: { zh: '严重失信', en: 'serious' } }
const fieldLabel: Record<StartSource, Reason> = { publication_date: { zh: '公布日期', en: 'publication date' }, decision_date: { zh: '决定日期', en: 'decision date' }, valid_from: { zh: '有效期起', en: 'valid-from date' } }

const isTier = (t: string | null): t is Tier => t !== null && (tiers as readonly string[]).includes(t)

function codesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  if (typeof value === 'string' && value) return value.split(/[,;、|]/).map((s) => s.trim()).filter(Boolean)
  return []
}

function matches(rule: TierRule, categories: readonly string[], fine: number | null): boolean {
  const w = rule.when
  if (w.anyOf && !categories.some((c) => w.anyOf!.includes(c))) return false
  if (w.allIn && (categories.length === 0 || !categories.every((c) => w.allIn!.includes(c)))) return false
  if (w.fineAtMost !== undefined && (fine === null || fine > w.fineAtMost)) return false
  return true
}

interface TierChoice {
  tier: Tier
  source: TierSource
  /** Built only when the assessment is explained. */
  reason: () => Reason
  categories: string[]
}

/** The provider's valid tier wins; else the most serious match in the department's or the default table; else the item's default. */
export function chooseTier(rule: CompiledRule, record: PublicityRecord, defaultTier: Tier): TierChoice {
  const categories = rule.categoryKeys.flatMap((k) => codesIn(record.field(k)))
  if (isTier(record.tier)) {
    const tier = record.tier
    return { tier, source: 'provider', categories, reason: () => ({ zh: `报送单位认定为${tierLabel[tier].zh}`, en: `the provider classed it ${tierLabel[tier].en}` }) }
  }
  const fine = rule.fineKeys.map((k) => record.field(k)).map((v) => (v === null || v === undefined || v === '' ? NaN : Number(v))).find((n) => Number.isFinite(n)) ?? null
  const own = record.departmentCode !== null ? rule.departmentTierRules[record.departmentCode] : undefined
  const table = own ?? rule.tierRules
  let best: TierRule | undefined
  for (const r of table) if (matches(r, categories, fine) && (!best || severity[r.tier] > severity[best.tier])) best = r
  if (best) {
    const chosen = best
    const department = record.departmentCode
    const whose = () => (own ? { zh: `${department} 的分级表`, en: `${department}'s tier table` } : { zh: '默认分级表', en: 'the default tier table' })
    return { tier: chosen.tier, source: own ? 'department_table' : 'default_table', categories, reason: () => ({ zh: `依${whose().zh}：${chosen.label}`, en: `by ${whose().en}: ${chosen.labelEn}` }) }
  }
  return { tier: defaultTier, source: 'item_default', categories, reason: () => ({ zh: `未匹配分级规则，按目录项默认档次${tierLabel[defaultTier].zh}`, en: `no tier rule matched: the item's default tier, ${tierLabel[defaultTier].en}` }) }
}

function dateIn(record: PublicityRecord, f: StartSource): string | null {
  return f === 'publication_date' ? record.publicationDate : f === 'decision_date' ? record.decisionDate : record.validFrom
}

function startOf(record: PublicityRecord, preferred: StartSource, fallbacks: readonly StartSource[]): { start: string | null; field: StartSource | null } {
  const first = dateIn(record, preferred)
  if (first !== null) return { start: first, field: preferred }
  for (const f of fallbacks) {
    const v = dateIn(record, f)
    if (v !== null) return { start: v, field: f }
  }
  return { start: null, field: null }
}

const dayAfter = (d: string | null) => (d === null ? null : addDays(d, 1))

/** Adds a reason when the assessment is explained; unexplained (a profile, a credit check) builds none. */
function say(reasons: Reason[] | null, reason: () => Reason): void {
  if (reasons) reasons.push(reason())
}

function removalFromFields(rule: CompiledRule, record: PublicityRecord): string | null {
  for (const k of rule.removalKeys) {
    const v = record.field(k)
    if (isCalendarDate(v)) return v
  }
  return null
}

const decisionPrecedence: DecisionKind[] = ['deleted', 'repaired', 'archived']

/**
 * `explain: false` leaves `reasons` empty: a profile or a credit check assesses every record it
 * reads and shows none of them, and the sentences cost more than the dates.
 */
export function assessPublicity(rule: CompiledRule, record: PublicityRecord, at: AssessmentInstant, options: { explain?: boolean } = {}): PublicityAssessment {
  const reasons: Reason[] = []
  const told = options.explain === false ? null : reasons
  const r = rule.rule
  const out: PublicityAssessment = {
    state: 'shown',
    shown: false,
    withdrawn: false,
    ruleSetVersion: rule.ruleSetVersion,
    ruleKind: r.kind,
    ruleSource: rule.source,
    legalBasis: r.legalBasis,
    tier: null,
    tierSource: null,
    start: null,
    startField: null,
    minimumEnd: null,
    maximumEnd: null,
    ceiling: null,
    end: null,
    earlyEndAllowed: false,
    reasons,
  }
  let published = true

  switch (r.kind) {
    case 'not_public':
      published = false
      say(told, () => ({ zh: '该目录项不向社会公开', en: 'records of this item are not published' }))
      break
    case 'tiered': {
      const choice = chooseTier(rule, record, r.defaultTier)
      const period: TierPeriod = rule.tiers[choice.tier]
      out.tier = choice.tier
      out.tierSource = choice.source
      say(told, choice.reason)
      const s = startOf(record, r.start, r.start === 'publication_date' ? ['decision_date'] : ['publication_date'])
      out.start = s.start
      out.startField = s.field
      const neverEarly = choice.categories.filter((c) => rule.neverEarlyEnd.has(c))
      out.earlyEndAllowed = period.published && period.earlyEnd && neverEarly.length === 0
      if (neverEarly.length) say(told, () => ({ zh: `处罚类别 ${neverEarly.join('、')} 不得提前停止公示（${rule.neverEarlyEndBasis}）`, en: `penalty categories ${neverEarly.join(', ')} never end early` }))
      if (!period.published) {
        published = false
        say(told, () => ({ zh: `${tierLabel[choice.tier].zh}信息不予公示`, en: `${tierLabel[choice.tier].en} information is not published` }))
        break
      }
      if (s.start === null) break
      if (s.field !== r.start) say(told, () => ({ zh: `缺少${fieldLabel[r.start].zh}，自${fieldLabel[s.field!].zh}起算`, en: `no ${fieldLabel[r.start].en}: counted from the ${fieldLabel[s.field!].en}` }))
      out.minimumEnd = addMonths(s.start, period.minimumMonths)
      out.maximumEnd = addMonths(s.start, period.maximumMonths)
      say(told, () => ({
        zh: `${tierLabel[choice.tier].zh}公示期自${fieldLabel[s.field!].zh} ${s.start} 起最短 ${period.minimumMonths} 个月、最长 ${period.maximumMonths} 个月，${out.maximumEnd} 起自动停止公示`,
        en: `a ${tierLabel[choice.tier].en} record is shown from its ${fieldLabel[s.field!].en} ${s.start} for at least ${period.minimumMonths} and at most ${period.maximumMonths} months; it stops automatically on ${out.maximumEnd}`,
      }))
      out.end = out.maximumEnd
      const providerEnd = dayAfter(record.publicityEnd)
      if (rule.honourProviderEnd && providerEnd !== null && providerEnd < out.maximumEnd) {
        if (providerEnd >= out.minimumEnd) {
          out.end = providerEnd
          say(told, () => ({ zh: `报送单位的公示截止期 ${record.publicityEnd} 在期限之内，从之`, en: `the provider's end date ${record.publicityEnd} lies within the period and is followed` }))
        } else {
          say(told, () => ({ zh: `报送单位的公示截止期 ${record.publicityEnd} 早于最短期限，不予采用（提前结束须经信用修复）`, en: `the provider's end date ${record.publicityEnd} is before the minimum and is not followed (ending early needs a credit repair)` }))
        }
      }
      break
    }
    case 'fixed': {
      const s = r.start === 'valid_from' ? startOf(record, 'valid_from', ['decision_date', 'publication_date']) : startOf(record, r.start, r.start === 'publication_date' ? ['decision_date'] : ['publication_date'])
      out.start = s.start
      out.startField = s.field
      out.earlyEndAllowed = r.earlyEnd ?? true
      if (s.start === null) break
      out.maximumEnd = addMonths(s.start, r.months)
      out.minimumEnd = addMonths(s.start, r.minimumMonths ?? 0)
      out.end = out.maximumEnd
      say(told, () => ({ zh: `自${fieldLabel[s.field!].zh} ${s.start} 起公示 ${r.months} 个月，至 ${out.maximumEnd} 停止`, en: `shown for ${r.months} months from its ${fieldLabel[s.field!].en} ${s.start}, until ${out.maximumEnd}` }))
      const providerEnd = dayAfter(record.publicityEnd)
      if (rule.honourProviderEnd && out.earlyEndAllowed && providerEnd !== null && providerEnd < out.end && providerEnd >= out.minimumEnd) {
        out.end = providerEnd
        say(told, () => ({ zh: `报送单位报送的公示截止期 ${record.publicityEnd} 较早，从之`, en: `the provider's earlier end date ${record.publicityEnd} is followed` }))
      }
      break
    }
    case 'until_valid_to': {
      const s = startOf(record, 'valid_from', ['decision_date', 'publication_date'])
      out.start = s.start
      out.startField = s.field
      out.end = dayAfter(record.validTo)
      out.maximumEnd = out.end
      say(told, () => (out.end ? { zh: `有效期内公示，至 ${record.validTo} 止`, en: `shown while valid, through ${record.validTo}` } : { zh: '有效期内公示，未设截止日期', en: 'shown while valid; no end date' }))
      break
    }
    case 'until_removed': {
      const removalDate = record.removalDate ?? removalFromFields(rule, record)
      const s = startOf(record, 'publication_date', ['decision_date', 'valid_from'])
      out.start = s.start
      out.startField = s.field
      out.earlyEndAllowed = r.earlyEnd ?? true
      const listEnd = s.start !== null && r.maximumYears !== undefined ? addYears(s.start, r.maximumYears) : null
      out.maximumEnd = listEnd
      out.end = earliestOf(removalDate, dayAfter(record.validTo), listEnd)
      if (removalDate !== null) say(told, () => ({ zh: `名单信息公示至移出之日 ${removalDate}`, en: `a list entry is shown until its removal on ${removalDate}` }))
      else say(told, () => ({ zh: `名单信息在列期间公示，直至移出${listEnd ? `（最长至 ${listEnd}）` : ''}`, en: `a list entry is shown while listed, until removal${listEnd ? ` (at the latest ${listEnd})` : ''}` }))
      break
    }
    case 'long_term': {
      const s = startOf(record, 'publication_date', ['decision_date', 'valid_from'])
      out.start = s.start
      out.startField = s.field
      out.end = dayAfter(record.validTo)
      say(told, () => ({ zh: `守信信息长期公示${out.end ? `，有效期至 ${record.validTo}` : ''}`, en: `trust information is shown long-term${out.end ? `, valid through ${record.validTo}` : ''}` }))
      break
    }
  }

  // The ceiling (河南条例 Art. 19): archived after it; a list entry is disclosed until removal first.
  if (rule.ceiling && out.start !== null && r.kind !== 'long_term' && r.kind !== 'not_public') {
    const years = rule.ceiling.years
    const ceiling = addYears(out.start, years)
    if (r.kind === 'until_removed') {
      out.ceiling = out.end === null ? null : latestOf(ceiling, out.end)
    } else {
      out.ceiling = ceiling
      out.end = earliestOf(out.end, ceiling)
    }
    if (out.ceiling) say(told, () => ({ zh: `失信信息最长公开 ${years} 年，${out.ceiling} 起转为档案保存`, en: `dishonesty information is disclosed for at most ${years} years and archived from ${out.ceiling}` }))
  }

  out.state = stateOf(out, record, published, at, told)
  out.shown = out.state === 'shown'
  return out
}

function stateOf(a: PublicityAssessment, record: PublicityRecord, published: boolean, at: AssessmentInstant, told: Reason[] | null): PublicityState {
  if (record.status === 'superseded') {
    say(told, () => ({ zh: '已被新版本取代', en: 'replaced by a newer version' }))
    return 'superseded'
  }
  if (record.status === 'revoked') {
    a.withdrawn = true
    say(told, () => ({ zh: '报送单位已撤销，立即撤下公示', en: 'revoked by the provider: withdrawn at once' }))
    return 'revoked'
  }
  const effective = new Set(record.decisions.filter((d) => d.effectiveAt <= at.now).map((d) => d.kind))
  const decided = decisionPrecedence.find((k) => effective.has(k))
  if (decided) {
    a.withdrawn = true
    const said: Record<DecisionKind, Reason> = {
      deleted: { zh: '异议处理决定删除，不再公示', en: 'deleted on an objection: no longer shown' },
      repaired: { zh: '信用修复已完成，停止公示（记录转为档案保存）', en: 'credit repair approved: publicity ended (the record is kept in the archive)' },
      archived: { zh: '已决定转为档案保存，停止公示', en: 'archived by decision: no longer shown' },
    }
    say(told, () => said[decided])
    return decided
  }
  if (record.status === 'archived') {
    a.withdrawn = true
    say(told, () => ({ zh: '记录已转为档案保存', en: 'the record is archived' }))
    return 'archived'
  }
  if (!published) return 'not_public'
  if (a.start === null) {
    say(told, () => ({ zh: '缺少起算日期，不予公示', en: 'no start date: not published' }))
    return 'not_public'
  }
  if (at.today < a.start) {
    say(told, () => ({ zh: `${a.start} 起公示`, en: `shown from ${a.start}` }))
    return 'not_started'
  }
  if (a.ceiling !== null && at.today >= a.ceiling) return 'archived'
  if (a.end !== null && at.today >= a.end) {
    say(told, () => ({ zh: `公示期已于 ${a.end} 结束`, en: `the publicity period ended on ${a.end}` }))
    return 'ended'
  }
  say(told, () => ({ zh: a.end ? `公示中，至 ${a.end} 停止` : '公示中', en: a.end ? `shown; it stops on ${a.end}` : 'shown' }))
  return 'shown'
}
