/**
 * Canonical machine form of a code as people type or paste it: no whitespace of any kind
 * (incl. U+3000 ideographic space, NBSP, zero-width spaces), no hyphens or dashes, full-width
 * characters (U+FF01–U+FF5E) folded to ASCII, ASCII letters upper-cased. Everything else —
 * including characters that can never be valid — is kept, so validation can name it.
 *
 * Idempotent: normalizeCode(normalizeCode(x)) === normalizeCode(x).
 */
export function normalizeCode(input: string): string {
  const n = input.length
  // Fast path: already clean (digits and capital letters) — return the input itself.
  let i = 0
  for (; i < n; i++) {
    const c = input.charCodeAt(i)
    if (c > 90 || c < 48 || (c > 57 && c < 65)) break
  }
  if (i === n) return input
  // Second fast path: only lower-case letters to fix.
  let j = i
  for (; j < n; j++) {
    const c = input.charCodeAt(j)
    if (c > 122 || c < 48 || (c > 57 && c < 65) || (c > 90 && c < 97)) break
  }
  if (j === n) return input.toUpperCase()
  return normalizeSlow(input, i)
}

function normalizeSlow(input: string, start: number): string {
  const n = input.length
  let out = input.slice(0, start)
  let runStart = start // start of a run of characters copied unchanged
  for (let i = start; i < n; i++) {
    let c = input.charCodeAt(i)
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) continue
    // Every other character is dropped, converted or kept: flush the unchanged run first.
    let replacement: string | undefined
    let folded = false
    if (c >= 0xff01 && c <= 0xff5e) {
      c -= 0xfee0 // full-width → ASCII
      folded = true
    }
    if (isSeparator(c)) replacement = ''
    else if (c >= 97 && c <= 122) replacement = String.fromCharCode(c - 32)
    else if (folded) replacement = String.fromCharCode(c)
    if (replacement === undefined) continue // kept as is (part of the run)
    if (runStart < i) out += input.slice(runStart, i)
    out += replacement
    runStart = i + 1
  }
  if (runStart < n) out += input.slice(runStart)
  return out
}

/** Whitespace (as JavaScript's \s, plus zero-width spaces) and hyphens/dashes. */
function isSeparator(c: number): boolean {
  if (c < 128) return c === 32 || c === 45 || (c >= 9 && c <= 13)
  switch (c) {
    case 0x00a0: // no-break space
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000: // ideographic space
    case 0xfeff: // byte order mark / zero-width no-break space
    case 0x2212: // minus sign
    case 0xfe58: // small em dash
    case 0xfe63: // small hyphen-minus
      return true
  }
  // U+2000–U+200A spaces, U+200B–U+200D zero-width, U+2010–U+2015 hyphens and dashes
  // (‐ ‑ ‒ – — ―). U+FF0D full-width hyphen arrives here already folded to '-'.
  return (c >= 0x2000 && c <= 0x200d) || (c >= 0x2010 && c <= 0x2015)
}
