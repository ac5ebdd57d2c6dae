/** Which stores the store tests run on. CI always runs both; a developer may narrow a local run explicitly. */
export type StoreName = 'sqlite' | 'postgres'

export function testStores(): StoreName[] {
  if (process.env.CI) return ['sqlite', 'postgres']
  const wanted = (process.env.XINYONG_TEST_STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim())
  return (['sqlite', 'postgres'] as const).filter((s) => wanted.includes(s))
}

export const testPostgresUrl = () =>
  process.env.XINYONG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
