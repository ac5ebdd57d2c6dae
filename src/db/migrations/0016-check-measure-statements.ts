/**
 * A credit check keeps the wording of the measures it applied once, with the check
 * (credit_checks.measures), and each subject's stored answer names them by code with the records
 * that triggered them; the reasons are put back on reading. Before, every answer repeated each
 * measure's name, legal basis and reasons: a 100,000-subject check stored 45 MB where 25 MB say
 * the same. Stored answers are rewritten in the new form, their measures' wording kept as stated.
 *
 * PostgreSQL also drops the foreign key from the answers to their check: it is checked by a trigger
 * per row, 0.27 s of the 0.6 s that storing 100,000 answers took, and the answers are only ever
 * written by the check itself, in the transaction that inserts it (credit-check.service.ts).
 */
import { sql, type Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

interface OldMeasure {
  code: string
  name: string
  effect: string
  part: string
  legalBasis: string
  implementers: string[]
  triggeredBy: Array<{ recordId: number }>
}

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  await sql`alter table credit_checks add column measures text not null default '[]'`.execute(db)
  if (h.dialect === 'postgres') await sql`alter table credit_check_results drop constraint credit_check_results_check_id_fkey`.execute(db)
  const checks = await db.selectFrom('credit_checks').select('id').orderBy('id').execute()
  for (const { id } of checks) {
    const statements = new Map<string, Omit<OldMeasure, 'triggeredBy'>>()
    const rows = await db.selectFrom('credit_check_results').select(['position', 'outcome']).where('check_id', '=', id).where('outcome', 'is not', null).execute()
    for (const row of rows) {
      const old = JSON.parse(row.outcome as string) as { entries?: unknown; negativeRecords?: unknown; punishments?: OldMeasure[]; incentives?: OldMeasure[]; why?: unknown }
      if (!Array.isArray(old.punishments) || old.why === undefined) continue
      const refOf = (m: OldMeasure) => {
        const { triggeredBy, ...statement } = m
        if (!statements.has(m.code)) statements.set(m.code, statement)
        return { code: m.code, triggeredBy: triggeredBy.map((t) => t.recordId) }
      }
      const stored = { entries: old.entries, negativeRecords: old.negativeRecords, punishments: old.punishments.map(refOf), incentives: (old.incentives ?? []).map(refOf) }
      await db.updateTable('credit_check_results').set({ outcome: JSON.stringify(stored) }).where('check_id', '=', id).where('position', '=', row.position).execute()
    }
    if (statements.size > 0) await db.updateTable('credit_checks').set({ measures: JSON.stringify([...statements.values()]) }).where('id', '=', id).execute()
  }
}
