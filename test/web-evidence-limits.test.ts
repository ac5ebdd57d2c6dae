/** The web app's evidence limits and type check match what the API enforces (src/evidence). */
import { expect, it } from 'vitest'
import { allowedEvidenceTypes, evidenceLimits } from '../src/evidence/evidence-files.ts'
import { sniffMediaType } from '../src/evidence/evidence-type.ts'
import { evidenceLimits as webLimits, evidenceTypes, kindOf } from '../web/src/shared/evidence.ts'

it('shows applicants the limits the API enforces', () => {
  expect(webLimits).toEqual(evidenceLimits)
  expect(evidenceTypes).toEqual(allowedEvidenceTypes)
})

it.each([
  ['a PDF', Buffer.from('%PDF-1.7\n'), 'pdf'],
  ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'jpeg'],
  ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'png'],
  ['an executable', Buffer.from('MZ\x90\x00'), undefined],
  ['text', Buffer.from('hello'), undefined],
])('recognises %s by its first bytes, as the server does', (_, bytes, kind) => {
  expect(kindOf(new Uint8Array(bytes))).toBe(kind)
  if (kind !== undefined) expect(sniffMediaType(bytes)).toBeDefined()
  else expect(sniffMediaType(bytes)).toBeUndefined()
})
