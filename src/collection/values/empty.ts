/**
 * What counts as "no value" in a provider's cell.
 *
 * Empty: the empty string; whitespace only (incl. U+3000 ideographic space, NBSP and the
 * zero-width characters exports leave behind); and the null literals database dumps write for a
 * missing value — `null` in any letter case, `(null)` and `<null>`.
 *
 * Deliberately NOT empty: '/', '-', '—', '无', '暂无', 'N/A'. In Chinese exports they often stand
 * for "nothing", but '无' can be meaningful (没收违法所得：无) and a dash in a required column is
 * more often a mistake to be fixed than a statement. They are read as values: a '/' in a date or
 * amount column is rejected with a message that says to leave the cell empty instead
 * (see isPlaceholderText), a '无' in a text column is kept as written.
 */
import { isSpace } from './chars.ts'

export const isEmptyValue = (s: string | null | undefined): boolean => {
  if (s === null || s === undefined) return true
  const n = s.length
  if (n === 0) return true
  // Fast path: most cells start with a printable character that can begin no null literal.
  const c0 = s.charCodeAt(0)
  if (c0 > 32 && c0 !== 110 && c0 !== 78 && c0 !== 40 && c0 !== 60 && !isSpace(c0)) return false
  let start = 0
  let end = n
  while (start < end && isSpace(s.charCodeAt(start))) start++
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--
  const len = end - start
  if (len === 0) return true
  if (len !== 4 && len !== 6) return false
  const t = s.slice(start, end).toLowerCase()
  return t === 'null' || t === '(null)' || t === '<null>'
}

/** Texts people put in a cell to say "nothing here": rejected as dates or amounts with a hint to leave the cell empty. */
const PLACEHOLDERS = new Set(['/', '-', '--', '—', '——', '－', '／', '无', '暂无', '空', 'N/A', 'n/a', 'NA', '#N/A'])

export const isPlaceholderText = (s: string): boolean => PLACEHOLDERS.has(s.trim())
