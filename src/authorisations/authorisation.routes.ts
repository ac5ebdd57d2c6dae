import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { codeParam, errorResponses } from '../http/schemas.ts'

const authorisationSchema = z.object({
  id: z.number().int(),
  subjectId: z.number().int(),
  grantee: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  scope: z.array(z.string()),
  purpose: z.string(),
  grantedOn: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  evidence: z.string(),
  createdAt: z.string(),
})

const newAuthorisationSchema = z.object({
  subject: codeParam.describe('USCC, organisation code, registration number, resident ID or subject id of the subject who signed'),
  department: z.string().min(1).max(32).optional().describe('Grantee department code (a bank or credit agency); the caller’s own when absent'),
  scope: z.array(z.string().min(1).max(50)).min(1).max(100).describe('Catalog item codes the subject consented to'),
  purpose: z.string().min(1).max(200),
  grantedOn: z.string().max(10).describe('YYYY-MM-DD the subject signed'),
  expiresAt: z.string().max(40).describe('ISO-8601 instant the authorisation lapses'),
  evidence: z.string().min(1).max(500).describe('Reference of the written authorisation: document number, archive number or file hash'),
})

const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) })

export const authorisationRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const security: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }]

    r.post(
      '/authorisations',
      {
        schema: {
          tags: ['authorisations'],
          summary: '登记书面授权 Record a subject’s written authorisation',
          description: 'A bank or licensed credit agency records the authorisation it holds (or the platform office records it for them). Audited.',
          security,
          body: newAuthorisationSchema,
          response: { 201: authorisationSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => reply.code(201).send(await platform.authorisations.record(request.actor, request.body)),
    )

    r.get(
      '/authorisations',
      {
        schema: {
          tags: ['authorisations'],
          summary: '授权列表 Authorisations, newest first',
          description: 'Institutions see their own; the platform office and auditors see all.',
          security,
          querystring: z.object({
            subject: codeParam.optional(),
            department: z.string().min(1).max(32).optional(),
            inForce: z.enum(['true', 'false']).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            beforeId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
          }),
          response: { 200: z.object({ items: z.array(authorisationSchema) }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const q = request.query
        return {
          items: await platform.authorisations.list(request.actor, {
            limit: q.limit,
            ...(q.subject ? { subject: q.subject } : {}),
            ...(q.department ? { department: q.department } : {}),
            ...(q.inForce === 'true' ? { inForce: true } : {}),
            ...(q.beforeId ? { beforeId: q.beforeId } : {}),
          }),
        }
      },
    )

    r.get(
      '/authorisations/:id',
      { schema: { tags: ['authorisations'], summary: '授权详情 One authorisation', security, params: idParams, response: { 200: authorisationSchema, ...errorResponses(400, 401, 403, 404) } } },
      async (request) => platform.authorisations.get(request.actor, request.params.id),
    )

    r.delete(
      '/authorisations/:id',
      {
        schema: {
          tags: ['authorisations'],
          summary: '撤销授权 Revoke an authorisation',
          description: 'Ends it at once: queries under it stop seeing authorised-query records. Audited.',
          security,
          params: idParams,
          querystring: z.object({ reason: z.string().max(200).optional() }),
          response: { 200: authorisationSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => platform.authorisations.revoke(request.actor, request.params.id, request.query.reason),
    )
  }
