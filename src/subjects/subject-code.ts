/**
 * Turns whatever a caller typed (USCC, organisation code, legacy registration or tax number,
 * resident identity number, or a subject id) into the keys to look a subject up by. Pure.
 */
import { identify, type IdentifierResult } from '../identifiers/index.ts'
import { AppError } from '../errors.ts'
import type { IdentifierScheme } from './subject.ts'

export type SubjectLookupKey =
  | { by: 'value'; scheme: IdentifierScheme; value: string }
  | { by: 'personal'; scheme: IdentifierScheme; value: string }
  | { by: 'id'; id: number }

export function subjectLookupKeys(code: string): SubjectLookupKey[] {
  const result = identify(code)
  const keys: SubjectLookupKey[] = []
  if (result.valid) {
    const key = keyFor(result)
    if (key) keys.push(key)
    // A 15-digit number can be both a registration number and a first-generation identity number.
    const alternative = result.details?.['alternativeKind']
    if (alternative === 'resident_id' || alternative === 'registration_number') {
      const other = identify(code, { expect: alternative })
      const otherKey = other.valid ? keyFor(other) : undefined
      if (otherKey) keys.push(otherKey)
    }
  } else if (result.normalized.length === 15) {
    // A pre-2015 tax registration number: 6-digit region + 9-character organisation code.
    const orgCode = identify(result.normalized.slice(6), { expect: 'org_code' })
    if (/^\d{6}$/.test(result.normalized.slice(0, 6)) && orgCode.valid) keys.push({ by: 'value', scheme: 'tax_number', value: result.normalized })
  }
  const digits = result.normalized
  if (/^\d{1,12}$/.test(digits) && Number(digits) > 0) keys.push({ by: 'id', id: Number(digits) })
  if (keys.length === 0) {
    throw new AppError(
      'SUBJECT_CODE_INVALID',
      `无法识别的主体代码：${result.error?.zh ?? '不是有效的统一社会信用代码、组织机构代码、注册号或身份证号码'}`,
      `Not a subject code: ${result.error?.en ?? 'not a valid USCC, organisation code, registration number or identity number'}`,
      { details: { field: 'code', value: code.slice(0, 64), identifier: result } },
    )
  }
  return keys
}

function keyFor(result: IdentifierResult): SubjectLookupKey | undefined {
  switch (result.kind) {
    case 'uscc':
      return { by: 'value', scheme: 'uscc', value: result.normalized }
    case 'org_code':
      return { by: 'value', scheme: 'org_code', value: result.normalized }
    case 'registration_number':
      return { by: 'value', scheme: 'registration_number', value: result.normalized }
    case 'resident_id': {
      const upgraded = result.details?.['upgraded']
      return { by: 'personal', scheme: 'resident_id', value: typeof upgraded === 'string' ? upgraded : result.normalized }
    }
    default:
      return undefined
  }
}
