/**
 * Wires the services of one platform instance together, with every dependency explicit.
 * The HTTP server, the CLI, tests and benchmarks all start from here.
 */
import type { Config } from './config.ts'
import { fixedClock, systemClock, type Clock } from './clock.ts'
import { openDatabase, type Database } from './db/create-database.ts'
import { migrateToLatest } from './db/migrate.ts'
import { createAuditTrail, type AuditTrail } from './security/audit-trail.ts'
import { loadDataKey } from './security/data-key.ts'
import { createPersonalDataCipher, type PersonalDataCipher } from './security/personal-data.ts'
import { createDepartmentService, type DepartmentService } from './departments/department.service.ts'
import { createAccessService, type AccessService } from './security/access.service.ts'
import { createSubjectService, type SubjectService } from './subjects/subject.service.ts'
import { createCatalogService, type CatalogService } from './catalog/catalog.service.ts'
import { createSettings, type Settings } from './db/settings.ts'
import { createCollectionService, type CollectionService } from './collection/collection.service.ts'
import { createSearchService, type SearchService } from './search/search.service.ts'
import { createAuthorisationService, type AuthorisationService } from './authorisations/authorisation.service.ts'
import { createProfileService, type ProfileService } from './profiles/profile.service.ts'
import { createChangeFeedService, type ChangeFeedService } from './changes/change-feed.service.ts'
import { createWithdrawalService, type WithdrawalService } from './records/withdrawal.service.ts'
import { createOwnFileService, type OwnFileService } from './rights/own-file.service.ts'
import { createCalendarService, type CalendarService } from './calendar/calendar.service.ts'
import { createObjectionService, type ObjectionService } from './objections/objection.service.ts'
import { createStatisticsService, type StatisticsService } from './statistics/statistics.service.ts'
import { createPublicityService, type PublicityService } from './publicity/publicity.service.ts'
import { createRepairService, type RepairService } from './repairs/repair.service.ts'
import { createSanctions, type Sanctions } from './sanctions/sanctions.ts'
import { createNoticeService, type NoticeService } from './notices/notice.service.ts'
import { mapRead } from './db/read-together.ts'

/** What a change-feed read spends announcing due window ends first; the scheduler does the rest. */
const FEED_TICK_BUDGET_MS = 250

export interface Platform {
  config: Config
  database: Database
  clock: Clock
  cipher: PersonalDataCipher
  audit: AuditTrail
  settings: Settings
  departments: DepartmentService
  access: AccessService
  subjects: SubjectService
  catalog: CatalogService
  collection: CollectionService
  search: SearchService
  authorisations: AuthorisationService
  profiles: ProfileService
  /** The change feed (变更订阅). */
  changes: ChangeFeedService
  /** Providers' withdrawals of records. */
  withdrawals: WithdrawalService
  /** The subject's own view and archiving on request. */
  rights: OwnFileService
  calendar: CalendarService
  /** Objections (异议). */
  objections: ObjectionService
  statistics: StatisticsService
  /** The publicity rules engine: explain, rule-set versions, and the scheduler's tick. */
  publicity: PublicityService
  /** Credit repair (信用修复). */
  repairs: RepairService
  // Joint rewards and punishments (issue 6): measure catalog, lists, credit checks, commitments.
  measures: Sanctions['measures']
  sanctionSettings: Sanctions['sanctionSettings']
  lists: Sanctions['lists']
  creditChecks: Sanctions['creditChecks']
  commitments: Sanctions['commitments']
  /** Notices on the public site (信用政策, 信用动态). */
  notices: NoticeService
  close(): Promise<void>
}

export function assemblePlatform(deps: { config: Config; database: Database; clock: Clock; dataKey: Buffer }): Platform {
  const { config, database, clock } = deps
  const cipher = createPersonalDataCipher(deps.dataKey)
  const audit = createAuditTrail({ database, clock })
  const departments = createDepartmentService({ database, clock, audit })
  const catalog = createCatalogService({ database, clock, audit })
  const subjects = createSubjectService({ database, clock, audit, cipher })
  const authorisations = createAuthorisationService({ database, clock, audit, subjects, departments, catalog })
  const search = createSearchService({ database, clock, subjects, catalog })
  const calendar = createCalendarService({ database, clock, audit })
  const publicity = createPublicityService({ database, clock, audit, catalog })
  const objections = createObjectionService({ database, clock, audit, calendar, settings: createSettings({ database, clock }), subjects, publicity })
  const profiles = createProfileService({ database, clock, cipher, catalog, subjects, departments, authorisations, objections: (subjectId) =>
    mapRead(objections.markingRead(subjectId), ({ open, notes }) => ({ open: new Set(open), notes: new Map(notes.map((n) => [n.recordId, { receiptNumber: n.receiptNumber, grounds: n.grounds, outcomeNote: n.outcomeNote, decidedOn: n.decidedOn }])) })),
  })
  const repairs = createRepairService({ database, clock, audit, subjects, calendar, publicity })
  const sanctions = createSanctions({ config, database, clock, audit, cipher, catalog, calendar, departments, subjects })
  return {
    config,
    database,
    clock,
    cipher,
    audit,
    settings: createSettings({ database, clock }),
    departments,
    access: createAccessService({ database, clock, audit, departments, sessionHours: config.sessionHours }),
    subjects,
    catalog,
    // New subjects and observed names are searchable as soon as their batch commits.
    collection: createCollectionService({ database, clock, audit, cipher, dataKey: deps.dataKey, catalog, departments, afterCommit: () => search.indexPending() }),
    search,
    authorisations,
    profiles,
    // Windows that have closed are announced before each read of the feed.
    changes: createChangeFeedService({ database, clock, catalog, departments, beforeRead: () => publicity.tick({ budgetMs: FEED_TICK_BUDGET_MS }) }),
    withdrawals: createWithdrawalService({ database, clock, audit }),
    rights: createOwnFileService({ database, clock, audit, profiles, publicityOf: (recordId) => publicity.explain(recordId), objectionsOf: (subjectId) => objections.listForSubject(subjectId), repairsOf: (subjectId) => repairs.listForSubject(subjectId) }),
    calendar,
    objections,
    statistics: createStatisticsService({ database, clock, catalog, departments }),
    publicity,
    repairs,
    ...sanctions,
    notices: createNoticeService({ database, clock, audit }),
    close: async () => {
      await sanctions.creditChecks.close()
      await database.close()
    },
  }
}

export function clockFor(config: Config): Clock {
  return config.fixedNow ? fixedClock(config.fixedNow) : systemClock
}

/** Opens the configured store, brings its schema up to date, and assembles the platform. */
export async function openPlatform(config: Config, options: { clock?: Clock; migrate?: boolean } = {}): Promise<Platform> {
  const database = openDatabase(config.databaseUrl)
  try {
    if (options.migrate !== false) await migrateToLatest(database)
    const { key } = loadDataKey(config)
    return assemblePlatform({ config, database, clock: options.clock ?? clockFor(config), dataKey: key })
  } catch (error) {
    await database.close()
    throw error
  }
}
