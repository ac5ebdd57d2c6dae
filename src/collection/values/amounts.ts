/**
 * Amounts and other numbers, read without floating point: a decimal amount stays a normalised
 * decimal string ('1234.5', '0.2', '0'), so 0.1 + 0.2 never becomes 0.30000000000000004 on the way
 * into the store. Pure; never throws.
 *
 * parseAmount accepts: digits with an optional decimal point; thousands separators (',' '，') and
 * spaces anywhere; full-width digits (１２３); a leading '+'; exponent notation as spreadsheets
 * write it (1.5E+4); a currency prefix (人民币, ￥, ¥) and a trailing 整; and a trailing unit
 * (万元, 万, 元, 圆) when the field has a money unit (万元 or 元):
 *
 * - the field's own unit is simply dropped ('0.2万元' in a 万元 field → '0.2');
 * - the other money unit is converted exactly, by moving the decimal point, and reported
 *   (convertedFrom) so the validator can warn: '2000元' in a 万元 field → '0.2';
 * - a currency prefix without a unit (￥2000) says yuan, and is converted the same way.
 *
 * Rejected, each with its own reason: Chinese numerals (壹仟元, 一千元, 伍万, 2千) — 'chinese_numeral';
 * negative amounts — 'negative'; more than 6 decimals (after any conversion) — 'too_many_decimals';
 * more than 18 integer digits — 'too_large'; a unit on a field without one, or a unit that is not
 * money on a money field — 'unit'; anything else — 'format'.
 */
import { foldWidth, hasChineseNumeral, isDigit, isSpace } from './chars.ts'

export type AmountFailureReason = 'format' | 'chinese_numeral' | 'negative' | 'too_many_decimals' | 'too_large' | 'unit'

export type MoneyUnit = '元' | '万元'

export type AmountParseResult =
  | {
      ok: true
      /** Normalised decimal: no leading zeros, no trailing fraction zeros, '.' only with a fraction. */
      value: string
      /** Set when the value was written in the other money unit and converted to the field's unit. */
      convertedFrom?: MoneyUnit
    }
  | { ok: false; reason: AmountFailureReason; /** The unit that was written, for 'unit'. */ unit?: string }

export interface AmountOptions {
  /** The field's unit (catalog `unit`); 万元 and 元 convert into each other. */
  unit?: string
  /** Most decimals kept (default 6, decimal(18,6)). */
  maxDecimals?: number
  /** Most integer digits (default 18). */
  maxIntegerDigits?: number
}

const fail = (reason: AmountFailureReason, unit?: string): AmountParseResult =>
  unit === undefined ? { ok: false, reason } : { ok: false, reason, unit }

const WAN = 0x4e07 // 万
const YUAN = 0x5143 // 元
const YUAN2 = 0x5706 // 圆
const ZHENG = 0x6574 // 整

/** Reads an amount; see the module comment. */
export function parseAmount(input: string, options: AmountOptions = {}): AmountParseResult {
  const maxDecimals = options.maxDecimals ?? 6
  const maxIntegerDigits = options.maxIntegerDigits ?? 18
  const fieldUnit = options.unit
  if (input.length > 200) return fail('format')

  // 1. Fold widths; drop spaces and thousands separators.
  let s = ''
  let plain = true
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i)
    if (c >= 48 && c <= 57) continue
    if (c === 46) continue
    plain = false
    break
  }
  if (plain) {
    s = input
  } else {
    for (let i = 0; i < input.length; i++) {
      const c = foldWidth(input.charCodeAt(i))
      if (isSpace(c) || c === 44 || c === 0xff0c) continue
      s += String.fromCharCode(c)
    }
  }
  if (s.length === 0) return fail('format')

  // 2. Currency prefix and unit suffix.
  let written: MoneyUnit | 'other' | undefined
  let otherUnit = ''
  if (!plain) {
    let currencyPrefix = false
    if (s.startsWith('人民币')) {
      s = s.slice(3)
      currencyPrefix = true
    } else if (s.startsWith('RMB') || s.startsWith('CNY')) {
      s = s.slice(3)
      currencyPrefix = true
    } else if (s.charCodeAt(0) === 0xffe5 || s.charCodeAt(0) === 0xa5) {
      s = s.slice(1)
      currencyPrefix = true
    }
    if (s.charCodeAt(s.length - 1) === ZHENG) s = s.slice(0, -1)
    const last = s.charCodeAt(s.length - 1)
    if (last === YUAN || last === YUAN2) {
      if (s.charCodeAt(s.length - 2) === WAN) {
        written = '万元'
        s = s.slice(0, -2)
      } else {
        written = '元'
        s = s.slice(0, -1)
      }
    } else if (last === WAN && s.length > 1 && !hasChineseNumeral(s.slice(0, -1))) {
      written = '万元'
      s = s.slice(0, -1)
    } else if (fieldUnit !== undefined && fieldUnit !== '' && s.endsWith(fieldUnit) && s.length > fieldUnit.length) {
      written = fieldUnit === '万元' || fieldUnit === '元' ? fieldUnit : 'other'
      otherUnit = fieldUnit
      s = s.slice(0, -fieldUnit.length)
    }
    if (currencyPrefix && written === undefined) written = '元'
    if (hasChineseNumeral(s)) return fail('chinese_numeral')
  }

  // 3. Sign.
  let i = 0
  const first = s.charCodeAt(0)
  let negative = false
  if (first === 45 || first === 0x2212) {
    negative = true
    i = 1
  } else if (first === 43) {
    i = 1
  }

  // 4. Digits, point, digits, exponent.
  const intStart = i
  while (i < s.length && isDigit(s.charCodeAt(i))) i++
  let intDigits = s.slice(intStart, i)
  let fracDigits = ''
  if (i < s.length && s.charCodeAt(i) === 46) {
    i++
    const fracStart = i
    while (i < s.length && isDigit(s.charCodeAt(i))) i++
    fracDigits = s.slice(fracStart, i)
  }
  if (intDigits.length === 0 && fracDigits.length === 0) return fail('format')
  let exponent = 0
  if (i < s.length && (s.charCodeAt(i) === 69 || s.charCodeAt(i) === 101)) {
    i++
    let expNegative = false
    if (s.charCodeAt(i) === 43) i++
    else if (s.charCodeAt(i) === 45) {
      expNegative = true
      i++
    }
    const expStart = i
    while (i < s.length && isDigit(s.charCodeAt(i))) i++
    if (i === expStart || i - expStart > 3) return fail('format')
    exponent = Number(s.slice(expStart, i)) * (expNegative ? -1 : 1)
  }
  if (i !== s.length) return fail('format')

  // 5. Units.
  let convertedFrom: MoneyUnit | undefined
  if (written !== undefined) {
    const fieldIsMoney = fieldUnit === '万元' || fieldUnit === '元'
    if (written === 'other') {
      // The field's own non-money unit, dropped.
    } else if (!fieldIsMoney) {
      return fail('unit', written === undefined ? otherUnit : written)
    } else if (written !== fieldUnit) {
      convertedFrom = written
      exponent += written === '元' ? -4 : 4
    }
  }

  // 6. Normalise: shift the point by the exponent, strip zeros.
  if (exponent !== 0) {
    if (exponent > 0) {
      const take = fracDigits.slice(0, exponent)
      intDigits += take + '0'.repeat(exponent - take.length)
      fracDigits = fracDigits.slice(take.length)
    } else {
      const k = -exponent
      const padded = intDigits.length < k ? '0'.repeat(k - intDigits.length) + intDigits : intDigits
      fracDigits = padded.slice(padded.length - k) + fracDigits
      intDigits = padded.slice(0, padded.length - k)
    }
  }
  let a = 0
  while (a < intDigits.length - 1 && intDigits.charCodeAt(a) === 48) a++
  intDigits = a > 0 ? intDigits.slice(a) : intDigits
  if (intDigits.length === 0) intDigits = '0'
  let b = fracDigits.length
  while (b > 0 && fracDigits.charCodeAt(b - 1) === 48) b--
  fracDigits = b < fracDigits.length ? fracDigits.slice(0, b) : fracDigits

  if (negative && !(intDigits === '0' && fracDigits === '')) return fail('negative')
  if (fracDigits.length > maxDecimals) return fail('too_many_decimals')
  if (intDigits.length > maxIntegerDigits) return fail('too_large')
  const value = fracDigits === '' ? intDigits : `${intDigits}.${fracDigits}`
  return convertedFrom === undefined ? { ok: true, value } : { ok: true, value, convertedFrom }
}

export type IntegerParseResult = { ok: true; value: number } | { ok: false; reason: 'format' | 'chinese_numeral' | 'too_large' }

/**
 * Reads a whole number: digits with thousands separators and full-width forms, an optional sign,
 * and a zero fraction as spreadsheets write integers ('2024.0'). Safe integers only.
 */
export function parseInteger(input: string): IntegerParseResult {
  const r = parseSignedDecimal(input)
  if (!r.ok) return r.reason === 'chinese_numeral' ? { ok: false, reason: 'chinese_numeral' } : { ok: false, reason: 'format' }
  if (r.value.includes('.')) return { ok: false, reason: 'format' }
  const n = Number(r.value)
  if (!Number.isSafeInteger(n)) return { ok: false, reason: 'too_large' }
  return { ok: true, value: n === 0 ? 0 : n }
}

/** parseAmount without units, allowing a sign: the normalised text of a signed decimal. */
function parseSignedDecimal(input: string): { ok: true; value: string } | { ok: false; reason: AmountFailureReason } {
  let t = input.trim()
  let sign = ''
  const c0 = foldWidth(t.charCodeAt(0))
  if (c0 === 45 || c0 === 0x2212) {
    sign = '-'
    t = t.slice(1)
  }
  if (t.length > 0 && foldWidth(t.charCodeAt(0)) === 45) return { ok: false, reason: 'format' }
  const r = parseAmount(t, { maxDecimals: 1000, maxIntegerDigits: 30 })
  if (!r.ok) return r
  return { ok: true, value: r.value === '0' ? '0' : sign + r.value }
}

export type BooleanParseResult = { ok: true; value: boolean } | { ok: false }

const TRUE_WORDS = new Set(['是', '有', 'TRUE', 'T', 'Y', 'YES', '1', '√', '✓'])
const FALSE_WORDS = new Set(['否', '无', 'FALSE', 'F', 'N', 'NO', '0', '×', '✗'])

/** Reads 是/否, true/false, Y/N, yes/no, 1/0 (any letter case, full width folded). */
export function parseBoolean(input: string): BooleanParseResult {
  let t = ''
  for (let i = 0; i < input.length; i++) {
    const c = foldWidth(input.charCodeAt(i))
    if (isSpace(c)) continue
    t += String.fromCharCode(c)
  }
  t = t.toUpperCase()
  if (TRUE_WORDS.has(t)) return { ok: true, value: true }
  if (FALSE_WORDS.has(t)) return { ok: true, value: false }
  return { ok: false }
}

/** Compares two normalised non-negative decimal strings numerically: −1, 0 or 1. */
export function compareDecimals(a: string, b: string): number {
  const ai = a.indexOf('.')
  const bi = b.indexOf('.')
  const aInt = ai < 0 ? a : a.slice(0, ai)
  const bInt = bi < 0 ? b : b.slice(0, bi)
  if (aInt.length !== bInt.length) return aInt.length < bInt.length ? -1 : 1
  if (aInt !== bInt) return aInt < bInt ? -1 : 1
  const aFrac = ai < 0 ? '' : a.slice(ai + 1)
  const bFrac = bi < 0 ? '' : b.slice(bi + 1)
  const len = Math.max(aFrac.length, bFrac.length)
  const af = aFrac.padEnd(len, '0')
  const bf = bFrac.padEnd(len, '0')
  return af === bf ? 0 : af < bf ? -1 : 1
}

/**
 * The yuan figures a text states ('罚款2000元', '罚款人民币2,000.00元整'), normalised like parseAmount
 * values; figures in 万元 ('0.2万元') are not yuan figures and are skipped.
 */
export function yuanFiguresIn(text: string): string[] {
  const out: string[] = []
  let from = 0
  for (;;) {
    const at = text.indexOf('元', from)
    if (at < 0) break
    from = at + 1
    let j = at - 1
    while (j >= 0 && isSpace(text.charCodeAt(j))) j--
    if (j >= 0 && text.charCodeAt(j) === WAN) continue
    const end = j + 1
    while (j >= 0) {
      const c = foldWidth(text.charCodeAt(j))
      if (isDigit(c) || c === 46 || c === 44 || c === 0xff0c) j--
      else break
    }
    const figure = text.slice(j + 1, end)
    if (figure.length === 0) continue
    const r = parseAmount(figure)
    if (r.ok) out.push(r.value)
  }
  return out
}
