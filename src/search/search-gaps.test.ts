import { describe, expect, it } from 'vitest'
import { gapsAmong, splitGap } from './search-gaps.ts'

describe('gapsAmong', () => {
  it.each([
    ['no holes', 10, [11, 12, 13], []],
    ['a hole before the first id', 10, [14, 15], [{ low: 11, high: 13 }]],
    ['holes between ids', 0, [1, 3, 4, 8], [{ low: 2, high: 2 }, { low: 5, high: 7 }]],
    ['nothing read', 5, [], []],
  ])('finds %s', (_, after, ids, gaps) => {
    expect(gapsAmong(after, ids)).toEqual(gaps)
  })
})

describe('splitGap', () => {
  it('keeps what was not found, on both sides of each found id', () => {
    expect(splitGap({ low: 10, high: 20 }, [12, 13, 20])).toEqual([{ low: 10, high: 11 }, { low: 14, high: 19 }])
  })

  it('drops a gap that was filled', () => {
    expect(splitGap({ low: 5, high: 6 }, [5, 6])).toEqual([])
  })

  it('leaves a gap alone when nothing inside it was found', () => {
    expect(splitGap({ low: 5, high: 9 }, [3, 12])).toEqual([{ low: 5, high: 9 }])
  })
})
