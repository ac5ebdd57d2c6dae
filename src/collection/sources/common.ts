/** What every reader shares: the size and row limits' errors and the blank-row rule. */
import { AppError } from '../../errors.ts'

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} B`

export const tooLarge = (maxBytes: number) =>
  new AppError(
    'FILE_TOO_LARGE',
    `文件超过大小上限（${formatBytes(maxBytes)}），请拆分后分批上传`,
    `The file is larger than the limit of ${formatBytes(maxBytes)}; split it and upload the parts separately`,
    { kind: 'too_large', details: { maxBytes } },
  )

export const tooManyRows = (maxRows: number) =>
  new AppError(
    'FILE_TOO_MANY_ROWS',
    `文件数据行数超过上限（${maxRows.toLocaleString('en-US')} 行），请拆分后分批上传`,
    `The file has more than ${maxRows.toLocaleString('en-US')} data rows; split it and upload the parts separately`,
    { kind: 'too_large', details: { maxRows } },
  )

/** True when every value is empty or whitespace (a blank line or a row of empty cells): such rows are skipped. */
export const isBlankRow = (values: readonly string[]): boolean => {
  for (const v of values) if (v !== '' && v.trim() !== '') return false
  return true
}
