/** Batch shapes from the collection API. */
export interface Issue {
  row: number
  column: string | null
  value: string | null
  code: string
  message: string
  message_en: string
}

export interface BatchSummary {
  batchId: number
  received: number
  accepted: number
  updated: number
  unchanged: number
  rejected: number
  warnings: number
  errors: Issue[]
}

export interface Batch {
  id: number
  departmentId: number
  departmentCode: string
  category: string
  catalogVersion: number
  channel: string
  fileName: string | null
  status: 'validating' | 'committed' | 'failed' | 'interrupted'
  submittedBy: string
  received: number
  accepted: number
  updated: number
  unchanged: number
  rejected: number
  warnings: number
  createdAt: string
  completedAt: string | null
  failure: { code: string; message: string; message_en: string } | null
}

export const rejectedFileUrl = (batchId: number, format: 'csv' | 'xlsx') => `/api/v1/batches/${batchId}/rejected?format=${format}`

export const shanghaiTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
