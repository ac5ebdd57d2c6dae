/** Shapes of the public API answers the site's newer pages read (see /api/openapi.json). */
export type ListKind = 'red' | 'focus' | 'black'

export interface ListEntryView {
  recordId: number
  category: string
  listKind: ListKind
  listName: string
  status: string
  statusLabel: string
  subject: { id: number; name: string; kind: string; identifier: string | null }
  authority: string | null
  reason: string | null
  legalBasis: string | null
  decisionNumber: string | null
  listingDate: string | null
  startDate: string | null
  endDate: string | null
  removalDate: string | null
}

export interface ListPage {
  kind: ListKind
  page: number
  pageSize?: number
  total: number
  items: ListEntryView[]
}

export interface CommitmentView {
  recordId: number
  subject: { id: number; name: string }
  kind: string | null
  kindLabel: string | null
  matter: string | null
  content: string | null
  number: string | null
  madeOn: string
  termEnd: string | null
  acceptingUnit: string | null
  status: string
  statusLabel: string
  breachedOn: string | null
}

export interface NoticeSummary {
  id: number
  category: 'policy' | 'news'
  title: string
  source: string | null
  publishedAt: string
  unpublishedAt: string | null
  excerpt: string
}

export interface Notice extends Omit<NoticeSummary, 'excerpt'> {
  body: string
}

export interface NoticePage {
  page: number
  pageSize: number
  total: number
  items: NoticeSummary[]
}

export const listKinds: Record<ListKind, readonly [string, string]> = {
  red: ['红名单', 'Red list'],
  focus: ['重点关注名单', 'Focus list'],
  black: ['严重失信主体名单', 'Serious dishonesty list'],
}

export const noticeCategories = {
  policy: ['信用政策', 'Credit policy'],
  news: ['信用动态', 'Credit news'],
} as const
