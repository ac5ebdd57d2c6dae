/**
 * What a subject search asks for, checked and put in the shared name normal form. Pure: the route
 * validates the same bounds with zod for the OpenAPI document; this guards every other caller.
 */
import { AppError } from '../errors.ts'
import { normalizeName, queryTerms } from '../subjects/subject-name.ts'
import type { SubjectKind } from '../subjects/subject-kind.ts'

export const searchLimits = {
  maxQueryLength: 50,
  defaultPageSize: 20,
  /** Public search is rate-limit friendly: a page never holds more than this. */
  maxPageSize: 50,
  /** Results reachable by paging; past them the caller must narrow the query. */
  maxResults: 500,
} as const

export interface SearchInput {
  q: string
  page?: number
  pageSize?: number
  kind?: SubjectKind
  /** GB/T 2260 code: a province or city code matches everything beneath it. */
  division?: string
  /** true: only subjects with negative records in force; false: only those without. */
  negative?: boolean
}

export interface SearchFilters {
  kind?: SubjectKind
  divisionPrefix?: string
  negative?: boolean
}

export interface SearchQuery {
  /** As typed, trimmed. */
  text: string
  normalized: string
  /** Index terms every match must hold (then confirmed as a substring of the normalised name). */
  terms: string[]
  page: number
  pageSize: number
  offset: number
  /** Distinct subjects to gather: this page and one more, so hasMore is known without a count. */
  window: number
  filters: SearchFilters
}

const invalid = (code: string, zh: string, en: string, field: string) => new AppError(code, zh, en, { details: { field } })

export function parseSearchQuery(input: SearchInput): SearchQuery {
  const text = input.q.trim()
  const length = [...text].length
  if (length === 0) throw invalid('SEARCH_QUERY_EMPTY', '请输入查询内容', 'Enter something to search for', 'q')
  if (length > searchLimits.maxQueryLength) {
    throw invalid('SEARCH_QUERY_TOO_LONG', `查询内容不能超过 ${searchLimits.maxQueryLength} 个字`, `A query is at most ${searchLimits.maxQueryLength} characters`, 'q')
  }
  const normalized = normalizeName(text)
  if (!normalized) throw invalid('SEARCH_QUERY_EMPTY', '请输入查询内容', 'Enter something to search for', 'q')

  const page = input.page ?? 1
  const pageSize = input.pageSize ?? searchLimits.defaultPageSize
  if (!Number.isInteger(page) || page < 1) throw invalid('SEARCH_PAGE_INVALID', '页码应为正整数', 'The page must be a positive integer', 'page')
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > searchLimits.maxPageSize) {
    throw invalid('SEARCH_PAGE_SIZE_INVALID', `每页条数应在 1 到 ${searchLimits.maxPageSize} 之间`, `The page size must be 1 to ${searchLimits.maxPageSize}`, 'pageSize')
  }
  const offset = (page - 1) * pageSize
  if (offset >= searchLimits.maxResults) {
    throw invalid('SEARCH_PAGE_TOO_DEEP', `最多可翻阅前 ${searchLimits.maxResults} 条结果，请缩小查询范围`, `Only the first ${searchLimits.maxResults} results can be paged through; narrow the query`, 'page')
  }

  const filters: SearchFilters = {}
  if (input.kind) filters.kind = input.kind
  if (input.division !== undefined) filters.divisionPrefix = divisionPrefix(input.division)
  if (input.negative !== undefined) filters.negative = input.negative

  return { text, normalized, terms: queryTerms(text), page, pageSize, offset, window: offset + pageSize + 1, filters }
}

/**
 * The code prefix a GB/T 2260 code covers: 410000 (province) → 41, 410700 (city) → 4107,
 * 410702 (district) → 410702.
 */
export function divisionPrefix(code: string): string {
  const c = code.trim()
  if (!/^[1-9]\d{5}$/.test(c)) throw invalid('SEARCH_DIVISION_INVALID', '行政区划代码应为 6 位数字（GB/T 2260）', 'A division is a 6-digit GB/T 2260 code', 'division')
  return c.endsWith('0000') ? c.slice(0, 2) : c.endsWith('00') ? c.slice(0, 4) : c
}
