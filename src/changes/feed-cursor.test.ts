import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, FEED_START, isAfter } from './feed-cursor.ts'

describe('change-feed cursors', () => {
  it.each([
    ['the start', { seq: 0, part: null }],
    ['a whole event', { seq: 41, part: null }],
    ['a place inside a batch', { seq: 7, part: 1_000_123 }],
  ])('read back %s exactly', (_, position) => {
    const cursor = encodeCursor(position)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(cursor)).toEqual(position)
  })

  it('starts from the beginning when no cursor is given', () => {
    expect(decodeCursor(undefined)).toEqual(FEED_START)
    expect(decodeCursor('')).toEqual(FEED_START)
  })

  it.each(['not a cursor', 'YWJj', encodeCursor({ seq: 1, part: null }).slice(0, -1) + '!', Buffer.from('c1.-4').toString('base64url'), Buffer.from('c2.4').toString('base64url')])('refuses %j with a coded error', (bad) => {
    expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'CHANGES_CURSOR_INVALID' }))
  })

  it.each([
    [{ seq: 5, part: null }, { seq: 4, part: null }, true],
    [{ seq: 5, part: 10 }, { seq: 5, part: 9 }, true],
    [{ seq: 5, part: null }, { seq: 5, part: 9 }, true],
    [{ seq: 5, part: 9 }, { seq: 5, part: null }, false],
    [{ seq: 5, part: 9 }, { seq: 5, part: 9 }, false],
    [{ seq: 4, part: 99 }, { seq: 5, part: 1 }, false],
  ])('orders %j after %j: %s', (a, b, after) => {
    expect(isAfter(a, b)).toBe(after)
  })
})
