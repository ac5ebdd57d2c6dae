/**
 * Starts a worker thread running a TypeScript module. The package runs TypeScript through tsx with
 * no build step, and a worker does not inherit the parent's loader, so the worker registers tsx
 * itself before importing the module.
 */
import { Worker } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

let tsxApi: string | undefined

function tsxEsmApi(): string {
  if (!tsxApi) {
    const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
    tsxApi = pathToFileURL(join(dirname(manifest), 'dist/esm/api/index.mjs')).href
  }
  return tsxApi
}

export function startTypeScriptWorker(module: URL, workerData: unknown, options: { maxHeapMb?: number; maxYoungMb?: number } = {}): Worker {
  const code = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}) })`
  // A bounded heap makes V8 collect early instead of growing the process to gigabytes.
  const resourceLimits = { ...(options.maxHeapMb ? { maxOldGenerationSizeMb: options.maxHeapMb } : {}), ...(options.maxYoungMb ? { maxYoungGenerationSizeMb: options.maxYoungMb } : {}) }
  return new Worker(code, { eval: true, workerData, resourceLimits })
}
