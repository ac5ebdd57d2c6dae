import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { errorResponses } from '../http/schemas.ts'
import { authorize } from './policy.ts'

export const auditRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()

    r.get(
      '/audit-log',
      {
        schema: {
          tags: ['audit'],
          summary: '审计日志 Audit trail, newest first',
          security: [{ session: [] }],
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(500).default(100),
            beforeId: z.coerce.number().int().positive().optional(),
            entityType: z.string().max(50).optional(),
            entityId: z.string().max(100).optional(),
          }),
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.number(), at: z.string(), actorType: z.string(), actorId: z.string(), action: z.string(), entityType: z.string(), entityId: z.string(), detail: z.record(z.string(), z.unknown()), hash: z.string() })),
            }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => {
        authorize(request.actor, 'read_audit_log')
        const q = request.query
        return { items: await platform.audit.list({ limit: q.limit, ...(q.beforeId ? { beforeId: q.beforeId } : {}), ...(q.entityType ? { entityType: q.entityType } : {}), ...(q.entityId ? { entityId: q.entityId } : {}) }) }
      },
    )

    r.get(
      '/audit-log/verification',
      {
        schema: {
          tags: ['audit'],
          summary: '校验审计链 Verify the hash chain',
          security: [{ session: [] }],
          response: { 200: z.object({ intact: z.boolean(), entries: z.number(), brokenAt: z.number().optional(), reason: z.string().optional() }), ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        authorize(request.actor, 'read_audit_log')
        return platform.audit.verify()
      },
    )
  }
