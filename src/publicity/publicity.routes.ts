import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { errorResponses } from '../http/schemas.ts'
import { tiers } from '../catalog/catalog.ts'
import { publicityStates } from './assess-publicity.ts'
import { decisionKinds } from './record-decisions.ts'

const date = z.string().nullable()
const reason = z.object({ zh: z.string(), en: z.string() })

const explanationSchema = z.object({
  recordId: z.number().int(),
  subjectId: z.number().int(),
  category: z.string(),
  categoryName: z.string(),
  department: z.string(),
  status: z.string(),
  version: z.number().int(),
  state: z.enum(publicityStates),
  shown: z.boolean().describe('Within its window and not ended by a decision'),
  shownToPublic: z.boolean().describe('The public may see it now (also needs a public item; natural persons’ penalties are not)'),
  withdrawn: z.boolean(),
  ruleSetVersion: z.number().int(),
  ruleKind: z.string(),
  ruleSource: z.enum(['rule_set', 'catalog']),
  legalBasis: z.string(),
  tier: z.enum(tiers).nullable(),
  tierSource: z.enum(['provider', 'department_table', 'default_table', 'item_default']).nullable(),
  start: date,
  startField: z.enum(['publication_date', 'decision_date', 'valid_from']).nullable(),
  minimumEnd: date.describe('From this day the publicity may end early (credit repair may be applied for)'),
  maximumEnd: date.describe('Publication stops automatically on this day'),
  ceiling: date.describe('Archived (转为档案保存) from this day'),
  end: date.describe('The first day it is no longer shown; null = open-ended'),
  earlyEndAllowed: z.boolean(),
  reasons: z.array(reason),
  dates: z.object({ decision: date, publication: date, validFrom: date, validTo: date, publicityEnd: date }),
  providerTier: z.string().nullable(),
  decisions: z.array(z.object({ kind: z.enum(decisionKinds), effectiveAt: z.string(), basis: z.string(), sourceType: z.string(), sourceId: z.string() })),
  ruleSet: z.object({ version: z.number().int(), name: z.string(), effectiveFrom: z.string(), legalBasis: z.string() }),
  asOf: z.object({ today: z.string(), now: z.string() }),
})

const ruleSetSummarySchema = z.object({
  version: z.number().int(),
  name: z.string(),
  effectiveFrom: z.string(),
  legalBasis: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  inForce: z.boolean(),
})

export const publicityRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    r.get(
      '/records/:id/publicity',
      {
        schema: {
          tags: ['publicity'],
          summary: '公示说明 Why a record is shown or not (the platform office; the providing department)',
          description: 'Which rule-set version and rule, which tier and why, the start and which date it counts from, the minimum and maximum ends, the ceiling, the decisions taken, and the state today — derived at query time, never stored.',
          security: [{ apiKey: [] }, { session: [] }],
          params: z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
          response: { 200: explanationSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => platform.publicity.explainFor(request.actor, request.params.id),
    )

    r.get(
      '/publicity/rule-sets',
      {
        schema: {
          tags: ['publicity'],
          summary: '公示规则版本 Publicity rule-set versions and the one in force',
          response: { 200: z.array(ruleSetSummarySchema) },
        },
      },
      async () => platform.publicity.ruleSets(),
    )

    r.post(
      '/publicity/rule-sets',
      {
        schema: {
          tags: ['publicity'],
          summary: '安装新版公示规则 Install a rule-set version (the platform office)',
          description: 'The definition (name, effectiveFrom, legalBasis, tiers, tierRules, departmentTierRules, neverEarlyEnd, ceiling, honourProviderEnd, items) is validated as a whole; it decides publicity from its effective date. Audited.',
          security: [{ apiKey: [] }, { session: [] }],
          body: z.looseObject({}),
          response: { 201: ruleSetSummarySchema, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => reply.code(201).send(await platform.publicity.installRuleSet(request.actor, request.body)),
    )
  }
