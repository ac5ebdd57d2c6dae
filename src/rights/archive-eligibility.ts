/**
 * Whether a subject may have a record archived (转为档案保存) now. Pure. 河南条例 Art. 44: once the
 * disclosure period has expired, the subject may demand that the information be archived; before
 * that, or for information shown without an end (trust information shown long-term, a list entry
 * shown until removal), the request is refused with the reason. A record already archived or
 * deleted cannot be archived again; an approved credit repair has ended its publicity already.
 */
import type { DecisionKind } from '../publicity/record-decisions.ts'
import { addDays } from '../publicity/dates.ts'

export interface ArchiveFacts {
  /** Today in China, YYYY-MM-DD. */
  today: string
  /** The first day the record is no longer shown (exclusive end); null when its publicity has no end. */
  publicityEnd: string | null
  status: string
  decisions: ReadonlyArray<{ kind: DecisionKind }>
}

export interface Refusal {
  code: string
  zh: string
  en: string
}

export type ArchiveEligibility = { eligible: true } | { eligible: false; reasons: Refusal[] }

export function archiveEligibility(f: ArchiveFacts): ArchiveEligibility {
  const reasons: Refusal[] = []
  const has = (kind: DecisionKind) => f.decisions.some((d) => d.kind === kind)
  if (has('deleted')) reasons.push({ code: 'ARCHIVE_RECORD_DELETED', zh: '该记录已因异议处理删除', en: 'The record was deleted on an objection' })
  else if (has('archived') || f.status === 'archived') reasons.push({ code: 'ARCHIVE_ALREADY_ARCHIVED', zh: '该记录已转为档案保存', en: 'The record is archived already' })
  else if (!has('repaired')) {
    if (f.publicityEnd === null) {
      reasons.push({ code: 'ARCHIVE_PERIOD_OPEN', zh: '该记录的公示没有截止日期（长期公示或公示至移出名单之日），不能申请转为档案保存', en: 'The record is shown without an end date (long-term, or until removal from a list); it cannot be archived on request' })
    } else if (f.today < f.publicityEnd) {
      const lastDay = addDays(f.publicityEnd, -1)
      reasons.push({ code: 'ARCHIVE_PERIOD_NOT_ENDED', zh: `公示期至 ${lastDay} 届满，${f.publicityEnd} 起方可申请转为档案保存`, en: `The publicity period runs until ${lastDay}; archiving may be requested from ${f.publicityEnd}` })
    }
  }
  return reasons.length ? { eligible: false, reasons } : { eligible: true }
}
