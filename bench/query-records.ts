/**
 * Loads N realistic credit records for the query-platform bench, straight through the bulk loader
 * (collection at this scale is issue 3's bench, not this one). Realistic means: every built-in
 * item, weighted as a city's data is (licences and penalties first) and limited to the subject
 * kinds the item allows; a heavy-tailed count per subject (many with none, a few with hundreds);
 * each subject's records scattered through the table as years of batches leave them; about one
 * record in eight with earlier versions; 3 % revoked; dates spread over eight years; provenance
 * (batches, rows, submitters); and personal fields sealed exactly as collection seals them.
 */
import type { Platform } from '../src/platform.ts'
import { bulkLoad, type BulkChunk, type BulkTable, type BulkValue } from '../src/db/bulk-load.ts'
import { baseCatalog, findCodeTable } from '../src/catalog/base-catalog/index.ts'
import type { CatalogField, CatalogItemDefinition } from '../src/catalog/catalog.ts'
import { maskResidentId, makeResidentId } from '../src/identifiers/index.ts'
import { addDays, addMonths } from '../src/publicity/dates.ts'
import { mulberry32 } from '../src/demo/prng.ts'

const weights: Record<string, number> = { XZXK: 35, XZCF: 22, CCJCJG: 10, XYCN: 8, NSXYAJ: 5, JYYCML: 4, HBXYPJ: 3, SHTZXY: 3, BZRY: 3, SXBZXR: 3, YZSXZT: 2, ZDSSWF: 1, TQNMGGZ: 1 }

const tables: BulkTable[] = [
  { name: 'batches', columns: ['id', 'department_id', 'category', 'catalog_version', 'channel', 'file_name', 'file_hash', 'format', 'encoding', 'submitted_by', 'status', 'received', 'accepted', 'created_at', 'completed_at'] },
  { name: 'records', columns: ['id', 'category', 'subject_id', 'business_key', 'current_version_id', 'current_version', 'current_hash', 'current_fingerprint', 'current_batch_id', 'department_id', 'status', 'created_at', 'updated_at'] },
  {
    name: 'record_versions',
    columns: ['id', 'record_id', 'version', 'payload', 'content_hash', 'decision_date', 'publication_date', 'valid_from', 'valid_to', 'publicity_end', 'tier', 'status', 'department_id', 'batch_id', 'source_row', 'submitted_by', 'received_at', 'catalog_version', 'file_hash'],
  },
]

const rng = mulberry32

export interface LoadedRecords {
  records: number
  versions: number
  /** Records per subject id (index = subject id). */
  perSubject: Uint16Array
  seconds: number
}

const sampleTexts = ['经查，当事人未按规定履行相关义务，违反了有关法律法规的规定。', '依据相关法律法规作出决定，当事人已按期履行。', '该主体在检查中配合良好，未发现违法违规行为。', '当事人对违法事实无异议，并已完成整改。']

export async function loadBenchRecords(platform: Platform, count: number, seed = 2026): Promise<LoadedRecords> {
  const started = performance.now()
  const db = platform.database.db
  const random = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!

  // Subjects: id, kind, name, USCC.
  const rows = await db.selectFrom('subjects as s').leftJoin('subject_identifiers as i', (j) => j.onRef('i.subject_id', '=', 's.id').on('i.scheme', '=', 'uscc')).select(['s.id', 's.kind', 's.name', 'i.value']).orderBy('s.id').execute()
  const maxId = rows.at(-1)?.id ?? 0
  const kinds = new Array<string>(maxId + 1)
  const names = new Array<string>(maxId + 1)
  const usccs = new Array<string | null>(maxId + 1)
  for (const r of rows) {
    kinds[r.id] = r.kind
    names[r.id] = r.name
    usccs[r.id] = r.value
  }

  // Records per subject: 30 % none, most a handful, 9.5 % dozens, 0.5 % hundreds — then scaled to the total.
  const perSubject = new Uint16Array(maxId + 1)
  let total = 0
  for (const r of rows) {
    const u = random()
    const n = u < 0.3 ? 0 : u < 0.9 ? 1 + Math.floor(random() * 20) : u < 0.995 ? 20 + Math.floor(random() * 41) : 100 + Math.floor(random() * 401)
    perSubject[r.id] = n
    total += n
  }
  const scale = count / Math.max(total, 1)
  total = 0
  for (const r of rows) {
    perSubject[r.id] = Math.min(65_000, Math.round(perSubject[r.id]! * scale))
    total += perSubject[r.id]!
  }
  const withRecords = rows.filter((r) => perSubject[r.id]! > 0).map((r) => r.id)
  while (total < count) {
    perSubject[pick(withRecords)]!++
    total++
  }
  while (total > count) {
    const id = pick(withRecords)
    if (perSubject[id]! > 1) {
      perSubject[id]!--
      total--
    }
  }
  // Each subject's records scattered through the table, as years of batches leave them.
  const order = new Int32Array(count)
  let at = 0
  for (const r of rows) for (let k = 0; k < perSubject[r.id]!; k++) order[at++] = r.id
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = order[i]!
    order[i] = order[j]!
    order[j] = t
  }

  // Items, providers and batches.
  const departments = new Map((await platform.departments.list()).map((d) => [d.code, d]))
  const items = baseCatalog.filter((i) => weights[i.code])
  const providersOf = new Map(items.map((i) => [i.code, i.providers.map((p) => departments.get(p)).filter((d): d is NonNullable<typeof d> => d !== undefined)]))
  const itemsByKind = new Map<string, Array<{ item: CatalogItemDefinition; cumulative: number }>>()
  for (const kind of new Set(kinds.filter(Boolean))) {
    let c = 0
    const list = items.filter((i) => i.subjectKinds.includes(kind as never)).map((item) => ({ item, cumulative: (c += weights[item.code]!) }))
    itemsByKind.set(kind, list.map((x) => ({ ...x, cumulative: x.cumulative / c })))
  }
  const now = new Date().toISOString()
  const batchRows: BulkValue[][] = []
  const batchesOf = new Map<string, number[]>()
  for (const item of items) {
    for (const d of providersOf.get(item.code)!) {
      const ids: number[] = []
      for (let k = 0; k < 8; k++) {
        const id = batchRows.length + 1
        ids.push(id)
        batchRows.push([id, d.id, item.code, 1, 'file', `${item.name}-${k}.csv`, hex(id), 'csv', 'utf-8', 'user:bench', 'committed', 0, 0, now, now])
      }
      batchesOf.set(`${item.code}:${d.id}`, ids)
    }
  }

  // Personal values sealed as collection seals them; a pool keeps the bench's CPU on the load.
  const sealedPool = Array.from({ length: 2000 }, (_, i) => {
    const id = makeResidentId({ area: '410702', birthDate: `19${50 + (i % 50)}0${1 + (i % 9)}1${i % 10}`, sequence: i % 1000 })
    return { id, sealed: { masked: maskResidentId(id), sealed: platform.cipher.encrypt(id) } }
  })
  const today = now.slice(0, 10)
  const firstDay = addMonths(today, -96)
  const spanDays = Math.round((Date.parse(today) - Date.parse(firstDay)) / 86_400_000)

  const rolesOf = new Map(items.map((i) => [i.code, new Set(i.fields.map((f) => f.role).filter(Boolean))]))
  const roleOf = (item: CatalogItemDefinition, role: CatalogField['role']) => rolesOf.get(item.code)!.has(role)
  function payload(item: CatalogItemDefinition, subjectId: number, recordId: number, version: number, dates: { decision: string; validTo: string; publicityEnd: string; removal: string | null }, provider: { name: string; uscc: string | null }): string {
    const person = kinds[subjectId] === 'natural_person'
    const out: Record<string, unknown> = {}
    for (const f of item.fields) {
      let v: unknown = null
      switch (f.role) {
        case 'subject_name':
          v = names[subjectId]
          break
        case 'subject_uscc':
          v = person ? null : usccs[subjectId]
          break
        case 'subject_id_number':
          v = person ? pick(sealedPool).sealed : null
          break
        case 'legal_representative_id_number':
          v = person ? null : pick(sealedPool).sealed
          break
        case 'decision_number':
          v = `新${item.code}〔${dates.decision.slice(0, 4)}〕${recordId}号`
          break
        case 'decision_date':
        case 'publication_date':
        case 'valid_from':
          v = dates.decision
          break
        case 'valid_to':
          v = dates.validTo
          break
        case 'publicity_end':
          v = dates.publicityEnd
          break
        case 'removal_date':
          v = dates.removal
          break
        case 'authority_name':
        case 'source_unit_name':
          v = provider.name
          break
        case 'authority_uscc':
        case 'source_unit_uscc':
          v = provider.uscc
          break
        default:
          if (f.requirement !== 'required' && random() < 0.4) break
          if (f.personal) v = pick(sealedPool).sealed
          else if (f.type === 'date') v = dates.decision
          else if (f.type === 'decimal') v = (random() * 50).toFixed(2)
          else if (f.type === 'integer') v = Math.floor(random() * 1000)
          else if (f.type === 'boolean') v = random() < 0.5
          else if (f.type === 'code' || f.type === 'codes') {
            const table = f.codeTable ? findCodeTable(f.codeTable) : undefined
            const code = table ? pick(table.entries).code : '1'
            v = f.type === 'codes' ? [code] : code
          } else if (f.type === 'uscc') v = provider.uscc
          else v = (f.maxLength ?? 200) >= 1000 ? `${pick(sampleTexts)}（第${version}版）` : `${f.name}${recordId % 997}`
      }
      out[f.key] = v
    }
    return JSON.stringify(out)
  }

  let versions = 0
  const CHUNK = 20_000
  const fileHashes = batchRows.map((b) => b[6] as string)
  async function* chunks(): AsyncGenerator<BulkChunk> {
    yield [batchRows, [], []]
    let recs: BulkValue[][] = []
    let vers: BulkValue[][] = []
    for (let i = 0; i < count; i++) {
      const recordId = i + 1
      const subjectId = order[i]!
      const choices = itemsByKind.get(kinds[subjectId]!)!
      const u = random()
      const item = (choices.find((c) => u <= c.cumulative) ?? choices.at(-1)!).item
      const provider = pick(providersOf.get(item.code)!)
      const batches = batchesOf.get(`${item.code}:${provider.id}`)!
      const decision = addDays(firstDay, Math.floor(random() * spanDays))
      const dates = {
        decision,
        validTo: addMonths(decision, 12 * (1 + Math.floor(random() * 5))),
        publicityEnd: addMonths(decision, random() < 0.8 ? 12 : 36),
        removal: roleOf(item, 'removal_date') && random() < 0.3 ? addMonths(decision, 6 + Math.floor(random() * 24)) : null,
      }
      const u2 = random()
      const nVersions = u2 < 0.02 ? 3 : u2 < 0.12 ? 2 : 1
      const revoked = random() < 0.03
      const firstVersionId = versions + 1
      for (let v = 1; v <= nVersions; v++) {
        const id = ++versions
        const batch = pick(batches)
        const current = v === nVersions
        vers.push([
          id,
          recordId,
          v,
          payload(item, subjectId, recordId, v, dates, provider),
          hex(id * 7 + v),
          roleOf(item, 'decision_date') ? dates.decision : null,
          roleOf(item, 'publication_date') ? dates.decision : null,
          roleOf(item, 'valid_from') ? dates.decision : null,
          roleOf(item, 'valid_to') ? dates.validTo : null,
          roleOf(item, 'publicity_end') ? dates.publicityEnd : null,
          null,
          !current ? 'superseded' : revoked ? 'revoked' : 'in_force',
          provider.id,
          batch,
          1 + (recordId % 50_000),
          'user:bench',
          `${addDays(decision, v * 3)}T02:00:00.000Z`,
          1,
          fileHashes[batch - 1]!,
        ])
      }
      const currentId = firstVersionId + nVersions - 1
      recs.push([recordId, item.code, subjectId, `BENCH-${recordId}`, currentId, nVersions, hex(currentId * 7 + nVersions), hex(recordId * 13), pick(batches), provider.id, revoked ? 'revoked' : 'in_force', now, now])
      if (recs.length >= CHUNK) {
        yield [[], recs, vers]
        recs = []
        vers = []
      }
    }
    if (recs.length) yield [[], recs, vers]
  }
  await bulkLoad(platform.database, tables, chunks())
  return { records: count, versions, perSubject, seconds: (performance.now() - started) / 1000 }
}

const hex = (n: number) => n.toString(16).padStart(64, '0')
