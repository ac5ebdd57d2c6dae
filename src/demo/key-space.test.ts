import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KeyedSpace, Permutation, WeightedSlots } from './key-space.ts'

describe('Permutation', () => {
  it('is a bijection of [0, size) for any size and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer(), (size, seed) => {
        const p = new Permutation(size, seed)
        const seen = new Uint8Array(size)
        for (let i = 0; i < size; i++) {
          const y = p.apply(i)
          if (!(y >= 0 && y < size) || seen[y]) return false
          seen[y] = 1
        }
        return true
      }),
      { numRuns: 60 },
    )
  })

  it('is a bijection on a power-of-two space of 2^20 and stays in range at 2^32', () => {
    const p = new Permutation(2 ** 20, 3)
    const seen = new Uint8Array(2 ** 20)
    for (let i = 0; i < 2 ** 20; i++) seen[p.apply(i)] = 1
    expect(seen.every((v) => v === 1)).toBe(true)
    const big = new Permutation(2 ** 32, 3)
    for (const x of [0, 1, 2 ** 31, 2 ** 32 - 1]) {
      const y = big.apply(x)
      expect(y >= 0 && y < 2 ** 32 && Number.isInteger(y)).toBe(true)
    }
  })

  it('depends on the seed and scatters consecutive inputs', () => {
    const a = new Permutation(1_000_000, 1)
    const b = new Permutation(1_000_000, 2)
    const firstA = [0, 1, 2, 3, 4].map((i) => a.apply(i))
    expect(firstA).not.toEqual([0, 1, 2, 3, 4].map((i) => b.apply(i)))
    expect(new Set(firstA.map((x) => Math.floor(x / 100_000))).size).toBeGreaterThan(2)
  })

  it('rejects impossible sizes', () => {
    expect(() => new Permutation(0, 1)).toThrow(RangeError)
    expect(() => new Permutation(2 ** 32 + 1, 1)).toThrow(RangeError)
  })
})

describe('WeightedSlots', () => {
  it('decodes every key into a distinct (choice, inner) pair inside the choice space', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 1, max: 9 }), innerSize: fc.integer({ min: 9, max: 400 }) }), { minLength: 1, maxLength: 6 }),
        fc.option(fc.integer(), { nil: undefined }),
        (choices, seed) => {
          const slots = new WeightedSlots(choices, seed)
          const seen = new Set<string>()
          for (let k = 0; k < slots.size; k++) {
            const j = slots.choiceOf(k)
            const inner = slots.innerOf(k)
            if (!(inner >= 0 && inner < (choices[j] as { innerSize: number }).innerSize)) return false
            seen.add(`${j}:${inner}`)
          }
          return seen.size === slots.size
        },
      ),
      { numRuns: 80 },
    )
  })

  it('chooses in proportion to the weights', () => {
    const slots = new WeightedSlots([{ weight: 1, innerSize: 1000 }, { weight: 3, innerSize: 1000 }])
    const counts = [0, 0]
    for (let k = 0; k < slots.size; k++) counts[slots.choiceOf(k)]!++
    expect(counts[1]! / slots.size).toBeCloseTo(0.75, 5)
    expect(slots.size).toBe(4 * Math.floor(1000 / 3))
  })
})

describe('KeyedSpace', () => {
  it('maps positions beyond its size into further rounds, still without repeats', () => {
    const space = new KeyedSpace(50, 7)
    const seen = new Set<string>()
    for (let i = 0; i < 175; i++) seen.add(`${space.round(i)}:${space.key(i)}`)
    expect(seen.size).toBe(175)
    expect(space.round(49)).toBe(0)
    expect(space.round(50)).toBe(1)
  })
})
