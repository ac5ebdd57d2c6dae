/**
 * Business keys (业务主键): the values that identify one record of an item, so that a corrected
 * resubmission supersedes the earlier version instead of creating a second record. For a penalty
 * the key is decision number + deciding authority's USCC (CF_WSH, CF_CFJGDM).
 *
 * Decision numbers are typed in many hands: 新市监罚〔2024〕12号, 新市监罚(2024)12号,
 * 新市监罚（2024）12号, 新市监罚[2024]12号 and 新市监罚【2024】 12号 are one number. normalizeKeyPart
 * folds full-width forms to ASCII, makes every bracket pair round — 〔〕［］【】（）()[]｛｝{}〖〗〘〙 → () —
 * unifies dashes, removes all whitespace (incl. U+3000 and zero-width characters) and upper-cases
 * Latin letters. Nothing else changes: '12号' and '第12号' stay different, as do leading zeros.
 */
import type { CatalogItemDefinition } from '../catalog/catalog.ts'
import type { PayloadValue } from './collection.ts'
import { isSpace } from './values/chars.ts'

/** Separates the parts of a key (U+001F UNIT SEPARATOR never occurs in a normalised part). */
export const BUSINESS_KEY_SEPARATOR = '\u001f'

const OPEN = new Set([0x28, 0x5b, 0x7b, 0x3014, 0xff3b, 0x3010, 0xff08, 0xff5b, 0x3016, 0x3018, 0x3008, 0x300a])
const CLOSE = new Set([0x29, 0x5d, 0x7d, 0x3015, 0xff3d, 0x3011, 0xff09, 0xff5d, 0x3017, 0x3019, 0x3009, 0x300b])

/** Normalises one key value (see the module comment). Idempotent. */
export function normalizeKeyPart(s: string): string {
  let out = ''
  let runStart = 0
  let changed = false
  const n = s.length
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    // Plain characters that stay as they are: digits, capitals, CJK and most others.
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 0x4e00 && c <= 0x9fff)) continue
    let r: string | null
    if (OPEN.has(c)) r = c === 0x28 ? null : '('
    else if (CLOSE.has(c)) r = c === 0x29 ? null : ')'
    else if (isSpace(c) || c < 32 || c === 0x7f) r = ''
    else if (c >= 97 && c <= 122) r = String.fromCharCode(c - 32)
    else if (c >= 0xff01 && c <= 0xff5e) {
      const a = c - 0xfee0
      r = a >= 97 && a <= 122 ? String.fromCharCode(a - 32) : String.fromCharCode(a)
    } else if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63) r = '-'
    else r = null
    if (r === null) continue
    if (!changed) {
      out = s.slice(0, i)
      changed = true
    } else {
      out += s.slice(runStart, i)
    }
    out += r
    runStart = i + 1
  }
  if (!changed) return s
  return out + s.slice(runStart)
}

/** Text of one payload value for a key: lists joined by ',', missing values empty. */
export const keyPartText = (v: PayloadValue | undefined): string => {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (Array.isArray(v)) return v.join(',')
  return String(v)
}

/** The business key of a payload: the item's key fields, normalised, joined by U+001F. */
export function businessKey(def: Pick<CatalogItemDefinition, 'businessKey'>, payload: Readonly<Record<string, PayloadValue>>): string {
  const keys = def.businessKey
  if (keys.length === 1) return normalizeKeyPart(keyPartText(payload[keys[0] as string]))
  let out = ''
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) out += BUSINESS_KEY_SEPARATOR
    out += normalizeKeyPart(keyPartText(payload[keys[i] as string]))
  }
  return out
}
