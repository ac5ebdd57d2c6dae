/**
 * Bijections that make generated names and identifiers unique by construction, not by luck:
 * position i of a kind is scrambled by a seeded permutation into a key, and the key is decoded
 * into the parts of a name (prefix, 字号, industry…) or of an identifier. Distinct positions give
 * distinct keys, and distinct keys give distinct parts.
 */
import { hashSeed, mix32 } from './prng.ts'

/**
 * A seeded permutation of [0, size): an alternating Feistel network (4 rounds; each round XORs
 * one half with a keyed hash of the other, so it is invertible for any split) on the smallest
 * number of bits covering size, with cycle walking back into range (< 2 steps on average).
 * size may be up to 2^32.
 */
export class Permutation {
  readonly size: number
  private readonly loBits: number
  private readonly loMask: number
  private readonly hiMask: number
  private readonly k0: number
  private readonly k1: number
  private readonly k2: number
  private readonly k3: number

  constructor(size: number, seed: number) {
    if (!Number.isInteger(size) || size < 1 || size > 2 ** 32) {
      throw new RangeError(`Permutation size must be an integer in [1, 2^32], got ${size}`)
    }
    this.size = size
    let bits = 1
    while (2 ** bits < size) bits++
    this.loBits = Math.ceil(bits / 2)
    this.loMask = 2 ** this.loBits - 1
    this.hiMask = 2 ** (bits - this.loBits) - 1
    this.k0 = hashSeed(seed, 1)
    this.k1 = hashSeed(seed, 2)
    this.k2 = hashSeed(seed, 3)
    this.k3 = hashSeed(seed, 4)
  }

  private step(x: number): number {
    const lm = this.loMask
    const hm = this.hiMask
    let hi = x >>> this.loBits
    let lo = x & lm
    lo = (lo ^ mix32(hi ^ this.k0)) & lm
    hi = (hi ^ mix32(lo ^ this.k1)) & hm
    lo = (lo ^ mix32(hi ^ this.k2)) & lm
    hi = (hi ^ mix32(lo ^ this.k3)) & hm
    return ((hi << this.loBits) | lo) >>> 0
  }

  apply(x: number): number {
    let y = this.step(x)
    while (y >= this.size) y = this.step(y)
    return y
  }
}

/**
 * A weighted choice that stays injective: key k in [0, size) decodes into a choice j (chosen with
 * probability weight_j / W when k is uniform) and an index inside that choice's own space
 * [0, innerSize_j). Choice j owns weight_j slots of every W consecutive keys; its c-th slot at
 * "row" q gets inner index q·weight_j + c, so (j, inner) never repeats. The price: size is
 * W · min_j ⌊innerSize_j / weight_j⌋, bounded by the heaviest choice. With a seed, each choice's
 * inner indices are then scattered over its whole space by a permutation of [0, innerSize_j), so
 * that a light choice does not see only the start of its space.
 */
export class WeightedSlots {
  readonly size: number
  readonly totalWeight: number
  private readonly slotChoice: Uint16Array
  private readonly slotCopy: Uint32Array
  private readonly weights: Uint32Array
  private readonly scatter: Permutation[] | null

  constructor(choices: ReadonlyArray<{ weight: number; innerSize: number }>, seed?: number) {
    if (choices.length === 0 || choices.length > 65535) throw new RangeError('WeightedSlots needs 1..65535 choices')
    let total = 0
    let rows = Infinity
    for (const { weight, innerSize } of choices) {
      if (!Number.isInteger(weight) || weight < 1) throw new RangeError(`weights must be positive integers, got ${weight}`)
      total += weight
      rows = Math.min(rows, Math.floor(innerSize / weight))
    }
    if (rows < 1) throw new RangeError('an inner space is smaller than its weight')
    this.totalWeight = total
    this.size = total * rows
    this.slotChoice = new Uint16Array(total)
    this.slotCopy = new Uint32Array(total)
    this.weights = new Uint32Array(choices.length)
    let s = 0
    choices.forEach(({ weight }, j) => {
      this.weights[j] = weight
      for (let c = 0; c < weight; c++, s++) {
        this.slotChoice[s] = j
        this.slotCopy[s] = c
      }
    })
    this.scatter = seed === undefined ? null : choices.map(({ innerSize }, j) => new Permutation(innerSize, hashSeed(seed, 1000 + j)))
  }

  choiceOf(key: number): number {
    return this.slotChoice[key % this.totalWeight] as number
  }

  innerOf(key: number): number {
    const slot = key % this.totalWeight
    const row = Math.floor(key / this.totalWeight)
    const choice = this.slotChoice[slot] as number
    const inner = row * (this.weights[choice] as number) + (this.slotCopy[slot] as number)
    return this.scatter === null ? inner : (this.scatter[choice] as Permutation).apply(inner)
  }
}

/**
 * Positions of one kind → unique keys. Positions beyond size wrap around into further "rounds"
 * (round 0 is the normal case); callers mark round > 0 with a suffix so names stay unique.
 */
export class KeyedSpace {
  private readonly permutation: Permutation

  constructor(
    readonly size: number,
    seed: number,
  ) {
    this.permutation = new Permutation(size, seed)
  }

  key(position: number): number {
    return this.permutation.apply(position % this.size)
  }

  round(position: number): number {
    return Math.floor(position / this.size)
  }
}
