/** Evidence: type by content, size limits, and storage on each store. */
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { describeEachStore } from '../../test/store-fixture.ts'
import { checkEvidence, checkEvidenceSet, evidenceLimits, listEvidence, readEvidence, storeEvidence } from './evidence-files.ts'
import { zipOf } from './testing.ts'

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const ofd = zipOf({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' })
const docx = zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })
const nestedOfd = zipOf({ 'Doc_0/OFD.xml': '<x/>' })

describe('checkEvidence', () => {
  it.each([
    ['a PDF', '处罚决定书.pdf', pdf, 'application/pdf'],
    ['a JPEG named .png', '照片.png', jpeg, 'image/jpeg'],
    ['a PNG with no extension', 'scan', png, 'image/png'],
    ['an OFD package', '电子证照.ofd', ofd, 'application/ofd'],
  ])('accepts %s by its content', (_, name, bytes, mediaType) => {
    expect(checkEvidence({ name, bytes })).toEqual({ mediaType, sha256: createHash('sha256').update(bytes).digest('hex') })
  })

  it.each([
    ['a text file named .pdf', '证明.pdf', Buffer.from('not a pdf at all')],
    ['a Word document (a ZIP without OFD.xml)', '说明.docx', docx],
    ['a ZIP with OFD.xml only in a folder', '假的.ofd', nestedOfd],
    ['an executable named .jpg', 'a.jpg', Buffer.from([0x4d, 0x5a, 0x90, 0x00])],
  ])('refuses %s, naming the file', (_, name, bytes) => {
    expect(() => checkEvidence({ name, bytes })).toThrow(expect.objectContaining({ code: 'EVIDENCE_TYPE_NOT_ALLOWED', zh: expect.stringContaining(name), en: expect.stringContaining(name) }))
  })

  it('refuses an empty file and one over the per-file limit', () => {
    expect(() => checkEvidence({ name: 'e.pdf', bytes: Buffer.alloc(0) })).toThrow(expect.objectContaining({ code: 'EVIDENCE_EMPTY' }))
    const big = Buffer.concat([pdf, Buffer.alloc(evidenceLimits.maxFileBytes + 1 - pdf.length)])
    expect(() => checkEvidence({ name: '大文件.pdf', bytes: big })).toThrow(expect.objectContaining({ code: 'EVIDENCE_FILE_TOO_LARGE', kind: 'too_large', zh: expect.stringContaining('大文件.pdf') }))
    expect(checkEvidence({ name: 'ok.pdf', bytes: big.subarray(0, evidenceLimits.maxFileBytes) }).mediaType).toBe('application/pdf')
  })
})

describe('checkEvidenceSet', () => {
  const nine = (size: number) => Buffer.concat([pdf, Buffer.alloc(size - pdf.length)])
  it('limits the number of files and the bytes per case, counting what the case holds', () => {
    const files = Array.from({ length: 10 }, (_, i) => ({ name: `${i}.pdf`, bytes: pdf }))
    expect(checkEvidenceSet(files)).toHaveLength(10)
    expect(() => checkEvidenceSet([...files, { name: 'x.pdf', bytes: pdf }])).toThrow(expect.objectContaining({ code: 'EVIDENCE_TOO_MANY_FILES' }))
    expect(() => checkEvidenceSet([{ name: 'x.pdf', bytes: pdf }], { files: 10, bytes: 0 })).toThrow(expect.objectContaining({ code: 'EVIDENCE_TOO_MANY_FILES' }))
    const three = [1, 2, 3].map((i) => ({ name: `${i}.pdf`, bytes: nine(9 * 1024 * 1024) }))
    expect(checkEvidenceSet(three)).toHaveLength(3)
    expect(() => checkEvidenceSet([...three, { name: '4.pdf', bytes: nine(4 * 1024 * 1024) }])).toThrow(expect.objectContaining({ code: 'EVIDENCE_CASE_TOO_LARGE' }))
  })
})

describeEachStore('evidence store', (store) => {
  it('stores, lists without content and reads back the exact bytes', async () => {
    const { db } = store().database
    const bytes = Buffer.concat([png, Buffer.from([0, 255, 1, 254])])
    const { mediaType, sha256 } = checkEvidence({ name: '现场照片.png', bytes })
    const id = await db.transaction().execute((trx) => storeEvidence(trx, { caseType: 'objection', caseId: 7, name: '现场照片.png', bytes, mediaType, sha256, uploadedBy: 'public:anonymous', at: '2026-03-02T02:00:00.000Z' }))
    await db.transaction().execute((trx) => storeEvidence(trx, { caseType: 'repair', caseId: 7, name: 'other.pdf', bytes: pdf, mediaType: 'application/pdf', sha256: 'x', uploadedBy: 'u', at: '2026-03-02T02:00:00.000Z' }))
    const listed = await listEvidence(db, 'objection', 7)
    expect(listed).toEqual([{ id, caseType: 'objection', caseId: 7, name: '现场照片.png', mediaType: 'image/png', size: bytes.length, sha256, uploadedBy: 'public:anonymous', uploadedAt: '2026-03-02T02:00:00.000Z' }])
    expect(listed[0]).not.toHaveProperty('bytes')
    const read = await readEvidence(db, id)
    expect(Buffer.isBuffer(read?.bytes)).toBe(true)
    expect(read?.bytes.equals(bytes)).toBe(true)
    expect(await readEvidence(db, 999_999)).toBeUndefined()
  })
})
