import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { errorResponses } from '../http/schemas.ts'
import { FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT } from './change-feed.service.ts'

const eventSchema = z.object({
  cursor: z.string().describe('Resume right after this event'),
  seq: z.number().int(),
  type: z.string().describe('record.accepted | record.superseded | record.revoked | record.archived | record.deleted | publicity.ended | objection.flag_set | objection.flag_cleared | repair.decided | list.entry | list.exit'),
  at: z.string(),
  subjectId: z.number().int().nullable(),
  recordId: z.number().int().nullable(),
  category: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
})

export const changeFeedRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    r.get(
      '/changes',
      {
        schema: {
          tags: ['changes'],
          summary: '变更订阅 The change feed',
          description:
            'A gap-free, ordered stream of what happened to records, for departments, the provincial platform and licensed agencies. ' +
            'Start without `after`; then pass the `next` of each page (an opaque cursor, valid for ever). Each consumer sees only what it may: ' +
            'departments what is shared with government and their own records, banks what is within an authorisation in force, the platform office everything. ' +
            'Events it may not see still move the cursor on. Reads of non-public records are written to the query log.',
          security: [{ apiKey: [] }, { session: [] }],
          querystring: z.object({
            after: z.string().max(64).optional().describe('The `next` (or an event’s `cursor`) from an earlier page; absent = from the start'),
            limit: z.coerce.number().int().min(1).max(FEED_MAX_LIMIT).default(FEED_DEFAULT_LIMIT),
          }),
          response: { 200: z.object({ events: z.array(eventSchema), next: z.string(), hasMore: z.boolean() }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => platform.changes.read(request.actor, { limit: request.query.limit, channel: 'api', ...(request.query.after ? { after: request.query.after } : {}) }),
    )
  }
