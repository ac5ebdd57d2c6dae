export { navigate } from '../shared/router.tsx'
export { query } from '../shared/api.ts'
import type { Identifier } from '../shared/types.ts'

/** The address of a subject's page: its USCC when it has one in clear, else its id. */
export function subjectPath(subject: { id: number; identifiers: Identifier[] }): string {
  const uscc = subject.identifiers.find((i) => i.scheme === 'uscc' && !i.masked)
  return `/subjects/${encodeURIComponent(uscc?.value ?? String(subject.id))}`
}
