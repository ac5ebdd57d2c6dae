/** Runs the validating half of the pipeline for a file on a worker thread, as an async stream of chunks. */
import { startTypeScriptWorker } from '../runtime/typescript-worker.ts'
import { AppError } from '../errors.ts'
import type { IngestWorkerInput, IngestWorkerMessage, IngestWriterMessage } from './ingest-worker-protocol.ts'
import type { PreparedChunk } from './prepared-record.ts'
import type { PreparedSource } from './prepare-chunks.ts'

export async function prepareFileOnWorker(input: IngestWorkerInput): Promise<PreparedSource> {
  const worker = startTypeScriptWorker(new URL('./ingest.worker.ts', import.meta.url), input, { maxHeapMb: 128, maxYoungMb: 16 })
  const queue: IngestWorkerMessage[] = []
  let notify: (() => void) | undefined
  let crashed: Error | undefined
  worker.on('message', (m: IngestWorkerMessage) => {
    queue.push(m)
    notify?.()
  })
  worker.on('error', (e) => {
    crashed = e
    notify?.()
  })
  worker.on('exit', () => notify?.())

  async function next(): Promise<IngestWorkerMessage> {
    for (;;) {
      const m = queue.shift()
      if (m) return m
      if (crashed) throw new AppError('FILE_UNREADABLE', `文件处理失败：${crashed.message}`, `Processing the file failed: ${crashed.message}`)
      await new Promise<void>((resolve) => (notify = resolve))
    }
  }
  const toError = (m: Extract<IngestWorkerMessage, { type: 'error' }>) => new AppError(m.error.code, m.error.zh, m.error.en, { kind: m.error.kind })

  const first = await next()
  if (first.type === 'error') {
    await worker.terminate()
    throw toError(first)
  }
  if (first.type !== 'summary') throw new Error('ingest worker protocol: expected a summary first')

  const tell = (m: IngestWriterMessage) => worker.postMessage(m)
  async function* chunks(standingKeys: string[] | null): AsyncGenerator<PreparedChunk & { rowsRead: number }> {
    try {
      tell({ type: 'start', standingKeys })
      for (;;) {
        const m = await next()
        if (m.type === 'done') return
        if (m.type === 'error') throw toError(m)
        if (m.type === 'chunk') {
          tell({ type: 'ack' })
          yield m.chunk
        }
      }
    } finally {
      await worker.terminate()
    }
  }
  return { summary: first.summary, start: chunks, stop: async () => void (await worker.terminate()) }
}
