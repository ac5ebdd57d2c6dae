import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { errorResponses } from '../http/schemas.ts'

const withdrawalSchema = z.object({
  recordId: z.number().int(),
  versionId: z.number().int(),
  version: z.number().int(),
  status: z.literal('revoked'),
  withdrawnAt: z.string(),
  department: z.string(),
})

export const withdrawalRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    r.post(
      '/records/:id/withdrawal',
      {
        schema: {
          tags: ['records'],
          summary: '撤回记录 Withdraw a record (the providing department)',
          description:
            'When a decision is changed or revoked, its provider withdraws the record (行政处罚法 Art. 48: within 3 days). ' +
            'A new version with status revoked is written; the record leaves public view at once; a record.revoked event goes to the change feed. Audited.',
          security: [{ apiKey: [] }, { session: [] }],
          params: z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
          body: z.object({
            reason: z.string().min(1).max(500).describe('Why, e.g. 行政复议决定撤销原处罚决定'),
            legalBasis: z.string().min(1).max(500).describe('e.g. 《中华人民共和国行政处罚法》第四十八条'),
          }),
          response: { 201: withdrawalSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await platform.withdrawals.withdraw(request.actor, request.params.id, request.body)),
    )
  }
