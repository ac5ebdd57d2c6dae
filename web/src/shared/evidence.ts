/**
 * The limits the API puts on evidence files (src/evidence/evidence-files.ts; a test keeps the two
 * equal), shown to applicants before they upload and checked in the browser first, so a wrong file
 * is named at once. The server checks again: its verdict, by the file's content, is the one that counts.
 */
const MB = 1024 * 1024
export const evidenceLimits = { maxFileBytes: 10 * MB, maxFiles: 10, maxCaseBytes: 30 * MB } as const
export const evidenceTypes = { zh: 'PDF、JPEG、PNG、OFD', en: 'PDF, JPEG, PNG, OFD' } as const
export const evidenceAccept = '.pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png'

const signatures: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'pdf'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'png'],
  // OFD is a ZIP package; the server confirms OFD.xml inside.
  [[0x50, 0x4b, 0x03, 0x04], 'ofd'],
]

/** The kind a file's first bytes announce, or undefined when it is none of the accepted ones. */
export function kindOf(head: Uint8Array): string | undefined {
  return signatures.find(([sig]) => head.length >= sig.length && sig.every((b, i) => head[i] === b))?.[1]
}

export type EvidenceProblem = { zh: string; en: string }

const mb = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`

/** Problems with a set of chosen files, in both languages; empty when they may be sent. */
export async function checkEvidenceFiles(files: readonly File[]): Promise<EvidenceProblem[]> {
  const problems: EvidenceProblem[] = []
  if (files.length > evidenceLimits.maxFiles) problems.push({ zh: `最多 ${evidenceLimits.maxFiles} 个文件`, en: `At most ${evidenceLimits.maxFiles} files` })
  let total = 0
  for (const f of files) {
    total += f.size
    if (f.size === 0) problems.push({ zh: `“${f.name}”是空文件`, en: `"${f.name}" is empty` })
    else if (f.size > evidenceLimits.maxFileBytes) problems.push({ zh: `“${f.name}”超过单个文件 ${mb(evidenceLimits.maxFileBytes)} 的上限`, en: `"${f.name}" exceeds ${mb(evidenceLimits.maxFileBytes)}` })
    else {
      const kind = kindOf(new Uint8Array(await f.slice(0, 8).arrayBuffer()))
      if (!kind || (kind === 'ofd' && !/\.ofd$/i.test(f.name))) problems.push({ zh: `“${f.name}”不是 ${evidenceTypes.zh} 文件`, en: `"${f.name}" is not a ${evidenceTypes.en} file` })
    }
  }
  if (total > evidenceLimits.maxCaseBytes) problems.push({ zh: `文件合计超过 ${mb(evidenceLimits.maxCaseBytes)}`, en: `Files together exceed ${mb(evidenceLimits.maxCaseBytes)}` })
  return problems
}

export const evidenceHint = {
  zh: `可上传 ${evidenceTypes.zh} 文件：单个不超过 ${mb(evidenceLimits.maxFileBytes)}，最多 ${evidenceLimits.maxFiles} 个，合计不超过 ${mb(evidenceLimits.maxCaseBytes)}。`,
  en: `${evidenceTypes.en} files: up to ${mb(evidenceLimits.maxFileBytes)} each, ${evidenceLimits.maxFiles} files and ${mb(evidenceLimits.maxCaseBytes)} in all.`,
} as const
