import { openFileSource } from './src/collection/sources/open-source.ts'
import { createRowValidator } from './src/collection/validate-row.ts'
import { baseCatalog, codeTables } from './src/catalog/base-catalog/index.ts'
import { createRecordProtector } from './src/collection/protect-record.ts'
import { createPersonalDataCipher } from './src/security/personal-data.ts'
import { randomBytes } from 'node:crypto'
const def = baseCatalog.find((d) => d.code === 'XZCF')!
let t = performance.now(); let n = 0
let src = await openFileSource('/tmp/ib/p.csv')
for await (const r of src.rows) n++
console.log('parse', n, (performance.now() - t).toFixed(0), 'ms')
src = await openFileSource('/tmp/ib/p.csv')
const v = createRowValidator({ definition: def, codeTables, headers: src.headers, today: '2026-11-28' })
const rows = []
for await (const r of src.rows) rows.push(r)
t = performance.now()
const ok = []
for (const r of rows) { const o = v.validate(r); if (o.ok) ok.push(o.record) }
console.log('validate', (performance.now() - t).toFixed(0), 'ms')
const p = createRecordProtector(def, src.headers, new Set([5, 7]), createPersonalDataCipher(randomBytes(32)))
t = performance.now()
for (const r of ok) p.protect(r)
console.log('protect', (performance.now() - t).toFixed(0), 'ms')
