/**
 * The environment is read here, once, with a schema; the frozen result is passed down.
 * Nothing else in the code reads process.env.
 */
import { z } from 'zod'
import { resolve } from 'node:path'

const environmentSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().optional(),
  XINYONG_DATA_DIR: z.string().default('./data'),
  XINYONG_DATA_KEY: z.string().optional(),
  XINYONG_ENV: z.enum(['production', 'development', 'test']).default('development'),
  XINYONG_NOW: z.iso.datetime({ offset: true }).optional(),
  XINYONG_CITY_NAME: z.string().default('新乡市'),
  XINYONG_CITY_DIVISION: z.string().regex(/^\d{6}$/).default('410700'),
  XINYONG_SITE_TITLE: z.string().default('信用新乡'),
  XINYONG_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  XINYONG_SESSION_HOURS: z.coerce.number().positive().default(8),
  XINYONG_DEMO_SUBJECTS: z.coerce.number().int().min(0).max(50_000_000).default(2000),
  XINYONG_DEMO_PASSWORD: z.string().min(10).optional(),
  XINYONG_SCHEDULER_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  XINYONG_PARALLEL_CHECK_FROM: z.coerce.number().int().min(0).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export interface Config {
  host: string
  port: number
  /** A file path (SQLite) or a postgres:// URL. */
  databaseUrl: string
  dataDir: string
  /** Base64 or hex of 32 bytes; when absent a key file in dataDir is used (created 0600 on first use). */
  dataKey?: string
  environment: 'production' | 'development' | 'test'
  /** A fixed instant for the clock, honoured only outside production. */
  fixedNow?: string
  city: { name: string; division: string; siteTitle: string }
  cookieSecure: 'auto' | 'true' | 'false'
  sessionHours: number
  logLevel: string
  /** How many generated subjects `npm start` seeds into an empty store, and a fixed demo password (else generated). */
  demo: { subjects: number; password?: string }
  /** How often `serve` runs the publicity scheduler's tick, in seconds (0: only at start). */
  schedulerSeconds: number
  /** A credit check of at least this many found subjects is decided half on a worker thread (0: never). */
  parallelCheckFrom: number
}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = environmentSchema.safeParse(env)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`配置有误 / Invalid configuration: ${issues}`)
  }
  const e = parsed.data
  const dataDir = resolve(overrides.dataDir ?? e.XINYONG_DATA_DIR)
  const config: Config = {
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL ?? resolve(dataDir, 'xinyong.db'),
    dataDir,
    ...(e.XINYONG_DATA_KEY ? { dataKey: e.XINYONG_DATA_KEY } : {}),
    environment: e.XINYONG_ENV,
    ...(e.XINYONG_NOW && e.XINYONG_ENV !== 'production' ? { fixedNow: e.XINYONG_NOW } : {}),
    city: { name: e.XINYONG_CITY_NAME, division: e.XINYONG_CITY_DIVISION, siteTitle: e.XINYONG_SITE_TITLE },
    cookieSecure: e.XINYONG_COOKIE_SECURE,
    sessionHours: e.XINYONG_SESSION_HOURS,
    logLevel: e.LOG_LEVEL,
    demo: { subjects: e.XINYONG_DEMO_SUBJECTS, ...(e.XINYONG_DEMO_PASSWORD ? { password: e.XINYONG_DEMO_PASSWORD } : {}) },
    schedulerSeconds: e.XINYONG_SCHEDULER_SECONDS,
    parallelCheckFrom: e.XINYONG_PARALLEL_CHECK_FROM,
    ...overrides,
  }
  return Object.freeze(config)
}
