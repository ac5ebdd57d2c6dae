/**
 * A list entry's status, derived from its dates at query time and never stored (as SAM.gov derives
 * "active"): an entry is in force from its start until its end or removal. A black-list entry needs
 * the written pre-notice of 河南条例 Art. 28 (basis, reasons, measures, the right to object) served
 * before it takes effect; without one it triggers nothing.
 */
import type { ListKind } from './measures.ts'

export interface ListEntry {
  recordId: number
  subjectId: number
  /** Catalog item code of the list. */
  category: string
  listKind: ListKind
  listName: string
  authority: string | null
  reason: string | null
  legalBasis: string | null
  decisionNumber: string | null
  /** 列入日期: the day the authority decided to list. */
  listingDate: string | null
  /** 生效日期: from this day the entry is in force (defaults to the listing date). */
  startDate: string | null
  /** 有效期至: the last day in force. */
  endDate: string | null
  /** 移出日期: not in force from this day. */
  removalDate: string | null
  /** The record was withdrawn by its provider (revoked) or deleted on an objection. */
  withdrawn: boolean
  preNoticeRequired: boolean
  /** When the written pre-notice was served, if it was. */
  preNoticeServedOn: string | null
}

export type ListEntryStatus = 'awaiting_pre_notice' | 'pending' | 'active' | 'expired' | 'removed' | 'withdrawn'

export function listEntryStatus(entry: ListEntry, today: string): ListEntryStatus {
  if (entry.withdrawn) return 'withdrawn'
  if (entry.removalDate !== null && entry.removalDate <= today) return 'removed'
  if (entry.endDate !== null && entry.endDate < today) return 'expired'
  const start = entry.startDate ?? entry.listingDate
  if (entry.preNoticeRequired && (entry.preNoticeServedOn === null || (start !== null && entry.preNoticeServedOn > start))) return 'awaiting_pre_notice'
  if (start === null || start > today) return 'pending'
  return 'active'
}

export const statusLabels: Record<ListEntryStatus, { zh: string; en: string }> = {
  awaiting_pre_notice: { zh: '待送达事先告知', en: 'Awaiting written pre-notice' },
  pending: { zh: '尚未生效', en: 'Not yet in force' },
  active: { zh: '有效', en: 'In force' },
  expired: { zh: '已到期', en: 'Expired' },
  removed: { zh: '已移出', en: 'Removed' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
}
