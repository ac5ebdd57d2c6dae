/**
 * Identifier validation throughput: `identify` over a pre-generated mixed array on one core.
 *
 * Mix (deterministic, seeded): 45 % valid USCCs, 40 % valid resident ID numbers, 5 % valid
 * organisation codes, 10 % invalid codes (one character changed). Generation is not timed.
 *
 * Run alone: node bin/run-ts.js bench/identifiers.bench.ts [codes]
 */
import { pathToFileURL } from 'node:url'
import { identify, makeResidentId, makeUscc, makeOrgCode, USCC_CHARSET } from '../src/identifiers/index.ts'
import type { IdentifyOptions } from '../src/identifiers/index.ts'
import { mulberry32 } from '../src/demo/prng.ts'

export interface IdentifierBenchResult {
  codes: number
  seconds: number
  codesPerSecond: number
}

const AREAS = ['410702', '410703', '410704', '410711', '410721', '410724', '410725', '410726', '410727', '410781', '410782', '410783', '410728', '410771', '110105', '440305']
const USCC_PREFIXES: [string, string][] = [['9', '1'], ['9', '1'], ['9', '1'], ['9', '2'], ['9', '3'], ['1', '1'], ['1', '2'], ['5', '1'], ['N', '2']]
const BODY_CHARS = USCC_CHARSET.replace(/[IOSVZ]/g, '')

const prng = mulberry32

export function generateBenchCodes(count: number, seed = 20260101): string[] {
  const rnd = prng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const codes: string[] = new Array(count)
  for (let i = 0; i < count; i++) {
    const r = rnd()
    let code: string
    if (r < 0.55) {
      const [authority, category] = pick(USCC_PREFIXES)
      let body = rnd() < 0.5 ? 'MA' : ''
      while (body.length < 8) body += BODY_CHARS.charAt(Math.floor(rnd() * BODY_CHARS.length))
      code = makeUscc({ authority, category, division: pick(AREAS), orgCodeBody8: body })
    } else if (r < 0.95) {
      const y = 1940 + Math.floor(rnd() * 80)
      const m = 1 + Math.floor(rnd() * 12)
      const d = 1 + Math.floor(rnd() * 28)
      const birthDate = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`
      code = makeResidentId({ area: pick(AREAS), birthDate, sequence: Math.floor(rnd() * 1000) })
    } else {
      code = makeOrgCode(String(10000000 + Math.floor(rnd() * 89999999)))
    }
    if (rnd() < 0.1) {
      // An invalid code: one character changed.
      const at = Math.floor(rnd() * code.length)
      const ch = code.charAt(at) === '7' ? '8' : '7'
      code = code.slice(0, at) + ch + code.slice(at + 1)
    }
    codes[i] = code
  }
  // Built by concatenation, the codes are rope strings that V8 flattens on first read — inside the
  // timed loop. Real input (CLI lines, request bodies) arrives flat: make these flat too.
  return JSON.parse(JSON.stringify(codes)) as string[]
}

function run(codes: string[], options: IdentifyOptions | undefined): IdentifierBenchResult {
  let valid = 0
  const start = process.hrtime.bigint()
  for (let i = 0; i < codes.length; i++) if (identify(codes[i] as string, options).valid) valid++
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (valid === 0) throw new Error('benchmark validated nothing')
  return { codes: codes.length, seconds, codesPerSecond: Math.round(codes.length / seconds) }
}

/** Validates 1,000,000 mixed codes with full details, as the CLI and API do. */
export async function benchIdentifierValidation(count = 1_000_000): Promise<IdentifierBenchResult> {
  const codes = generateBenchCodes(count)
  run(codes.slice(0, 50_000), undefined) // warm up the JIT and the division table
  return run(codes, undefined)
}

/** The same with `details: false`, the bulk-validation mode. */
export async function benchIdentifierValidationWithoutDetails(count = 1_000_000): Promise<IdentifierBenchResult> {
  const codes = generateBenchCodes(count)
  run(codes.slice(0, 50_000), { details: false })
  return run(codes, { details: false })
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  const count = Number(process.argv[2] ?? 1_000_000)
  const full = await benchIdentifierValidation(count)
  const bulk = await benchIdentifierValidationWithoutDetails(count)
  const fmt = (r: IdentifierBenchResult) => `${r.codes.toLocaleString('en')} codes in ${r.seconds.toFixed(3)} s = ${r.codesPerSecond.toLocaleString('en')} codes/s`
  console.log(`identify (with details):    ${fmt(full)}`)
  console.log(`identify (details: false):  ${fmt(bulk)}`)
}
