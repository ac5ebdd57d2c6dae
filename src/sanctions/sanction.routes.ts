/** Lists, the measure catalog and commitments over HTTP (credit checks: credit-check.routes.ts). */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { codeParam, errorResponses } from '../http/schemas.ts'

const security: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }]
const recordParams = z.object({ recordId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) })
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')

export const sanctionRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()

    r.get(
      '/lists/:kind',
      {
        schema: {
          tags: ['sanctions'],
          summary: '名单 A list page: red, focus or black',
          description: 'The public sees entries in force of public items about organisations; staff may ask for status=all or awaiting_pre_notice. Status is derived from the dates at query time.',
          params: z.object({ kind: z.string().max(10) }),
          querystring: z.object({ status: z.enum(['active', 'awaiting_pre_notice', 'all']).default('active'), q: z.string().max(100).optional(), page: z.coerce.number().int().min(1).max(100_000).default(1) }),
          response: { 200: z.unknown(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => platform.lists.page(request.actor, request.params.kind, { status: request.query.status, page: request.query.page, ...(request.query.q ? { q: request.query.q } : {}) }),
    )

    r.get(
      '/lists/:kind/exits',
      {
        schema: {
          tags: ['sanctions'],
          summary: '移出公告 Recent exits from a list',
          params: z.object({ kind: z.string().max(10) }),
          querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(90), page: z.coerce.number().int().min(1).default(1) }),
          response: { 200: z.unknown(), ...errorResponses(400, 404) },
        },
      },
      async (request) => platform.lists.exits(request.actor, request.params.kind, request.query),
    )

    r.get(
      '/lists/entries/:recordId',
      { schema: { tags: ['sanctions'], summary: '名单记录 One list entry', params: recordParams, response: { 200: z.unknown(), ...errorResponses(400, 404) } } },
      async (request) => platform.lists.entry(request.actor, request.params.recordId),
    )

    r.get(
      '/lists/entries/:recordId/ftm',
      {
        schema: {
          tags: ['sanctions'],
          summary: 'FollowTheMoney export of a list entry (JSON lines: subject, Sanction)',
          params: recordParams,
          produces: ['application/x-ndjson'],
          response: { 200: z.string(), ...errorResponses(400, 404) },
        },
      },
      async (request, reply) => {
        const entities = await platform.lists.ftm(request.actor, request.params.recordId)
        return reply.type('application/x-ndjson; charset=utf-8').send(entities.map((e) => JSON.stringify(e)).join('\n') + '\n')
      },
    )

    r.post(
      '/lists/pre-notices',
      {
        schema: {
          tags: ['sanctions'],
          summary: '登记事先告知 Record the written pre-notice served before listing (河南条例 Art. 28)',
          security,
          body: z.object({
            subject: codeParam,
            category: z.string().min(1).max(50).describe('List item code, e.g. YZSXZT'),
            noticeNumber: z.string().min(1).max(100),
            servedOn: date,
            delivery: z.string().min(1).max(100).describe('直接送达、邮寄送达、电子送达…'),
            basis: z.string().min(1).max(2000),
            reasons: z.string().min(1).max(4000),
            measures: z.string().min(1).max(2000),
            objectionUntil: date.optional(),
            department: z.string().max(32).optional(),
          }),
          response: { 201: z.unknown(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => reply.code(201).send(await platform.lists.recordPreNotice(request.actor, request.body)),
    )

    r.get(
      '/lists/pre-notices',
      {
        schema: { tags: ['sanctions'], summary: '事先告知列表 Pre-notices', security, querystring: z.object({ subject: codeParam.optional(), category: z.string().max(50).optional() }), response: { 200: z.unknown(), ...errorResponses(400, 401, 403) } },
      },
      async (request) => ({ items: await platform.lists.preNotices(request.actor, request.query) }),
    )

    r.post(
      '/lists/entries/:recordId/responsible-persons',
      {
        schema: {
          tags: ['sanctions'],
          summary: '登记责任人 Record a responsible person of a list entry (河南条例 Art. 35)',
          security,
          params: recordParams,
          body: z.object({ role: z.enum(['legal_representative', 'principal', 'actual_controller', 'directly_responsible']), name: z.string().min(1).max(100), idNumber: z.string().max(32).optional() }),
          response: { 201: z.unknown(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => reply.code(201).send(await platform.lists.addResponsiblePerson(request.actor, request.params.recordId, request.body)),
    )

    r.get('/matters', { schema: { tags: ['sanctions'], summary: '事项目录 Matters a credit check is made for', response: { 200: z.unknown() } } }, async () => ({ items: (await platform.measures.current()).matters }))
    r.get('/measures', { schema: { tags: ['sanctions'], summary: '奖惩措施清单 The measure catalog', response: { 200: z.unknown() } } }, async () => ({ items: await platform.measures.listMeasures() }))
    r.put(
      '/measures/:code',
      { schema: { tags: ['sanctions'], summary: '编辑措施 Install or revise a measure (platform office, audited)', security, params: z.object({ code: z.string().max(32) }), body: z.unknown(), response: { 200: z.unknown(), ...errorResponses(400, 401, 403) } } },
      async (request) => platform.measures.setMeasure(request.actor, { ...(request.body as object), code: request.params.code }),
    )

    r.get(
      '/commitments',
      {
        schema: { tags: ['sanctions'], summary: '信用承诺公示 Organisations’ public commitments', querystring: z.object({ subject: codeParam.optional(), q: z.string().max(100).optional(), page: z.coerce.number().int().min(1).default(1) }), response: { 200: z.unknown(), ...errorResponses(400) } },
      },
      async (request) => platform.commitments.publicPage(request.query),
    )

    r.post(
      '/commitments/:recordId/breach',
      {
        schema: {
          tags: ['sanctions'],
          summary: '记录违诺 The accepting department records a breach (becomes a negative record)',
          security,
          params: recordParams,
          body: z.object({ breachedOn: date, description: z.string().min(1).max(2000) }),
          response: { 200: z.unknown(), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => platform.commitments.recordBreach(request.actor, request.params.recordId, request.body),
    )
  }
