/** Notices over HTTP: public list and read; the platform office creates, edits, unpublishes, republishes. */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { errorResponses } from '../http/schemas.ts'
import { noticeCategories, noticeLimits } from './notice.ts'

const security: Array<Record<string, string[]>> = [{ session: [] }, { apiKey: [] }]
const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) })
const base = { id: z.number(), category: z.enum(noticeCategories), title: z.string(), source: z.string().nullable(), publishedAt: z.string(), unpublishedAt: z.string().nullable(), createdBy: z.string(), createdAt: z.string(), updatedAt: z.string() }
const noticeSchema = z.object({ ...base, body: z.string().describe('Plain text; paragraphs separated by line breaks. Never HTML.') })
const summarySchema = z.object({ ...base, excerpt: z.string() })
// Bounds a little above the service's, so its coded errors (NOTICE_FIELD_TOO_LONG) name the field.
const fields = { category: z.enum(noticeCategories), title: z.string().max(noticeLimits.title * 2), source: z.string().max(noticeLimits.source * 2).nullish(), body: z.string().max(noticeLimits.body * 2) }

export const noticeRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()

    r.get(
      '/notices',
      {
        schema: {
          tags: ['notices'],
          summary: '信用政策与信用动态 Published notices, newest first',
          description: '`includeUnpublished=true` (platform office) lists withdrawn notices too.',
          querystring: z.object({ category: z.enum(noticeCategories).optional(), page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20), includeUnpublished: z.enum(['true', 'false']).optional() }),
          response: { 200: z.object({ page: z.number(), pageSize: z.number(), total: z.number(), items: z.array(summarySchema) }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const q = request.query
        return platform.notices.list(request.actor, { page: q.page, pageSize: q.pageSize, ...(q.category ? { category: q.category } : {}), includeUnpublished: q.includeUnpublished === 'true' })
      },
    )

    r.get('/notices/:id', { schema: { tags: ['notices'], summary: '公告正文 One notice', params: idParams, response: { 200: noticeSchema, ...errorResponses(400, 404) } } }, async (request) => platform.notices.get(request.actor, request.params.id))

    r.post(
      '/notices',
      { schema: { tags: ['notices'], summary: '发布公告 Publish a notice (platform office, audited)', security, body: z.object(fields), response: { 201: noticeSchema, ...errorResponses(400, 401, 403) } } },
      async (request, reply) => reply.code(201).send(await platform.notices.create(request.actor, request.body)),
    )

    r.put(
      '/notices/:id',
      { schema: { tags: ['notices'], summary: '修改公告 Edit a notice (audited)', security, params: idParams, body: z.object(fields).partial(), response: { 200: noticeSchema, ...errorResponses(400, 401, 403, 404) } } },
      async (request) => platform.notices.edit(request.actor, request.params.id, request.body),
    )

    r.post(
      '/notices/:id/unpublish',
      { schema: { tags: ['notices'], summary: '撤下公告 Take a notice off the site (audited)', security, params: idParams, body: z.object({ reason: z.string().max(2000).optional() }).optional(), response: { 200: noticeSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request) => platform.notices.unpublish(request.actor, request.params.id, request.body?.reason),
    )

    r.post(
      '/notices/:id/republish',
      { schema: { tags: ['notices'], summary: '重新发布 Publish an unpublished notice again (audited)', security, params: idParams, response: { 200: noticeSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request) => platform.notices.republish(request.actor, request.params.id),
    )
  }
