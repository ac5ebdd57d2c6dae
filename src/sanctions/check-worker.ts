/**
 * The worker thread of large credit checks (parallel-check.ts): a platform of its own on the same
 * store, which decides the share of subjects it is sent exactly as the checking thread decides the
 * rest: same code, same instant, and its answer is used only if the configuration generation was
 * the one the checking thread read, from its start to its end. It only reads; the checking thread
 * stores the whole check and its query log in one transaction. It never decrypts (the codes were
 * resolved before), so it holds no data key of the city's.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { randomBytes } from 'node:crypto'
import { openDatabase } from '../db/create-database.ts'
import { assemblePlatform } from '../platform.ts'
import { systemClock } from '../clock.ts'
import { configGeneration } from '../db/config-generation.ts'
import type { Config } from '../config.ts'
import type { PartRequest } from './parallel-check.ts'

const { config } = workerData as { config: Config }
const database = openDatabase(config.databaseUrl, { poolSize: 2 })
const platform = assemblePlatform({ config: { ...config, parallelCheckFrom: 0 }, database, clock: systemClock, dataKey: randomBytes(32) })
const generation = configGeneration(database.db)

parentPort!.on('message', async (message: { id: number; subjects: Array<[number, { kind: string }]>; part: PartRequest } | 'close') => {
  if (message === 'close') {
    await platform.close()
    parentPort!.close()
    return
  }
  try {
    // The same generation before and after: every cache it used was built at that one (none is older than the request's).
    const before = await generation()
    const decided = await platform.creditChecks.decideSubjects(new Map(message.subjects), message.part)
    const after = await generation()
    parentPort!.postMessage({ id: message.id, subjects: message.subjects.length, decided, generation: before === after ? after : -1 })
  } catch (error) {
    parentPort!.postMessage({ id: message.id, subjects: message.subjects.length, error: error instanceof Error ? error.message : String(error) })
  }
})
parentPort!.postMessage('ready')
