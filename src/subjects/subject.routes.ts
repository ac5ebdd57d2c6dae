import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { codeParam, errorResponses } from '../http/schemas.ts'
import { subjectKinds } from './subject-kind.ts'
import { identifierSchemes } from './subject.ts'

const subjectSchema = z.object({
  id: z.number().int(),
  kind: z.enum(subjectKinds),
  name: z.string(),
  division: z.string().nullable(),
  divisionName: z.string().nullable(),
  status: z.enum(['active', 'deregistered', 'revoked']),
  legalRepresentative: z.string().nullable(),
  establishedOn: z.string().nullable(),
  identifiers: z.array(z.object({ scheme: z.enum(identifierSchemes), value: z.string(), masked: z.boolean() })),
  formerNames: z.array(z.object({ name: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable(), source: z.enum(['registry', 'former', 'observed']) })),
  createdAt: z.string(),
  updatedAt: z.string(),
})

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')

const newSubjectSchema = z.object({
  kind: z.enum(subjectKinds).describe('For organisations the kind is derived from the USCC when it can be'),
  name: z.string().min(1).max(200),
  division: z.string().regex(/^\d{6}$/).nullish(),
  status: z.enum(['active', 'deregistered', 'revoked']).optional(),
  legalRepresentative: z.string().max(100).nullish(),
  establishedOn: date.nullish(),
  identifiers: z.array(z.object({ scheme: z.enum(identifierSchemes), value: z.string().min(1).max(64) })).min(1).max(10),
  formerNames: z.array(z.object({ name: z.string().min(1).max(200), validFrom: date.nullish(), validTo: date.nullish() })).max(50).optional(),
})

export const subjectRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()

    r.get(
      '/subjects/:code',
      {
        schema: {
          tags: ['subjects'],
          summary: '主体基本信息 Basic record of a subject',
          description: 'code: USCC, organisation code, legacy registration or tax number, resident identity number (staff only), or subject id. Natural persons are not shown to the public; personal numbers are masked.',
          params: z.object({ code: codeParam }),
          querystring: z.object({ purpose: z.string().max(200).optional().describe('Why a staff member reads a natural person’s record (query log)') }),
          response: { 200: subjectSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => platform.subjects.basicRecord(request.actor, request.params.code, { ...(request.query.purpose ? { purpose: request.query.purpose } : {}), channel: 'api' }),
    )

    r.post(
      '/subjects',
      {
        schema: {
          tags: ['subjects'],
          summary: '登记信用主体 Register a subject',
          security: [{ apiKey: [] }, { session: [] }],
          body: newSubjectSchema,
          response: { 201: subjectSchema.omit({ identifiers: true, formerNames: true, divisionName: true }), ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const subject = await platform.subjects.register(request.actor, request.body)
        return reply.code(201).send(subject)
      },
    )
  }
