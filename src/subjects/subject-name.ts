/**
 * Names as search sees them (issue 4 builds the index on this): one normal form shared by indexing
 * and querying, so 新乡市（红旗区）食品厂 and 新乡市(红旗区)食品厂, full-width and half-width, match.
 * Chinese names have no spaces between words, so they are indexed as Han unigrams and bigrams
 * (STACK.md: FTS5 trigram and pg_trgm both fail on two-character queries).
 */

/** Full-width ASCII → half-width, ideographic space → space, Chinese brackets → ASCII, case folded, spaces removed. */
export function normalizeName(name: string): string {
  let out = ''
  for (const ch of name) {
    let code = ch.codePointAt(0)!
    if (code === 0x3000) continue
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0
    let c = String.fromCodePoint(code)
    if (c === '（' || c === '〔' || c === '【' || c === '［') c = '('
    else if (c === '）' || c === '〕' || c === '】' || c === '］') c = ')'
    else if (/\s/u.test(c)) continue
    out += c.toLowerCase()
  }
  return out
}

const isHan = (c: string) => /\p{Script=Han}/u.test(c)

/**
 * Index terms of a normalised name: every Han character, every pair of adjacent Han characters,
 * and every run of Latin letters or digits as one term. Deduplicated, in first-seen order.
 */
export function nameTerms(normalized: string): string[] {
  const terms = new Set<string>()
  const chars = [...normalized]
  let word = ''
  chars.forEach((c, i) => {
    if (isHan(c)) {
      if (word) terms.add(word)
      word = ''
      terms.add(c)
      const next = chars[i + 1]
      if (next !== undefined && isHan(next)) terms.add(c + next)
    } else if (/[\p{L}\p{N}]/u.test(c)) word += c
    else {
      if (word) terms.add(word)
      word = ''
    }
  })
  if (word) terms.add(word)
  return [...terms]
}

/**
 * The terms a query must all match: bigrams for a Han query of two or more characters (each bigram
 * narrows more than unigrams), the single character for a one-character query, Latin/digit words as
 * they are. Candidates are then confirmed by substring match on the normalised name.
 */
export function queryTerms(query: string): string[] {
  const normalized = normalizeName(query)
  const all = nameTerms(normalized)
  const bigrams = all.filter((t) => [...t].length === 2 && isHan([...t][0]!) && isHan([...t][1]!))
  const words = all.filter((t) => !isHan([...t][0]!))
  const singles = all.filter((t) => [...t].length === 1 && isHan(t))
  // A Han character standing alone between non-Han characters has no bigram; keep it.
  const covered = new Set(bigrams.flatMap((b) => [...b]))
  return [...bigrams, ...singles.filter((s) => bigrams.length === 0 || !covered.has(s)), ...words]
}
