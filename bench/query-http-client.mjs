// The bench's HTTP clients, on their own thread so that they do not take the server's core:
// `concurrency` loops share one request counter; every latency is measured from send to last byte.
import { parentPort, workerData } from 'node:worker_threads'

const { base, path, codes, n, headers, concurrency, body, bodyTemplate } = workerData
const times = new Float64Array(n)
let next = 0
let failed = 0
const started = performance.now()
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (;;) {
      const i = next++
      if (i >= n) return
      const t = performance.now()
      const url = `${base}${path.replace('{code}', encodeURIComponent(codes[i % codes.length]))}`
      // A fixed body, or one per code ('"{code}"' in the template becomes the code as a JSON string).
      const payload = bodyTemplate ? bodyTemplate.replace('"{code}"', JSON.stringify(codes[i % codes.length])) : body
      const res = await fetch(url, payload ? { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: payload } : { headers })
      await res.arrayBuffer()
      if (res.status >= 300 && res.status !== 404) failed++
      times[i] = performance.now() - t
    }
  }),
)
parentPort.postMessage({ times: Array.from(times), seconds: (performance.now() - started) / 1000, failed })
