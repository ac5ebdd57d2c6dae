import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { copyLine } from '../bulk-load.ts'
import { compile, decodeStageRow, encodeStageRow, stageColumns, stageRowCopyLine } from './staged-records.ts'

const width = stageColumns.length - 1

describe('stage rows as one string', () => {
  it('round-trips values, nulls and empty strings, with seq put first', () => {
    const values = Array.from({ length: width }, (_, i) => (i === 0 ? 7 : i % 3 === 0 ? null : i % 3 === 1 ? '' : `值${i}（甲）{"a":"\\u0000"}`))
    const decoded = decodeStageRow(encodeStageRow(values), 42)
    expect(decoded[0]).toBe(42)
    expect(decoded.slice(1)).toEqual(values.map((v) => (v === null ? null : String(v))))
  })

  it('round-trips any text a row may hold, tabs, line breaks and backslashes included', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('a\\b', 'x\ty', 'line\nbreak', 'cr\r', '\\N', '\\\\N', '\\t', '')).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s))
    fc.assert(
      fc.property(fc.array(fc.option(text), { minLength: width, maxLength: width }), (values) => {
        expect(decodeStageRow(encodeStageRow(values), 0).slice(1)).toEqual(values)
      }),
    )
  })

  it('turns into the same COPY line as its values would', () => {
    const text = fc.string({ unit: 'grapheme' }).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s))
    fc.assert(
      fc.property(fc.array(fc.option(fc.oneof(text, fc.constantFrom('a\\b', 'x\ty', 'line\nbreak', 'cr\r', '\\N', ''))), { minLength: width, maxLength: width }), fc.nat(), (values, seq) => {
        const row = encodeStageRow(values)
        expect(stageRowCopyLine(row, seq)).toBe(copyLine(decodeStageRow(row, seq)))
      }),
    )
  })

  it('refuses a row with the wrong number of values', () => {
    expect(() => encodeStageRow(['a'])).toThrow(/values for/)
  })
})

describe('compile', () => {
  const sql = 'select :a, :b, cast(:a as text) where x = :b'
  it('numbers parameters in order of first use for PostgreSQL, binding each once', () => {
    expect(compile('postgres', sql, { a: 1, b: 'x', unused: 3 })).toEqual({ text: 'select $1, $2, cast($1 as text) where x = $2', values: [1, 'x'] })
  })
  it('names them for SQLite', () => {
    expect(compile('sqlite', sql, { a: 1, b: null })).toEqual({ text: 'select @a, @b, cast(@a as text) where x = @b', values: { a: 1, b: null } })
  })
  it('writes on SQLite without a statement journal (a batch rolls back whole), except an upsert', () => {
    expect(compile('sqlite', '  insert into records (id) select :a', { a: 1 }).text).toBe('  insert or fail into records (id) select @a')
    expect(compile('sqlite', 'update records set status = :a', { a: 1 }).text).toBe('update or fail records set status = @a')
    expect(compile('sqlite', 'insert into t (a) select 1 on conflict (a) do update set a = excluded.a').text).toMatch(/^insert into t/)
    expect(compile('postgres', 'insert into records (id) select :a', { a: 1 }).text).toBe('insert into records (id) select $1')
  })
  it('fails loudly on a missing value', () => {
    expect(() => compile('postgres', sql, { a: 1 })).toThrow(/:b/)
  })
})
