/**
 * Personal values in a stored payload are `{masked, sealed}` (collection/protect-record.ts). An
 * asker who may not see them gets the mask; the subject and the platform office get the value.
 */
import type { PersonalDataCipher } from '../security/personal-data.ts'
import type { PayloadFields } from './profile.ts'

const isSealed = (v: unknown): v is { masked: string; sealed: string } =>
  typeof v === 'object' && v !== null && typeof (v as { sealed?: unknown }).sealed === 'string' && typeof (v as { masked?: unknown }).masked === 'string'

export function revealFields(payloadJson: string, masked: boolean, cipher: PersonalDataCipher): PayloadFields {
  const fields = JSON.parse(payloadJson) as PayloadFields
  for (const key in fields) {
    const value = fields[key]
    if (!isSealed(value)) continue
    if (masked) fields[key] = value.masked
    else {
      try {
        fields[key] = cipher.decrypt(value.sealed)
      } catch {
        // A value sealed under another key (a restored backup without its key file) stays masked.
        fields[key] = value.masked
      }
    }
  }
  return fields
}
