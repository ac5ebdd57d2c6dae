import { describe, expect, it } from 'vitest'
import SqliteDatabase from 'better-sqlite3'
import { withStatementCache } from './statement-cache.ts'

describe('withStatementCache', () => {
  it('prepares a SQL text once and evicts the least recently used', () => {
    const sqlite = new SqliteDatabase(':memory:')
    let prepared = 0
    const prepare = sqlite.prepare.bind(sqlite)
    sqlite.prepare = ((sql: string) => (prepared++, prepare(sql))) as typeof sqlite.prepare
    const cached = withStatementCache(sqlite, 2)
    const a = cached.prepare('select 1 as n')
    expect(cached.prepare('select 1 as n')).toBe(a)
    cached.prepare('select 2 as n')
    cached.prepare('select 1 as n') // a is now the most recent
    cached.prepare('select 3 as n') // evicts "select 2"
    expect(cached.prepare('select 1 as n')).toBe(a)
    expect(prepared).toBe(3)
    cached.prepare('select 2 as n')
    expect(prepared).toBe(4)
    expect(a.all([])).toEqual([{ n: 1 }])
    cached.close()
    expect(sqlite.open).toBe(false)
  })
})
