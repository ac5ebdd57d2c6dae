/**
 * Id ranges the indexer has passed without seeing rows. On PostgreSQL two batches can take
 * sequence values A < B and commit B first: a high-water mark alone would then skip A's rows for
 * good. So every hole below the mark is remembered and looked at again until it expires. Pure.
 */
export interface IdGap {
  low: number
  high: number
}

/** Holes in the ids read after `after` (ascending); nothing past the last id read. */
export function gapsAmong(after: number, ids: readonly number[]): IdGap[] {
  const gaps: IdGap[] = []
  let previous = after
  for (const id of ids) {
    if (id > previous + 1) gaps.push({ low: previous + 1, high: id - 1 })
    if (id > previous) previous = id
  }
  return gaps
}

/** What is left of a gap once the given ids inside it were found. */
export function splitGap(gap: IdGap, found: readonly number[]): IdGap[] {
  const inside = [...new Set(found)].filter((id) => id >= gap.low && id <= gap.high).sort((a, b) => a - b)
  const rest = gapsAmong(gap.low - 1, inside)
  const last = inside.at(-1)
  if (last === undefined) return [gap]
  if (last < gap.high) rest.push({ low: last + 1, high: gap.high })
  return rest
}
