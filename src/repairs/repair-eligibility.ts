/**
 * May this record's publicity be repaired (信用修复) now? Pure: the facts come from the publicity
 * engine's explanation of the record and from what the applicant declares. The conditions are the
 * 2025 national ones (国办发〔2025〕22号; NDRC《信用修复管理办法》): the minimum period has passed,
 * the category may end early, the record is being published, the obligations are fulfilled and a
 * credit commitment (信用承诺书) is signed. Every unmet condition is listed, so that an applicant
 * learns everything at once rather than one refusal at a time.
 */
import type { Tier } from '../catalog/catalog.ts'

export interface RepairEligibilityInput {
  /** The record's tier; null for information that is not dishonesty information (licences, red lists). */
  tier: Tier | null
  /** The date from which repair may be applied for (the end of the minimum publicity period). */
  minimumEnd: string | null
  /** The date publication stops by itself at the latest (for the minor-tier note). */
  maximumEnd: string | null
  /** False for categories that never end early (e.g. 吊销营业执照, 责令停产停业). */
  earlyEndAllowed: boolean
  /** The publicity engine's state of the record: only 'shown' can be repaired. */
  state: string
  /**
   * The applicant's declarations. Absent before an application (the public 申请 button asks only
   * about the record); then these conditions are listed as still to provide, not as unmet.
   */
  applicant?: {
    obligations: { fulfilled: boolean; evidence: readonly string[] }
    commitmentSigned: boolean
  }
  /** YYYY-MM-DD in China. */
  today: string
}

export const repairConditions = ['not_dishonesty', 'minor_stops_itself', 'not_published', 'minimum_period', 'never_ends_early', 'obligations', 'commitment'] as const
export type RepairCondition = (typeof repairConditions)[number]

export interface UnmetCondition {
  condition: RepairCondition
  zh: string
  en: string
  /** When the condition will be met by itself (the minimum period's end, a minor record's end). */
  on?: string
}

export interface RepairEligibility {
  /** Every condition is met: an application with these declarations can be accepted. */
  eligible: boolean
  /** The record's own conditions are met: the subject may apply (bringing what `toProvide` lists). */
  mayApply: boolean
  unmet: UnmetCondition[]
  /** What the application itself must bring (when no declarations were given). */
  toProvide: UnmetCondition[]
}

const stateLabels: Record<string, string> = { shown: '公示中', ended: '公示期已届满', repaired: '已完成信用修复', revoked: '已撤销', archived: '已转为档案保存', deleted: '已删除', not_public: '不公示', not_started: '尚未开始公示', superseded: '已被新版本取代' }

const obligationsUnmet = (): UnmetCondition => ({ condition: 'obligations', zh: '须已纠正失信行为、履行法定义务，并提供履行义务的证明材料', en: 'The conduct must be corrected and the legal obligations fulfilled, with proof of fulfilment' })
const commitmentUnmet = (): UnmetCondition => ({ condition: 'commitment', zh: '须作出信用承诺（签署信用承诺书）', en: 'A credit commitment letter (信用承诺书) must be signed' })

export function repairEligibility(input: RepairEligibilityInput): RepairEligibility {
  const unmet: UnmetCondition[] = []
  const toProvide: UnmetCondition[] = []

  if (input.tier === null) {
    unmet.push({ condition: 'not_dishonesty', zh: '该信息不属于失信信息，无需信用修复', en: 'This is not dishonesty information; it needs no credit repair' })
  } else if (input.tier === 'minor') {
    // Minor dishonesty is published for at most 3 months and then stops without any application.
    unmet.push({
      condition: 'minor_stops_itself',
      zh: `轻微失信信息公示期满自动停止公示，无需申请信用修复${input.maximumEnd ? `（${input.maximumEnd} 起不再公示）` : ''}`,
      en: `Minor dishonesty information stops being published by itself; no repair application is needed${input.maximumEnd ? ` (not shown from ${input.maximumEnd})` : ''}`,
      ...(input.maximumEnd ? { on: input.maximumEnd } : {}),
    })
  }

  if (input.state !== 'shown') {
    const label = stateLabels[input.state] ?? input.state
    unmet.push({ condition: 'not_published', zh: `该信息当前未在公示（${label}），无需信用修复`, en: `The information is not being published now (${input.state}); there is nothing to repair` })
  }

  if (input.tier !== null && input.tier !== 'minor') {
    if (!input.earlyEndAllowed) {
      unmet.push({ condition: 'never_ends_early', zh: '该类失信信息依规不得提前停止公示，不予信用修复', en: 'Information of this category may never stop being published early; it cannot be repaired' })
    } else if (input.minimumEnd === null) {
      unmet.push({ condition: 'minimum_period', zh: '无法确定最短公示期，暂不能申请信用修复', en: 'The minimum publicity period cannot be determined; repair cannot be applied for yet' })
    } else if (input.today < input.minimumEnd) {
      unmet.push({ condition: 'minimum_period', zh: `最短公示期未满，${input.minimumEnd} 起可申请信用修复`, en: `The minimum publicity period has not passed; repair may be applied for from ${input.minimumEnd}`, on: input.minimumEnd })
    }
  }

  if (input.applicant) {
    const { obligations, commitmentSigned } = input.applicant
    if (!obligations.fulfilled || obligations.evidence.every((e) => e.trim() === '')) unmet.push(obligationsUnmet())
    if (!commitmentSigned) unmet.push(commitmentUnmet())
  } else {
    toProvide.push(obligationsUnmet(), commitmentUnmet())
  }

  const mayApply = unmet.length === 0
  return { eligible: mayApply && toProvide.length === 0, mayApply, unmet, toProvide }
}
