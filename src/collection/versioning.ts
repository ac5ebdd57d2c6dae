/** Versions, never overwrites: what a re-sent, corrected or revoked row does to a stored record. Pure. */
export type VersionDecision = 'new' | 'unchanged' | 'revise'

export function decideVersion(existing: { currentHash: string } | undefined, incoming: { contentHash: string }): VersionDecision {
  if (!existing) return 'new'
  return existing.currentHash === incoming.contentHash ? 'unchanged' : 'revise'
}

/** The change-feed event a decision emits. */
export function versionEvent(decision: Exclude<VersionDecision, 'unchanged'>, revoked: boolean): 'record.accepted' | 'record.superseded' | 'record.revoked' {
  if (revoked) return 'record.revoked'
  return decision === 'new' ? 'record.accepted' : 'record.superseded'
}
