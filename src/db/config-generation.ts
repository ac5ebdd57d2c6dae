/**
 * The configuration generation (migration 0015): what caches of compiled configuration key on. One
 * indexed read per request replaces a signature query per cache. Calls made while a read is in
 * flight share it; such a call may miss a change committing at that very moment, exactly as if it
 * had come a moment earlier.
 */
import type { Kysely } from 'kysely'
import type { Tables } from './database.ts'
import { preparedQuery } from './prepared-query.ts'
import type { Read } from './read-together.ts'

const generationRow = preparedQuery((db) => db.selectFrom('config_generation').select('generation').where('id', '=', 1))

export type ConfigGeneration = () => Promise<number>

/** The generation as a read to send with a request's others (read-together.ts); hand it to each cache's `current(at)`. */
export const generationRead = (db: Kysely<Tables>): Read<number> => ({ query: generationRow.bind(db), map: (rows: Array<{ generation: number | string }>) => Number(rows[0]!.generation) })

export function configGeneration(db: Kysely<Tables>): ConfigGeneration {
  let pending: Promise<number> | undefined
  return () => {
    if (pending) return pending
    const read = generationRow(db).then(
      ([row]) => {
        pending = undefined
        return Number(row!.generation)
      },
      (error: unknown) => {
        pending = undefined
        throw error
      },
    )
    pending = read
    return read
  }
}

/** A value compiled from configuration, rebuilt when the generation it was built at has passed. */
export function configCache<T>(generation: ConfigGeneration, load: (at: number) => Promise<T>) {
  let cached: { at: number; value: T } | undefined
  return {
    /** `at`: a generation the caller has just read (one read for several caches). */
    async current(at?: number): Promise<T> {
      const now = at ?? (await generation())
      // The generation only grows: a value built at a later one is at least as new as `now` asks.
      if (cached && cached.at >= now) return cached.value
      const value = await load(now)
      cached = { at: now, value }
      return value
    },
    /** The value last built, unchecked (lets a read start while the check runs). */
    last: (): T | undefined => cached?.value,
  }
}
