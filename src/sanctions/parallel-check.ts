/**
 * A large credit check uses both cores: the checking thread decides half its subjects while a
 * worker thread (check-worker.ts) decides the other half from the same store. The worker starts at
 * the first check of 1,000 subjects or more and stays; until it is ready, checks are decided on one
 * thread. A worker that fails is dropped and started again at the next such check.
 */
import type { Worker } from 'node:worker_threads'
import type { Config } from '../config.ts'
import type { AssessmentInstant } from '../publicity/assess-publicity.ts'
import type { MeasureStatement } from './check-result.ts'
import { startTypeScriptWorker } from '../runtime/typescript-worker.ts'

/** What a share of a check is decided for: the matter, the instant, the configuration generation read. */
export interface PartRequest {
  matter: string
  when: AssessmentInstant
  configAt: number
}

export interface SubjectDecision {
  hit: boolean
  /** The stored answer (check-result.ts StoredResult as JSON); null when there is nothing to say. */
  outcome: string | null
  /** The records it rests on (the query log names them). */
  recordIds: number[]
}

/** Decisions for the subjects that have something to say or are logged; the rest say nothing. */
export interface PartDecisions {
  decisions: Array<[number, SubjectDecision]>
  stated: MeasureStatement[]
}

// Checks this large start the worker (it takes a second or two), so the larger ones after find it ready.
const START_FROM = 1000

export interface CheckWorker {
  /** Starts the worker when a check of this size may use it; true once it is ready. */
  readyFor(subjects: number): boolean
  /** Resolves when the worker is ready (or has failed to start). */
  started(): Promise<boolean>
  /** The worker's decisions, or undefined when the configuration generation was not `part.configAt` throughout. */
  decide(subjects: Array<[number, { kind: string }]>, part: PartRequest): Promise<PartDecisions | undefined>
  /** How many subjects the worker has decided, and the check used, since it started. */
  decided(): number
  close(): Promise<void>
}

/** undefined where no second thread can share the store (an in-memory database) or it is turned off. */
export function checkWorkerFor(config: Config | undefined): CheckWorker | undefined {
  if (!config || config.parallelCheckFrom <= 0 || config.databaseUrl === ':memory:') return undefined
  let worker: Worker | undefined
  let starting: Promise<boolean> | undefined
  let ready = false
  let next = 0
  let decidedThere = 0
  // The configuration generation each request was sent under.
  const partAt = new Map<number, number>()
  const waiting = new Map<number, { resolve(d: PartDecisions | undefined): void; reject(e: Error): void }>()

  const drop = (error: Error) => {
    for (const w of waiting.values()) w.reject(error)
    waiting.clear()
    partAt.clear()
    worker = undefined
    starting = undefined
    ready = false
  }
  const start = (): Promise<boolean> => {
    starting ??= new Promise<boolean>((resolve) => {
      const w = startTypeScriptWorker(new URL('./check-worker.ts', import.meta.url), { config })
      worker = w
      // An idle worker does not keep the process alive.
      w.unref()
      w.on('message', (m: 'ready' | { id: number; subjects: number; decided?: PartDecisions; generation?: number; error?: string }) => {
        if (m === 'ready') {
          ready = true
          resolve(true)
          return
        }
        const pending = waiting.get(m.id)
        const sentAt = partAt.get(m.id)
        waiting.delete(m.id)
        partAt.delete(m.id)
        if (m.decided && m.generation === sentAt) {
          decidedThere += m.subjects
          pending?.resolve(m.decided)
        } else if (m.decided) {
          pending?.resolve(undefined)
        } else {
          pending?.reject(new Error(m.error ?? 'check worker failed'))
        }
      })
      w.once('error', (error) => {
        drop(error)
        resolve(false)
      })
      w.once('exit', () => {
        drop(new Error('check worker exited'))
        resolve(false)
      })
    })
    return starting
  }

  return {
    readyFor(subjects) {
      if (subjects >= START_FROM && !worker) void start()
      return ready && subjects >= config.parallelCheckFrom
    },
    started: () => start(),
    decided: () => decidedThere,
    decide(subjects, part) {
      if (!worker || !ready) return Promise.reject(new Error('check worker not ready'))
      const id = ++next
      const sent = worker
      return new Promise<PartDecisions | undefined>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        partAt.set(id, part.configAt)
        sent.ref()
        sent.postMessage({ id, subjects, part })
      }).finally(() => {
        if (waiting.size === 0) sent.unref()
      })
    },
    async close() {
      const w = worker
      if (!w) return
      const wasReady = ready
      drop(new Error('check worker closed'))
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()))
      // A ready worker closes its store itself; one still starting (or one that does not end soon) is stopped.
      if (wasReady) w.postMessage('close')
      const timer = setTimeout(() => void w.terminate(), wasReady ? 5000 : 0)
      await exited
      clearTimeout(timer)
    },
  }
}
