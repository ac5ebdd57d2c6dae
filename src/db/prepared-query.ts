/**
 * A query built and compiled once, then run with new values. Building a Kysely query and compiling
 * it to SQL cost about as much as SQLite takes to answer a point read: a fifth of a profile's or a
 * single credit check's time went there, for the same dozen statements every request. The builder
 * is called once per dialect with stand-ins for the arguments; each run binds the real values in
 * their places. So the builder must put each argument where a value goes (`where(col, '=', x)`,
 * `values({…})`, a `sql` template value) and nowhere else: not in `sql.lit`, not as an `in` list
 * (whose length would vary), not in a branch of the builder's own code. Declare every argument (no
 * defaults, no rest); one left out of the SQL is refused at the first run.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely'
import type { Tables } from './database.ts'

class Argument {
  constructor(readonly index: number) {}
}

interface Compiled<Row> {
  query: CompiledQuery<Row>
  /** For each parameter of the SQL, the argument it takes, or -1 for a value fixed at build time. */
  from: number[]
}

export interface PreparedQuery<Args extends unknown[], Row> {
  (db: Kysely<Tables>, ...args: Args): Promise<Row[]>
  /** The statement with these values bound, to run later or with others (read-together.ts). */
  bind(db: Kysely<Tables>, ...args: Args): CompiledQuery<Row>
}

export function preparedQuery<Args extends unknown[], Row>(build: (db: Kysely<Tables>, ...args: Args) => Compilable<Row>): PreparedQuery<Args, Row> {
  // By adapter (one per dialect), so that a transaction reuses what its database compiled.
  const byAdapter = new Map<unknown, Compiled<Row>>()
  const arity = build.length - 1
  const bind = (db: Kysely<Tables>, ...args: Args): CompiledQuery<Row> => {
    const adapter = db.getExecutor().adapter
    let compiled = byAdapter.get(adapter.constructor)
    if (!compiled) {
      const stand = Array.from({ length: arity }, (_, i) => new Argument(i)) as unknown as Args
      const query = build(db, ...stand).compile()
      const from = query.parameters.map((p) => (p instanceof Argument ? p.index : -1))
      if (new Set(from.filter((i) => i >= 0)).size !== arity) throw new Error(`preparedQuery: every argument must be a value of the query (${query.sql})`)
      compiled = { query, from }
      byAdapter.set(adapter.constructor, compiled)
    }
    const { query, from } = compiled
    return { ...query, parameters: from.map((i, at) => (i < 0 ? query.parameters[at] : args[i])) }
  }
  const run = async (db: Kysely<Tables>, ...args: Args): Promise<Row[]> => (await db.executeQuery<Row>(bind(db, ...args))).rows
  return Object.assign(run, { bind })
}
