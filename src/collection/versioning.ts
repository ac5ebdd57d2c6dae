/** Versions, never overwrites: what a re-sent, corrected or revoked row does to a stored record. Pure. */
export type VersionDecision = 'new' | 'unchanged' | 'revise'

export function decideVersion(existing: { currentHash: string } | undefined, incoming: { contentHash: string }): VersionDecision {
  if (!existing) return 'new'
  return existing.currentHash === incoming.contentHash ? 'unchanged' : 'revise'
}
