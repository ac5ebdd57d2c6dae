/**
 * Load over HTTP for the benchmarks: `concurrency` keep-alive clients on a worker thread
 * (query-http-client.mjs), and the floor under such figures on this machine — a bare Fastify route
 * answering fixed bytes, driven the same way. What the platform adds lies above the floor; a
 * latency target below it cannot be met here whatever the platform does.
 */
import Fastify from 'fastify'
import type { AddressInfo } from 'node:net'
import { Worker } from 'node:worker_threads'

export interface LoadFigures {
  p50: number
  p99: number
  max: number
  perSecond: number
  failed: number
}

export function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!
  return { p50: at(0.5), p99: at(0.99), max: s.at(-1)! }
}

/** `path` may hold `{code}`; a `bodyTemplate` (JSON holding "{code}") makes the requests POSTs. */
export function loadOverHttp(request: { base: string; path: string; codes: string[]; n: number; headers?: Record<string, string>; bodyTemplate?: string; concurrency?: number }): Promise<LoadFigures> {
  const { n, concurrency = 16, headers = {}, ...rest } = request
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./query-http-client.mjs', import.meta.url), { workerData: { ...rest, n, headers, concurrency } })
    worker.once('message', (m: { times: number[]; seconds: number; failed: number }) => resolve({ ...percentiles(m.times), perSecond: n / m.seconds, failed: m.failed }))
    worker.once('error', reject)
  })
}

/** The same requests against a bare Fastify route that answers `body` (an answer the platform gave). */
export async function httpFloor(body: string, request: { path: string; codes: string[]; n: number; bodyTemplate?: string }): Promise<LoadFigures> {
  const app = Fastify()
  const answer = async (_request: unknown, reply: { type(t: string): unknown }) => {
    reply.type('application/json; charset=utf-8')
    return body
  }
  const path = request.path.replace('{code}', ':code')
  if (request.bodyTemplate) app.post(path, answer)
  else app.get(path, answer)
  await app.listen({ host: '127.0.0.1', port: 0 })
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    await loadOverHttp({ ...request, base, n: Math.min(request.n, 1000) })
    return await loadOverHttp({ ...request, base })
  } finally {
    await app.close()
  }
}
