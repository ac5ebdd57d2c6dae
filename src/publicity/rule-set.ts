/**
 * Publicity rule sets (公示期限规则) as versioned data with their legal basis. A set says, per tier
 * (轻微 / 一般 / 严重), how long dishonesty information is shown at least (before which no repair
 * ends it) and at most (when it stops automatically); how a record's tier follows from its fields
 * (penalty category → tier, a department's own table overriding the default); which penalty
 * categories never end early; the ceiling after which information is archived; and, per catalog
 * item, rules that replace the item's own publicity rule. Items the set does not name follow the
 * catalog's rule, with the set's tiers and ceiling. Pure: types and the zod schema that guards
 * every installed version.
 */
import { z } from 'zod'
import { tiers, type Tier } from '../catalog/catalog.ts'
import { AppError } from '../errors.ts'
import { isCalendarDate } from './dates.ts'

export const startFields = ['publication_date', 'decision_date'] as const
export type StartField = (typeof startFields)[number]

export interface TierPeriod {
  /** Shown at all: minor dishonesty is generally not published (国办发〔2025〕22号). */
  published: boolean
  /** Months from the start before which publicity cannot end early; from then repair may be applied for. */
  minimumMonths: number
  /** Months from the start at which publication stops automatically. */
  maximumMonths: number
  /** Credit repair may end it before the maximum. */
  earlyEnd: boolean
}

/** When a tier applies: codes of the record's penalty categories (处罚类别). */
export interface TierCondition {
  /** Any of the record's categories is one of these. */
  anyOf?: string[]
  /** Every one of the record's categories is one of these (e.g. only 警告/通报批评). */
  allIn?: string[]
  /** The fine (in the item's unit, 万元 for 行政处罚) is at most this (SAMR令第45号 较低数额罚款). */
  fineAtMost?: number
}

export interface TierRule {
  tier: Tier
  when: TierCondition
  /** What the rule says, in Chinese and English (shown in explanations). */
  label: string
  labelEn: string
}

export type ItemPublicityRule =
  | {
      kind: 'tiered'
      start: StartField
      defaultTier: Tier
      /** Replaces the set's tier periods for this item. */
      tiers?: Partial<Record<Tier, TierPeriod>>
      /** Replaces the set's default tier table for this item. */
      tierRules?: TierRule[]
      legalBasis: string
    }
  | { kind: 'fixed'; start: StartField | 'valid_from'; months: number; minimumMonths?: number; earlyEnd?: boolean; legalBasis: string }
  | { kind: 'until_valid_to'; legalBasis: string }
  | { kind: 'until_removed'; maximumYears?: number; earlyEnd?: boolean; legalBasis: string }
  | { kind: 'long_term'; legalBasis: string }
  | { kind: 'not_public'; legalBasis: string }

export interface PublicityRuleSetDefinition {
  name: string
  /** The first day (China time) on which this set decides publicity. */
  effectiveFrom: string
  legalBasis: string
  tiers: Record<Tier, TierPeriod>
  /** Default penalty category → tier table; the most serious matching tier wins. */
  tierRules: TierRule[]
  /** A department's own table (by department code) replaces the default for its records. */
  departmentTierRules: Record<string, TierRule[]>
  /** Penalty categories whose publicity never ends before the maximum (SAMR令第45号 提前停止公示). */
  neverEarlyEnd: { categories: string[]; legalBasis: string }
  /** Dishonesty information is archived (转为档案保存) this many years after its start; list entries not before removal. */
  ceiling: { years: number; legalBasis: string } | null
  /** A provider's own end date (公示截止期) that falls between the minimum and maximum ends publicity then. */
  honourProviderEnd: boolean
  /** Rules by catalog item code, replacing the item's own publicity rule. */
  items: Record<string, ItemPublicityRule>
}

export interface PublicityRuleSet extends PublicityRuleSetDefinition {
  version: number
  createdBy: string
  createdAt: string
}

const months = z.number().int().min(0).max(1200)
const tierPeriodSchema = z
  .strictObject({ published: z.boolean(), minimumMonths: months, maximumMonths: months, earlyEnd: z.boolean() })
  .refine((p) => p.minimumMonths <= p.maximumMonths, { message: 'minimumMonths must not exceed maximumMonths 最短期限不得长于最长期限' })
  .refine((p) => !p.published || p.maximumMonths > 0, { message: 'a published tier needs maximumMonths > 0 公示的档次须有最长期限' })
const code = z.string().min(1).max(40)
const tierRuleSchema = z.strictObject({
  tier: z.enum(tiers),
  when: z
    .strictObject({ anyOf: z.array(code).min(1).optional(), allIn: z.array(code).min(1).optional(), fineAtMost: z.number().nonnegative().optional() })
    .refine((w) => w.anyOf !== undefined || w.allIn !== undefined || w.fineAtMost !== undefined, { message: 'a tier rule needs a condition 档次规则须有条件' }),
  label: z.string().min(1).max(200),
  labelEn: z.string().min(1).max(200),
})
const basis = z.string().min(1).max(2000)
const date = z.string().refine(isCalendarDate, { message: 'a date YYYY-MM-DD 日期格式 YYYY-MM-DD' })

const itemRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('tiered'),
    start: z.enum(startFields),
    defaultTier: z.enum(tiers),
    tiers: z.strictObject({ minor: tierPeriodSchema.optional(), general: tierPeriodSchema.optional(), serious: tierPeriodSchema.optional() }).optional(),
    tierRules: z.array(tierRuleSchema).optional(),
    legalBasis: basis,
  }),
  z.strictObject({ kind: z.literal('fixed'), start: z.enum([...startFields, 'valid_from']), months: months.min(1), minimumMonths: months.optional(), earlyEnd: z.boolean().optional(), legalBasis: basis }),
  z.strictObject({ kind: z.literal('until_valid_to'), legalBasis: basis }),
  z.strictObject({ kind: z.literal('until_removed'), maximumYears: z.number().int().min(1).max(100).optional(), earlyEnd: z.boolean().optional(), legalBasis: basis }),
  z.strictObject({ kind: z.literal('long_term'), legalBasis: basis }),
  z.strictObject({ kind: z.literal('not_public'), legalBasis: basis }),
])

export const ruleSetDefinitionSchema = z.strictObject({
  name: z.string().min(1).max(200),
  effectiveFrom: date,
  legalBasis: basis,
  tiers: z.strictObject({ minor: tierPeriodSchema, general: tierPeriodSchema, serious: tierPeriodSchema }),
  tierRules: z.array(tierRuleSchema),
  departmentTierRules: z.record(z.string().regex(/^[A-Z0-9_]{1,40}$/), z.array(tierRuleSchema)),
  neverEarlyEnd: z.strictObject({ categories: z.array(code), legalBasis: z.string().max(2000) }),
  ceiling: z.strictObject({ years: z.number().int().min(1).max(100), legalBasis: basis }).nullable(),
  honourProviderEnd: z.boolean(),
  items: z.record(z.string().regex(/^[A-Z0-9_]{1,40}$/), itemRuleSchema),
})

/** Validates a rule set definition; one coded error lists every issue. */
export function parseRuleSetDefinition(json: unknown): PublicityRuleSetDefinition {
  const parsed = ruleSetDefinitionSchema.safeParse(json)
  if (parsed.success) return parsed.data as PublicityRuleSetDefinition
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  const first = issues[0]!
  throw new AppError(
    'PUBLICITY_RULES_INVALID',
    `公示规则有误：${first.path} ${first.message}${issues.length > 1 ? ` 等 ${issues.length} 处` : ''}`,
    `Invalid publicity rules: ${first.path} ${first.message}${issues.length > 1 ? ` and ${issues.length - 1} more` : ''}`,
    { details: { issues } },
  )
}

/** The set in force on a day: the latest version among those already effective (ties: the newer version). */
export function ruleSetInForce<T extends Pick<PublicityRuleSet, 'version' | 'effectiveFrom'>>(sets: readonly T[], today: string): T | undefined {
  let found: T | undefined
  for (const s of sets) {
    if (s.effectiveFrom > today) continue
    if (!found || s.effectiveFrom > found.effectiveFrom || (s.effectiveFrom === found.effectiveFrom && s.version > found.version)) found = s
  }
  return found
}
