/**
 * Reader throughput on a realistic penalty file: 25 national columns, ~470 bytes a row in UTF-8
 * (~370 in GB18030), Chinese names and texts, quoted fields with commas, quotes and newlines, CRLF.
 *
 *   node bin/run-ts.js src/collection/sources/csv-source.bench.ts [rows=1000000] [xlsxRows=100000]
 *
 * Generates the files under the OS temp directory once (kept for later runs), then times
 * openCsvSource end to end (read, detect, decode, parse, pad) for UTF-8 and GB18030, csv-parse on
 * the same UTF-8 file for comparison, and openXlsxSource on an XLSX of xlsxRows rows. Prints; never
 * asserts. Measured figures are in the module comment of csv-source.ts' report (see README).
 */
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import { openCsvSource } from './csv-source.ts'
import { encodeGb18030 } from './gb18030.ts'
import { openXlsxSource } from './xlsx-source.ts'

const rows = Number(process.argv[2] ?? 1_000_000)
const xlsxRows = Number(process.argv[3] ?? 100_000)
const dir = tmpdir()

let seed = 42
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed / 0x7fffffff
}
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T
const places = ['新乡市红旗区', '卫辉市', '辉县市', '长垣市', '获嘉县', '原阳县', '延津县', '封丘县']
const trades = ['商贸有限公司', '食品有限责任公司', '建筑工程有限公司', '机械制造有限公司', '餐饮管理有限公司', '物流有限公司', '化工科技有限公司']
const words = ['鑫源', '华盛', '恒达', '宏泰', '永信', '金诚', '利民', '福瑞', '天成', '汇通']
const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄']
const given = ['伟', '芳', '娜', '敏', '静', '磊', '强', '军', '洋', '勇']
const violations = ['未按规定公示年度报告', '销售过期食品', '未取得许可从事经营活动', '虚假宣传', '超范围经营', '未按规定进行环境影响评价']
const facts = ['当事人销售过期食品，货值3,250元，违法所得860元。', '当事人擅自改变生产工艺，\n废水COD 182mg/L超标排放。', '未取得许可从事餐饮服务，查获"卤味"12公斤。', '当事人未按规定公示2023年度报告。']
const bases = ['《食品安全法》第一百二十四条第一款', '《广告法》第五十五条第一款, 第二款', '《环境保护法》第五十九条']
export const BENCH_HEADERS = ['CF_XDR_MC', 'CF_XDR_LB', 'CF_XDR_SHXYM', 'CF_FRDB', 'CF_FR_ZJLX', 'CF_FR_ZJHM', 'CF_XDR_ZJLX', 'CF_XDR_ZJHM', 'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_NR_FK', 'CF_NR_WFFF', 'CF_NR_ZKDX', 'CF_JDRQ', 'CF_YXQ', 'CF_GSJZQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM', 'BZ']

export function benchRow(i: number): string[] {
  const fine = (rnd() * 10).toFixed(2)
  return [
    pick(places) + pick(words) + pick(words) + pick(trades),
    '法人及非法人组织',
    `91410702MA${String(i).padStart(6, '0')}X${i % 10}`,
    pick(surnames) + pick(given) + pick(given),
    '身份证',
    `41070219${String(700101 + (i % 300000)).slice(0, 6)}123${i % 10}`,
    '',
    '',
    `新市监罚〔2024〕${i}号`,
    pick(violations),
    pick(facts),
    pick(bases),
    rnd() < 0.5 ? '罚款' : '警告;罚款',
    `罚款${fine}万元`,
    fine,
    '',
    '',
    '2024-03-05',
    '2099-12-31',
    '2027-03-05',
    '新乡市市场监督管理局',
    '11410700005180020G',
    '新乡市市场监督管理局',
    '11410700005180020G',
    i % 7 === 0 ? '备注，含逗号' : '',
  ]
}

const quote = (s: string) => (/[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s)

async function writeCsv(path: string, encoding: 'utf-8' | 'gb18030'): Promise<void> {
  seed = 42
  const out = createWriteStream(path)
  const put = async (text: string) => {
    if (!out.write(encoding === 'gb18030' ? encodeGb18030(text) : text)) await new Promise<void>((r) => out.once('drain', () => r()))
  }
  let buffer = `${BENCH_HEADERS.join(',')}\r\n`
  for (let i = 1; i <= rows; i++) {
    buffer += `${benchRow(i).map(quote).join(',')}\r\n`
    if (buffer.length > 1 << 20) {
      await put(buffer)
      buffer = ''
    }
  }
  await put(buffer)
  await new Promise<void>((r) => out.end(r))
}

async function writeXlsx(path: string): Promise<void> {
  seed = 42
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true })
  const ws = wb.addWorksheet('行政处罚')
  ws.addRow(BENCH_HEADERS).commit()
  for (let i = 1; i <= xlsxRows; i++) ws.addRow(benchRow(i)).commit()
  ws.commit()
  await wb.commit()
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

async function time(label: string, path: string, run: () => Promise<number>) {
  const started = performance.now()
  const n = await run()
  const seconds = (performance.now() - started) / 1000
  const mb = statSync(path).size / 1e6
  console.log(`${label.padEnd(34)} ${fmt(n)} rows in ${fmt(seconds, 2)} s = ${fmt(n / seconds)} rows/s, ${fmt(mb / seconds, 1)} MB/s (${fmt(mb, 0)} MB)`)
}

const countRows = async (source: { rows: AsyncIterable<unknown> }) => {
  let n = 0
  for await (const _ of source.rows) n++
  return n
}

console.log(`Reader throughput — Node ${process.version}, ${cpus().length} cores, ${fmt(rows)} CSV rows, ${fmt(xlsxRows)} XLSX rows`)
const utf8Path = join(dir, `xinyong-bench-penalties-${rows}-utf8.csv`)
const gbPath = join(dir, `xinyong-bench-penalties-${rows}-gb18030.csv`)
const xlsxPath = join(dir, `xinyong-bench-penalties-${xlsxRows}.xlsx`)
if (!existsSync(utf8Path)) await writeCsv(utf8Path, 'utf-8')
if (!existsSync(gbPath)) await writeCsv(gbPath, 'gb18030')
if (!existsSync(xlsxPath)) await writeXlsx(xlsxPath)

await time('openCsvSource UTF-8', utf8Path, async () => countRows(await openCsvSource(utf8Path)))
await time('openCsvSource GB18030', gbPath, async () => countRows(await openCsvSource(gbPath)))
await time('csv-parse 7 stream, UTF-8 (reference)', utf8Path, async () => {
  let n = 0
  for await (const _ of createReadStream(utf8Path, { highWaterMark: 1 << 20 }).pipe(parse({ relax_column_count: true, relax_quotes: true, bom: true }))) n++
  return n - 1
})
await time('openXlsxSource', xlsxPath, async () => countRows(await openXlsxSource(xlsxPath)))
