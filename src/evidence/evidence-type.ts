/**
 * What an uploaded evidence file really is, decided by its first bytes (a renamed .exe stays an
 * .exe). PDF, JPEG and PNG by their signatures; OFD (GB/T 33190, the national layout format many
 * government documents come in) is a ZIP package whose root holds OFD.xml — found through the ZIP
 * central directory, so a plain ZIP or an Office file is not taken for one.
 */

export type EvidenceMediaType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'application/ofd'

const startsWith = (bytes: Buffer, signature: readonly number[]) => bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)

export function sniffMediaType(bytes: Buffer): EvidenceMediaType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf' // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && zipHasRootEntry(bytes, 'OFD.xml')) return 'application/ofd'
  return undefined
}

/** Reads the ZIP end-of-central-directory record and walks the directory's file names. */
function zipHasRootEntry(bytes: Buffer, wanted: string): boolean {
  const eocdMin = 22
  const searchFrom = Math.max(0, bytes.length - eocdMin - 0xffff) // the comment is at most 64 KiB
  for (let at = bytes.length - eocdMin; at >= searchFrom; at -= 1) {
    if (bytes.readUInt32LE(at) !== 0x06054b50) continue
    const entries = bytes.readUInt16LE(at + 10)
    let p = bytes.readUInt32LE(at + 16)
    for (let i = 0; i < entries; i += 1) {
      if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) return false
      const nameLength = bytes.readUInt16LE(p + 28)
      const extraLength = bytes.readUInt16LE(p + 30)
      const commentLength = bytes.readUInt16LE(p + 32)
      if (p + 46 + nameLength > bytes.length) return false
      if (bytes.toString('utf8', p + 46, p + 46 + nameLength) === wanted) return true
      p += 46 + nameLength + extraLength + commentLength
    }
    return false
  }
  return false
}
