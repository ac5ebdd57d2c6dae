import { describe, expect, it } from 'vitest'
import { readInChunks } from './chunked-reads.ts'

describe('readInChunks', () => {
  it('reads every chunk once, at most two at a time, and keeps their order whatever order they finish in', async () => {
    const items = Array.from({ length: 10 }, (_, i) => i)
    let running = 0
    let most = 0
    const seen: number[][] = []
    const out = await readInChunks(items, 3, async (part) => {
      seen.push(part)
      most = Math.max(most, ++running)
      await new Promise((r) => setTimeout(r, (10 - part[0]!) * 2)) // later chunks finish first
      running--
      return part.map((n) => n * 10)
    })
    expect(out).toEqual(items.map((n) => n * 10))
    expect(seen.sort((a, b) => a[0]! - b[0]!)).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]])
    expect(most).toBe(2)
  })

  it('fails with the first failure, and reads nothing for an empty list', async () => {
    await expect(readInChunks([1, 2, 3], 1, async (part) => (part[0] === 2 ? Promise.reject(new Error('chunk 2')) : part))).rejects.toThrow('chunk 2')
    let calls = 0
    expect(await readInChunks([], 5, async () => [calls++])).toEqual([])
    expect(calls).toBe(0)
  })
})
