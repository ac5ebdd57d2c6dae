/** Seeding N demo subjects into an empty store (issue 2 target: 1,000,000 in under 60 s on SQLite). */
import { seedDemo } from '../src/seeding/demo-seed.ts'
import { openBenchPlatform, type BenchStore } from './stores.ts'

export async function benchSeeding(store: BenchStore, subjects: number) {
  const bench = await openBenchPlatform(store)
  try {
    const report = await seedDemo(bench.platform, { subjects, password: 'Bench-Password-2026!' })
    const identifiers = await bench.platform.database.db.selectFrom('subject_identifiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    return {
      store,
      subjects: report.subjectsAdded,
      identifierRows: Number(identifiers.n),
      seconds: report.seconds.subjects,
      subjectsPerSecond: report.subjectsAdded / report.seconds.subjects,
      peakRssMb: process.memoryUsage().rss / 1048576,
    }
  } finally {
    await bench.dispose()
  }
}
