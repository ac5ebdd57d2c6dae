import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { codeParam } from '../http/schemas.ts'
import { identify } from './index.ts'

const resultSchema = z.object({
  input: z.string(),
  normalized: z.string(),
  kind: z.enum(['uscc', 'org_code', 'resident_id', 'registration_number', 'unknown']),
  valid: z.boolean(),
  error: z.object({ code: z.string(), zh: z.string(), en: z.string() }).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
})

export const identifierRoutes = (): FastifyPluginAsync => async (app) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/identifiers/:code',
    {
      schema: {
        tags: ['identifiers'],
        summary: '校验代码 Check a USCC, organisation code, resident identity number or registration number',
        description: 'Always 200 with `valid` and, when invalid, a coded bilingual `error`. Input is normalised first (spaces, hyphens, full-width, case).',
        params: z.object({ code: codeParam }),
        response: { 200: resultSchema },
      },
    },
    async (request) => identify(request.params.code),
  )
}
