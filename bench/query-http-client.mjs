// The bench's HTTP clients, on their own thread so that they do not take the server's core:
// `concurrency` loops share one request counter over as many keep-alive sockets; every latency is
// measured from send to last byte. node:http rather than fetch, which spends several times the CPU
// per request: on two cores the client's work would otherwise be taken from the server's.
import { parentPort, workerData } from 'node:worker_threads'
import http from 'node:http'

const { base, path, codes, n, headers, concurrency, body, bodyTemplate } = workerData
const url = new URL(base)
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
const times = new Float64Array(n)
let next = 0
let failed = 0
function once(i) {
  return new Promise((resolve, reject) => {
    const code = codes[i % codes.length]
    const payload = bodyTemplate ? bodyTemplate.replace('"{code}"', JSON.stringify(code)) : body
    const req = http.request({ agent, host: url.hostname, port: url.port, method: payload ? 'POST' : 'GET', path: path.replace('{code}', encodeURIComponent(code)), headers: payload ? { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : headers }, (res) => {
      res.on('data', () => {})
      res.on('end', () => resolve(res.statusCode))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(payload)
  })
}
const started = performance.now()
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (;;) {
      const i = next++
      if (i >= n) return
      const t = performance.now()
      const status = await once(i)
      if (status >= 300 && status !== 404) failed++
      times[i] = performance.now() - t
    }
  }),
)
agent.destroy()
parentPort.postMessage({ times: Array.from(times), seconds: (performance.now() - started) / 1000, failed })
