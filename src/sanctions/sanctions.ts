/** Wires the services of joint rewards and punishments (issue 6) from the platform's own services. */
import type { Database } from '../db/create-database.ts'
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import type { PersonalDataCipher } from '../security/personal-data.ts'
import type { CatalogService } from '../catalog/catalog.service.ts'
import type { CalendarService } from '../calendar/calendar.service.ts'
import type { DepartmentService } from '../departments/department.service.ts'
import type { SubjectService } from '../subjects/subject.service.ts'
import { createMeasureService } from './measure.service.ts'
import { createSanctionSettings } from './sanction-settings.ts'
import { createListService } from './list.service.ts'
import { createCreditCheckService } from './credit-check.service.ts'
import { createCommitmentService } from './commitment.service.ts'

export function createSanctions(deps: { config: Config; database: Database; clock: Clock; audit: AuditTrail; cipher: PersonalDataCipher; catalog: CatalogService; calendar: CalendarService; departments: DepartmentService; subjects: SubjectService }) {
  const { database, clock, audit } = deps
  const measures = createMeasureService({ database, clock, audit, catalog: deps.catalog })
  const sanctionSettings = createSanctionSettings({ database, clock, audit })
  const idPrefix = `xy-${deps.config.city.division}`
  return {
    measures,
    sanctionSettings,
    lists: createListService({ ...deps, measures, settings: sanctionSettings, publisher: deps.config.city.siteTitle, idPrefix }),
    creditChecks: createCreditCheckService({ ...deps, measures, settings: sanctionSettings }),
    commitments: createCommitmentService(deps),
  }
}

export type Sanctions = ReturnType<typeof createSanctions>
