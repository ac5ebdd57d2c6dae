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
    profiles: createProfileService({ database, clock, cipher, catalog, subjects, departments, authorisations }),
    close: () => database.close(),
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
