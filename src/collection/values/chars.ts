/**
 * Character helpers shared by the value parsers: all work on UTF-16 code units, without regular
 * expressions, because they run for every cell of million-row files.
 */

/** Folds a full-width ASCII form (U+FF01–U+FF5E) to ASCII and U+3000 to a space; other units as they are. */
export const foldWidth = (c: number): number => (c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 32 : c)

/** Whitespace as JavaScript's \s knows it, plus the zero-width characters exports leave behind. */
export const isSpace = (c: number): boolean => {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13)
  return (
    c === 0x00a0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

export const isDigit = (c: number): boolean => c >= 48 && c <= 57

/** Digits of Chinese numerals, ordinary and financial (大写) forms, and their units. */
const CHINESE_NUMERAL_CHARS = '零〇一二两兩三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟'
const chineseNumeralSet = new Set<number>()
for (let i = 0; i < CHINESE_NUMERAL_CHARS.length; i++) chineseNumeralSet.add(CHINESE_NUMERAL_CHARS.charCodeAt(i))

export const isChineseNumeral = (c: number): boolean => chineseNumeralSet.has(c)

/** Whether any character of s is a Chinese numeral. */
export const hasChineseNumeral = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (chineseNumeralSet.has(s.charCodeAt(i))) return true
  return false
}

/** Number of Unicode code points (characters as people count them) in s. */
export const codePointLength = (s: string): number => {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    n++
  }
  return n
}

/** Shortens a value for a message: at most `max` characters, '…' marking the cut. */
export const clipForMessage = (s: string, max = 60): string => (s.length > max ? `${s.slice(0, max)}…` : s)
