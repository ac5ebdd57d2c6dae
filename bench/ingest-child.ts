/**
 * Runs in its own process so that its peak RSS is the ingestion's alone: ingests the file twice
 * (first time, then the same file again) and prints one JSON line.
 */
import { loadConfig } from '../src/config.ts'
import { openPlatform } from '../src/platform.ts'

const [url, dataDir, file] = process.argv.slice(2) as [string, string, string]
const platform = await openPlatform(loadConfig({ XINYONG_ENV: 'test' }, { databaseUrl: url, dataDir }))
const actor = { type: 'system' as const, name: 'bench' }
const timed = async () => {
  const started = performance.now()
  const summary = await platform.collection.ingestFile(actor, { path: file, fileName: 'penalties.csv', category: 'XZCF', departmentCode: 'SCJG', channel: 'cli' })
  return { seconds: (performance.now() - started) / 1000, summary: { ...summary, errors: summary.errors.length } }
}
const first = await timed()
const second = await timed()
await platform.close()
console.log(JSON.stringify({ first, second, peakRssMb: process.resourceUsage().maxRSS / 1024 }))
