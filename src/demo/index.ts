/** Deterministic demo and benchmark data for the demo city (新乡市, 410700). */
export {
  DemoSubjectFactory,
  DEMO_BLOCK_SIZE,
  demoKindMix,
  generateSubjectBatch,
  generateSubjects,
  type DemoFormerName,
  type DemoNameCapacity,
  type DemoSubject,
  type DemoSubjectStatus,
  type GenerateSubjectsOptions,
} from './subject-generator.ts'
export {
  cityDepartments,
  findCityDepartment,
  platformOffice,
  type DemoDepartment,
  type DemoDepartmentKind,
} from './city-departments.ts'
export {
  CHANGYUAN_CURRENT,
  CHANGYUAN_HISTORICAL,
  DEMO_CITY_DIVISION,
  DEMO_CITY_NAME,
  demoDivision,
  demoDivisionCodes,
  demoDivisions,
  type DemoDivision,
} from './city-divisions.ts'
export { DEMO_AS_OF } from './dates.ts'
export { MAX_DEMO_SUBJECTS } from './demo-identifiers.ts'
export { hashSeed, int, pick, Rng, seedToUint32, weightedPick, WeightedTable } from './prng.ts'
export { generateDemoRecords, type GenerateRecordsOptions } from './record-generator.ts'
export { castDemoSubjects, castIndexes, type DemoCast } from './featured-cast.ts'
export { featuredRecords, type DemoPreNotice, type FeaturedRecords } from './featured-records.ts'
export type { DemoBatch, DemoRow } from './demo-rows.ts'
