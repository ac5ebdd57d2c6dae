/** Messages between the writing thread and the ingest worker. */
import type { CatalogItemDefinition, CodeTable } from '../catalog/catalog.ts'
import type { ErrorKind } from '../errors.ts'
import type { PreparedChunk, SourceSummary } from './prepared-record.ts'

export interface IngestWorkerInput {
  path: string
  limits: { maxBytes?: number; maxRows?: number; maxUncompressedBytes?: number }
  /** The store, for the fingerprint probe's own read-only connection. */
  store: { url: string; schema?: string }
  definition: CatalogItemDefinition
  catalogVersion: number
  codeTables: CodeTable[]
  today: string
  dataKey: Uint8Array
  chunkSize: number
}

/** To the worker: start reading rows (after the summary), and the acknowledgement of each chunk taken. */
export type IngestWriterMessage = { type: 'start'; standingKeys: string[] | null } | { type: 'ack' }

export type IngestWorkerMessage =
  | { type: 'summary'; summary: SourceSummary }
  | { type: 'chunk'; chunk: PreparedChunk & { rowsRead: number } }
  | { type: 'done' }
  | { type: 'error'; error: { code: string; zh: string; en: string; kind: ErrorKind } }
