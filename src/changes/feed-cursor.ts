/**
 * Where a consumer is in the change feed. Pure. A position is an event's sequence number and, inside
 * a batch event (which expands into one event per version it wrote), the id of the last version
 * delivered; `part` null means the whole event is behind the consumer. Consumers get it as an opaque
 * string: its form may change, its meaning may not.
 */
import { AppError } from '../errors.ts'

export interface FeedPosition {
  seq: number
  /** Last version id delivered of the batch event `seq`; null when all of event `seq` is delivered. */
  part: number | null
}

/** Before the first event. */
export const FEED_START: FeedPosition = { seq: 0, part: null }

const VERSION = 'c1'

export function encodeCursor(p: FeedPosition): string {
  const text = p.part === null ? `${VERSION}.${p.seq}` : `${VERSION}.${p.seq}.${p.part}`
  return Buffer.from(text, 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string | undefined): FeedPosition {
  if (cursor === undefined || cursor === '') return FEED_START
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const m = /^c1\.(\d{1,15})(?:\.(\d{1,15}))?$/.exec(text)
  if (!m) throw new AppError('CHANGES_CURSOR_INVALID', '变更订阅游标无效，请使用上一页返回的 next 值', 'The change-feed cursor is not valid; pass the `next` value of the previous page', { details: { field: 'after' } })
  return { seq: Number(m[1]), part: m[2] === undefined ? null : Number(m[2]) }
}

/** Strictly after: `a` comes later in the feed than `b`. */
export function isAfter(a: FeedPosition, b: FeedPosition): boolean {
  if (a.seq !== b.seq) return a.seq > b.seq
  if (b.part === null) return false
  return a.part === null || a.part > b.part
}
