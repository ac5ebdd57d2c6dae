/**
 * npm run web:size — the gzipped JavaScript each page loads, from the build's manifest:
 * the public home page before its charts load (its entry and static imports), the charts it loads
 * after, and the console (initial, and with every lazy page). Also checks that no console module
 * is reachable from the public site. Build first (npm run web:build; npm install does it).
 */
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join, resolve } from 'node:path'

interface Chunk {
  file: string
  src?: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}

const dist = resolve(import.meta.dirname, '../dist/web')
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>
const gz = new Map<string, number>()
const gzipped = (file: string) => {
  let size = gz.get(file)
  if (size === undefined) gz.set(file, (size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length))
  return size
}

/** Keys of chunks loaded with `key`: its static imports, and with `lazy` its dynamic imports too. */
function closure(keys: string[], lazy: boolean, seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue
    seen.add(key)
    const c = manifest[key]!
    closure(c.imports ?? [], lazy, seen)
    if (lazy) closure(c.dynamicImports ?? [], lazy, seen)
  }
  return seen
}

const js = (keys: Set<string>) => [...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'))
const total = (keys: Set<string>) => js(keys).reduce((sum, f) => sum + gzipped(f), 0)
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const siteEntry = Object.keys(manifest).find((k) => manifest[k]!.isEntry && k === 'index.html')
const consoleEntry = Object.keys(manifest).find((k) => manifest[k]!.isEntry && k === 'console/index.html')
if (!siteEntry || !consoleEntry) throw new Error('The manifest has no index.html or console/index.html entry: run npm run web:build')

const home = closure([siteEntry], false)
const chartsKey = Object.keys(manifest).find((k) => k.endsWith('site/CollectionCharts.tsx'))!
const homeWithCharts = closure([siteEntry, chartsKey], false)
const siteAll = closure([siteEntry], true)
const consoleInitial = closure([consoleEntry], false)
const consoleAll = closure([consoleEntry], true)
const consoleOnly = [...consoleAll].filter((k) => !siteAll.has(k))
const leaked = [...siteAll].filter((k) => k.startsWith('src/console/') || manifest[k]!.src?.startsWith('src/console/'))

const TARGET = 350 * 1024
const rows: Array<[string, number]> = [
  ['public home page, before charts', total(home)],
  ['public home page, with its charts', total(homeWithCharts)],
  ['public site, every page', total(siteAll)],
  ['console, first load', total(consoleInitial)],
  ['console, every page', total(consoleAll)],
  ['console-only chunks', consoleOnly.reduce((s, k) => s + gzipped(manifest[k]!.file), 0)],
]
console.log('Gzipped JavaScript (level 9)')
for (const [label, size] of rows) console.log(`  ${label.padEnd(36)} ${kb(size).padStart(10)}`)
console.log(`  home page target < ${kb(TARGET)}: ${total(home) < TARGET ? 'met' : 'NOT met'}`)
console.log(`  console modules reachable from the public site: ${leaked.length ? leaked.join(', ') : 'none'}`)
if (total(home) >= TARGET || leaked.length) process.exitCode = 1
