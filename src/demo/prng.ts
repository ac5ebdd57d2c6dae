/**
 * Seeded pseudo-random numbers for the demo and benchmark data: the same seed yields the same
 * data on every machine and every Node version (only 32-bit integer arithmetic, no Math.random).
 */

/** A 32-bit finaliser (murmur3 fmix32): a good avalanche from any 32-bit input. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
  return (x ^ (x >>> 16)) >>> 0
}

/** Combines a seed and a stream/position number into a well-mixed 32-bit state. */
export function hashSeed(seed: number, stream: number): number {
  return mix32((Math.imul(mix32(seed >>> 0) ^ 0x9e3779b9, 0x27d4eb2f) + mix32(stream >>> 0)) >>> 0)
}

/** Turns any seed (number or text) into a 32-bit unsigned integer. */
export function seedToUint32(seed: number | string): number {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`)
    // Fold the integer part's high bits in, so that seeds above 2^32 still differ.
    const int = Math.trunc(seed)
    return mix32((int >>> 0) ^ mix32(Math.floor(int / 4294967296) >>> 0))
  }
  let h = 0x811c9dc5 // FNV-1a over UTF-16 code units
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193)
  return mix32(h >>> 0)
}

/**
 * mulberry32: a tiny, fast 32-bit generator (period 2^32), plenty for test data. One instance
 * can be re-seeded in place so that hot loops allocate nothing.
 */
export class Rng {
  private state: number

  constructor(seed: number | string = 0) {
    this.state = seedToUint32(seed)
  }

  /** Restarts the sequence from a 32-bit state (use hashSeed to derive one). */
  reseed(state: number): this {
    this.state = state >>> 0
    return this
  }

  /** Next unsigned 32-bit integer. */
  uint32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!(max >= min)) throw new RangeError(`int(${min}, ${max}): max must be >= min`)
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** One element, with probability proportional to its weight (linear scan; see WeightedTable for hot loops). */
  weightedPick<T>(items: readonly T[], weights: readonly number[]): T {
    return weightedPick(this, items, weights)
  }
}

/** Free-function forms, for callers that prefer them. */
export const int = (rng: Rng, min: number, max: number) => rng.int(min, max)
export const pick = <T>(rng: Rng, items: readonly T[]): T => rng.pick(items)

export function weightedPick<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  if (items.length === 0 || items.length !== weights.length) {
    throw new RangeError('weightedPick needs as many weights as items, and at least one')
  }
  let total = 0
  for (const w of weights) {
    if (!(w >= 0)) throw new RangeError(`weights must be >= 0, got ${w}`)
    total += w
  }
  if (!(total > 0)) throw new RangeError('weights must not all be zero')
  let r = rng.next() * total
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] as number
    if (r < 0) return items[i] as T
  }
  return items[items.length - 1] as T // floating-point edge
}

/**
 * A precomputed weighted choice with no allocation per pick: a direct lookup when the weights are
 * small integers (the usual case here), else a binary search over cumulative weights. Both give
 * the same item for the same random number.
 */
export class WeightedTable<T> {
  readonly items: readonly T[]
  private readonly cumulative: Float64Array
  private readonly total: number
  private readonly lookup: Uint16Array | null

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new RangeError('WeightedTable needs at least one entry')
    this.items = entries.map(([item]) => item)
    this.cumulative = new Float64Array(entries.length)
    let total = 0
    let integral = entries.length <= 65536
    entries.forEach(([, w], i) => {
      if (!(w >= 0)) throw new RangeError(`weights must be >= 0, got ${w}`)
      if (!Number.isInteger(w)) integral = false
      total += w
      this.cumulative[i] = total
    })
    if (!(total > 0)) throw new RangeError('weights must not all be zero')
    this.total = total
    if (integral && total <= 65536) {
      this.lookup = new Uint16Array(total)
      let slot = 0
      entries.forEach(([, w], i) => {
        for (let c = 0; c < w; c++) (this.lookup as Uint16Array)[slot++] = i
      })
    } else {
      this.lookup = null
    }
  }

  /** Probability of the item at position i. */
  probability(i: number): number {
    const upper = this.cumulative[i] ?? 0
    const lower = i > 0 ? (this.cumulative[i - 1] ?? 0) : 0
    return (upper - lower) / this.total
  }

  pick(rng: Rng): T {
    const r = rng.next() * this.total
    if (this.lookup !== null) return this.items[this.lookup[Math.floor(r)] as number] as T
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.cumulative[mid] as number) > r) hi = mid
      else lo = mid + 1
    }
    return this.items[lo] as T
  }
}

/** mulberry32: a tiny PRNG of floats in [0, 1), for benchmarks that need the same inputs on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
