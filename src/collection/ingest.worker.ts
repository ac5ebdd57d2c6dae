/**
 * Worker thread: reads a file, validates and protects its rows, and posts prepared chunks to the
 * writing thread, never more than a few ahead (the writer acknowledges each chunk).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openFileSource } from './sources/open-source.ts'
import { prepareChunks } from './prepare-chunks.ts'
import { createPersonalDataCipher } from '../security/personal-data.ts'
import { isAppError } from '../errors.ts'
import { openFingerprintProbe } from '../db/fingerprint-probe.ts'
import type { IngestWorkerInput, IngestWorkerMessage, IngestWriterMessage } from './ingest-worker-protocol.ts'

const input = workerData as IngestWorkerInput
const port = parentPort!
const MAX_IN_FLIGHT = 3
let inFlight = 0
let wake: (() => void) | undefined
let started: (keys: string[] | null) => void
const standingKeys = new Promise<string[] | null>((resolve) => (started = resolve))
port.on('message', (m: IngestWriterMessage) => {
  if (m.type === 'ack') {
    inFlight--
    wake?.()
  } else if (m.type === 'start') started(m.standingKeys)
})
const post = (message: IngestWorkerMessage) => port.postMessage(message)

try {
  const source = await openFileSource(input.path, input.limits)
  const probe = await openFingerprintProbe(input.store.url, input.store.schema)
  const { summary, start } = prepareChunks(source, {
    definition: input.definition,
    catalogVersion: input.catalogVersion,
    probe,
    codeTables: input.codeTables,
    today: input.today,
    cipher: createPersonalDataCipher(Buffer.from(input.dataKey)),
    chunkSize: input.chunkSize,
  })
  post({ type: 'summary', summary })
  for await (const chunk of start(await standingKeys)) {
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve))
    inFlight++
    post({ type: 'chunk', chunk })
  }
  await probe.close()
  post({ type: 'done' })
} catch (error) {
  post({
    type: 'error',
    error: isAppError(error)
      ? { code: error.code, zh: error.zh, en: error.en, kind: error.kind }
      : { code: 'FILE_UNREADABLE', zh: `文件无法读取：${(error as Error).message}`, en: `The file cannot be read: ${(error as Error).message}`, kind: 'invalid' },
  })
}
