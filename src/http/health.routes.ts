import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { pingDatabase } from '../db/create-database.ts'
import { errorResponses } from './schemas.ts'
import { AppError } from '../errors.ts'

export const healthRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/healthz',
      {
        schema: {
          tags: ['health'],
          summary: '运行状态 Liveness and store reachability',
          response: { 200: z.object({ status: z.literal('ok'), store: z.enum(['sqlite', 'postgres']), time: z.string() }), ...errorResponses(503) },
        },
      },
      async () => {
        try {
          await pingDatabase(platform.database)
        } catch {
          throw new AppError('STORE_UNAVAILABLE', '数据库不可用', 'The store is unreachable', { kind: 'unavailable' })
        }
        return { status: 'ok' as const, store: platform.database.dialect, time: platform.clock.now().toISOString() }
      },
    )
  }
