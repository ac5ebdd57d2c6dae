import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { errorResponses } from '../http/schemas.ts'
import { displayGroups } from '../catalog/catalog.ts'
import { COLLECTION_FIGURES_TTL_MS } from './statistics.service.ts'

const group = z.enum(displayGroups)

const collectionSchema = z.object({
  asOf: z.string().describe('When the figures were computed'),
  total: z.number().int(),
  byDepartment: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), count: z.number().int() })),
  byItem: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), displayGroup: group, count: z.number().int() })),
  newestItems: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), displayGroup: group, version: z.number().int(), updatedAt: z.string() })),
})

const batchesSchema = z.object({
  months: z.array(z.string()),
  byDepartment: z.array(z.object({ code: z.string(), name: z.string(), perMonth: z.array(z.number().int()), total: z.number().int() })),
  today: z.object({ date: z.string(), batches: z.number().int(), received: z.number().int(), written: z.number().int(), rejected: z.number().int(), failed: z.number().int() }),
})

export const statisticsRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()

    r.get(
      '/statistics/collection',
      {
        schema: {
          tags: ['statistics'],
          summary: '归集情况 Records collected, by department and by catalog item',
          description: `Records in force of public catalog items, per provider department and per item, and the newest public items. Computed at most every ${COLLECTION_FIGURES_TTL_MS / 60_000} minutes.`,
          response: { 200: collectionSchema },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', `public, max-age=60`)
        return platform.statistics.collection()
      },
    )

    r.get(
      '/statistics/batches',
      {
        schema: {
          tags: ['statistics'],
          summary: '报送情况 Records written per department and month; today’s batches',
          description: 'Own department; every department for the platform office and auditors.',
          security: [{ apiKey: [] }, { session: [] }],
          response: { 200: batchesSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => platform.statistics.batches(request.actor),
    )
  }
