/** Issues raised by the pipeline around the validator: control characters, linking, files. */
import type { RowIssue } from './collection.ts'

const messages = {
  COLLECTION_CONTROL_CHARACTER: { severity: 'error', zh: (c: string) => `${c} 含有不可见的控制字符`, en: (c: string) => `${c} contains a control character` },
  COLLECTION_NAME_DIFFERS: {
    severity: 'warning',
    zh: (c: string, v: string, known?: string) => `${c}「${v}」与平台登记的名称「${known}」不一致，已记为曾用名/别名`,
    en: (c: string, v: string, known?: string) => `${c} "${v}" differs from the registered name "${known}"; recorded as an alias`,
  },
  COLLECTION_DUPLICATE_IN_BATCH: {
    severity: 'warning',
    zh: (c: string, v: string) => `本批次中业务主键 ${v} 出现多次，以后出现的行为准`,
    en: (c: string, v: string) => `Business key ${v} appears more than once in this batch; the later row wins`,
  },
} as const

export type CollectionIssueCode = keyof typeof messages

export function collectionIssue(code: CollectionIssueCode, row: number, column: string | null, value: string | null, extra?: string): RowIssue {
  const m = messages[code]
  const c = column ?? ''
  const v = value ?? ''
  return { row, column, value, code, message: m.zh(c, v, extra), message_en: m.en(c, v, extra), severity: m.severity }
}
