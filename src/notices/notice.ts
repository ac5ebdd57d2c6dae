/** A notice (公告): a policy document (信用政策) or a news item (信用动态), as plain text. */
export const noticeCategories = ['policy', 'news'] as const
export type NoticeCategory = (typeof noticeCategories)[number]

export const noticeCategoryLabels: Record<NoticeCategory, { zh: string; en: string }> = {
  policy: { zh: '信用政策', en: 'Credit policy' },
  news: { zh: '信用动态', en: 'Credit news' },
}

export interface Notice {
  id: number
  category: NoticeCategory
  title: string
  /** Issuer or document number (发文单位、文号), shown under the title. */
  source: string | null
  /** Plain text; paragraphs are separated by line breaks. Never HTML. */
  body: string
  publishedAt: string
  /** Set while the notice is withdrawn from the public site. */
  unpublishedAt: string | null
  createdBy: string
  createdAt: string
  updatedAt: string
}

/** What a list shows: the notice without its body, with the opening words. */
export interface NoticeSummary extends Omit<Notice, 'body'> {
  excerpt: string
}

export const noticeLimits = { title: 200, source: 200, body: 50_000, excerpt: 120 } as const

/** The first words of the body on one line, for lists. Pure. */
export function excerptOf(body: string, length: number = noticeLimits.excerpt): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return [...flat].length > length ? `${[...flat].slice(0, length).join('')}…` : flat
}

/** Paragraphs of a body: non-empty lines, trimmed. Pure; the web app renders each as text. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
}
