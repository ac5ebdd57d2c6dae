/** Credit check shapes (see /api/openapi.json, tag sanctions). */
export interface CheckSummary {
  id: number
  matter: { code: string; name: string; legalBasis: string }
  purpose: string
  department: string | null
  checkedBy: string
  at: string
  subjects: number
  found: number
  hits: number
  feedbackDueOn: string | null
  feedbackCount: number
  overdue: boolean
}

export type Trigger = { kind: 'list_entry'; recordId: number; category: string; listName: string } | { kind: 'negative_record'; recordId: number; category: string; tier: 'minor' | 'general' | 'serious' }

export interface ResultMeasure {
  code: string
  name: string
  effect: 'incentive' | 'punishment'
  part: string
  legalBasis: string
  implementers: string[]
  triggeredBy: Trigger[]
}

export interface CheckResult {
  position: number
  code: string
  found: boolean
  subjectId: number | null
  name?: string
  hit: boolean
  result: {
    entries: Array<{ recordId: number; category: string; listKind: 'red' | 'focus' | 'black'; listName: string; authority: string | null; decisionNumber: string | null; reason: string | null; listingDate: string | null; startDate: string | null; endDate: string | null }>
    negativeRecords: Array<{ recordId: number; category: string; tier: string }>
    punishments: ResultMeasure[]
    incentives: ResultMeasure[]
    why: string[]
  } | null
  error?: { code: string; message: string; message_en: string }
}

export interface Matter {
  code: string
  name: string
  nameEn: string
  legalBasis: string
}

export const tierLabels = { minor: ['轻微失信', 'minor'], general: ['一般失信', 'general'], serious: ['严重失信', 'serious'] } as const

export const feedbackOutcomes = {
  applied: ['已实施（已惩戒 / 已激励）', 'Applied'],
  not_adopted: ['未采纳（须说明理由）', 'Not adopted (give the reason)'],
  not_applicable: ['不适用（事项未办理等）', 'Not applicable'],
} as const
