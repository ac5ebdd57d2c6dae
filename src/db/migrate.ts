/** One set of migrations for both stores, applied in order and recorded by Kysely's migrator. */
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely'
import type { Database } from './create-database.ts'
import { schemaHelpers } from './migrations/schema-helpers.ts'
import * as foundation from './migrations/0001-foundation.ts'
import * as subjectSearch from './migrations/0002-subject-search.ts'
import * as queryPlatform from './migrations/0003-query-platform.ts'
import * as recordDecisions from './migrations/0004-record-decisions.ts'
import * as workingCalendar from './migrations/0005-working-calendar.ts'
import * as objections from './migrations/0006-objections.ts'
import * as publicityRules from './migrations/0007-publicity-rules.ts'
import * as creditRepairs from './migrations/0008-credit-repairs.ts'
import * as changeFeed from './migrations/0009-change-feed.ts'
import * as jointMeasures from './migrations/0010-joint-measures.ts'
import * as notices from './migrations/0011-notices.ts'
import * as recordsSummaryIncludeId from './migrations/0012-records-summary-include-id.ts'
import * as standingFacts from './migrations/0013-standing-facts.ts'
import * as checkOutcomeText from './migrations/0014-check-outcome-text.ts'
import * as configGeneration from './migrations/0015-config-generation.ts'
import * as checkMeasureStatements from './migrations/0016-check-measure-statements.ts'
import * as identifierLookupCoversSubject from './migrations/0017-identifier-lookup-covers-subject.ts'
import * as recordReferencesByConstruction from './migrations/0018-record-references-by-construction.ts'

const migrations = [['0001-foundation', foundation], ['0002-subject-search', subjectSearch], ['0003-query-platform', queryPlatform], ['0004-record-decisions', recordDecisions], ['0005-working-calendar', workingCalendar], ['0006-objections', objections], ['0007-publicity-rules', publicityRules], ['0008-credit-repairs', creditRepairs], ['0009-change-feed', changeFeed], ['0010-joint-measures', jointMeasures], ['0011-notices', notices], ['0012-records-summary-include-id', recordsSummaryIncludeId], ['0013-standing-facts', standingFacts], ['0014-check-outcome-text', checkOutcomeText], ['0015-config-generation', configGeneration], ['0016-check-measure-statements', checkMeasureStatements], ['0017-identifier-lookup-covers-subject', identifierLookupCoversSubject], ['0018-record-references-by-construction', recordReferencesByConstruction]] as const

function provider(database: Database): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {}
      // The helpers must build on the migration's own connection (it runs in a transaction).
      for (const [name, m] of migrations) out[name] = { up: (db) => m.up(db, schemaHelpers(db, database.dialect)) }
      return out
    },
  }
}

export interface MigrationReport {
  applied: string[]
  alreadyApplied: number
}

export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  const migrator = new Migrator({
    db: database.db,
    provider: provider(database),
    // Introspection sees every schema; pin Kysely's own tables to ours.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  })
  const result: MigrationResultSet = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName
    throw new Error(`迁移失败 / Migration ${failed ?? ''} failed: ${(result.error as Error).message ?? result.error}`)
  }
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
  return { applied, alreadyApplied: migrations.length - applied.length }
}
