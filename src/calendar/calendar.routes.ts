/** The working calendar: public to read (deadlines are computed on it), the platform office changes it. */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { errorResponses } from '../http/schemas.ts'
import { chinaDate } from '../clock.ts'

const entrySchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
  source: z.string(),
  origin: z.enum(['built_in', 'office']),
})
const dateParam = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })

export const calendarRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()

    r.get(
      '/calendar',
      {
        schema: {
          tags: ['calendar'],
          summary: '工作日历 Holidays and adjusted working days (调休) of a year',
          querystring: z.object({ year: z.coerce.number().int().min(1949).max(2200).optional() }),
          response: { 200: z.object({ year: z.number(), covered: z.boolean(), items: z.array(entrySchema) }), ...errorResponses(400) },
        },
      },
      async (request) => {
        const year = request.query.year ?? Number(chinaDate(platform.clock).slice(0, 4))
        const items = await platform.calendar.list(year)
        return { year, covered: (await platform.calendar.current()).covers(`${year}-01-01`), items }
      },
    )

    r.put(
      '/calendar/days/:date',
      {
        schema: {
          tags: ['calendar'],
          summary: '录入放假或调休上班日 Set a holiday or an adjusted working day',
          security: [{ session: [] }],
          params: dateParam,
          body: z.object({ kind: z.enum(['holiday', 'workday']), name: z.string().min(1).max(50), source: z.string().max(200).optional() }),
          response: { 200: entrySchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => platform.calendar.setDay(request.actor, { date: request.params.date, ...request.body }),
    )

    r.delete(
      '/calendar/days/:date',
      {
        schema: { tags: ['calendar'], summary: '删除平台录入的日历条目 Remove an office calendar entry', security: [{ session: [] }], params: dateParam, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } },
      },
      async (request, reply) => {
        await platform.calendar.removeDay(request.actor, request.params.date)
        return reply.code(204).send(null)
      },
    )
  }
