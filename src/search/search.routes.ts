import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { errorResponses } from '../http/schemas.ts'
import { subjectKinds } from '../subjects/subject-kind.ts'
import { identifierSchemes } from '../subjects/subject.ts'
import { searchLimits } from './search-query.ts'
import { matchTiers } from './search-ranking.ts'

const querySchema = z.object({
  q: z.string().trim().min(1).max(searchLimits.maxQueryLength).describe('A code (USCC, organisation code, registration or tax number, subject id; a resident identity number for staff) or part of a name, 2 characters or more'),
  page: z.coerce.number().int().min(1).max(searchLimits.maxResults).default(1),
  pageSize: z.coerce.number().int().min(1).max(searchLimits.maxPageSize).default(searchLimits.defaultPageSize),
  kind: z.enum(subjectKinds).optional().describe('Only subjects of this kind'),
  division: z.string().regex(/^[1-9]\d{5}$/, 'GB/T 2260').optional().describe('GB/T 2260 code; a city or province code matches the divisions beneath it'),
  negative: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('true: only subjects with negative records in force (失信 / 行政处罚 …); false: only those without'),
})

const itemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(subjectKinds),
  name: z.string().describe('Masked for natural persons'),
  division: z.string().nullable(),
  divisionName: z.string().nullable(),
  status: z.enum(['active', 'deregistered', 'revoked']),
  identifiers: z.array(z.object({ scheme: z.enum(identifierSchemes), value: z.string(), masked: z.boolean() })),
  match: z.enum(matchTiers).describe('code > exact > prefix > substring'),
  rank: z.number().int().describe('0 = code, 1 = exact name, 2 = name starts with the query, 3 = name contains it'),
  matchedName: z.string().nullable().describe('The former name or alias that matched, when the current name did not'),
  matchedNameSource: z.enum(['registry', 'former', 'observed']).nullable(),
})

export const searchRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()

    r.get(
      '/subjects',
      {
        schema: {
          tags: ['subjects'],
          summary: '统一查询 Search subjects by code or name',
          description:
            'Exact by any code; by name as a substring (2-character queries work), ignoring full-width/half-width forms and （） versus (); former names and observed aliases match too. ' +
            `Ranked code > exact > prefix > substring, active subjects first. At most ${searchLimits.maxPageSize} a page and the first ${searchLimits.maxResults} results; ` +
            '`total` is given when every match was read, `hasMore` always. Natural persons are never found by name; staff find them by identity number only (masked, logged).',
          querystring: querySchema,
          response: {
            200: z.object({
              page: z.number().int(),
              pageSize: z.number().int(),
              total: z.number().int().nullable(),
              hasMore: z.boolean(),
              items: z.array(itemSchema),
            }),
            ...errorResponses(400),
          },
        },
      },
      async (request) => {
        const q = request.query
        return platform.search.search(
          request.actor,
          { q: q.q, page: q.page, pageSize: q.pageSize, ...(q.kind ? { kind: q.kind } : {}), ...(q.division ? { division: q.division } : {}), ...(q.negative !== undefined ? { negative: q.negative } : {}) },
          { channel: 'api' },
        )
      },
    )
  }
