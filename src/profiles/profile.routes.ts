import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { codeParam, errorResponses } from '../http/schemas.ts'
import { displayGroups } from '../catalog/catalog.ts'
import { subjectKinds } from '../subjects/subject-kind.ts'
import { identifierSchemes } from '../subjects/subject.ts'
import { MAX_LOOKUP_CODES } from './bulk-lookup.ts'
import { publicityStates } from '../publicity/assess-publicity.ts'

const provenanceSchema = z.object({
  department: z.object({ code: z.string(), name: z.string() }),
  receivedAt: z.string(),
  catalogVersion: z.number().int(),
  batchId: z.number().int().nullable().optional(),
  sourceRow: z.number().int().nullable().optional(),
  submittedBy: z.string().optional(),
  fileHash: z.string().nullable().optional(),
})

const fields = z.record(z.string(), z.unknown())

const recordSchema = z.object({
  id: z.number().int(),
  category: z.string(),
  categoryName: z.string(),
  categoryNameEn: z.string(),
  status: z.string(),
  version: z.number().int(),
  visibleAs: z.string().describe('Why this asker sees the record: public_in_window, government_sharing, authorised, provider, own_record, platform_office'),
  underObjection: z.boolean(),
  objectionNote: z.object({ receiptNumber: z.string(), grounds: z.string(), outcomeNote: z.string(), decidedOn: z.string() }).nullable().describe('An objection that could not be verified, recorded beside the record'),
  dates: z.object({ decision: z.string().nullable(), publication: z.string().nullable(), validFrom: z.string().nullable(), validTo: z.string().nullable(), publicityStart: z.string().nullable(), publicityEnd: z.string().nullable() }),
  publicityState: z.enum(publicityStates).describe('The publicity engine’s state today'),
  publicNow: z.boolean(),
  fields,
  provenance: provenanceSchema,
  history: z.array(z.object({ version: z.number().int(), status: z.string(), fields, provenance: provenanceSchema })).optional(),
})

const profileSchema = z.object({
  subject: z.object({
    id: z.number().int(),
    kind: z.enum(subjectKinds),
    name: z.string(),
    division: z.string().nullable(),
    divisionName: z.string().nullable(),
    status: z.string(),
    legalRepresentative: z.string().nullable(),
    establishedOn: z.string().nullable(),
    identifiers: z.array(z.object({ scheme: z.enum(identifierSchemes), value: z.string(), masked: z.boolean() })),
    formerNames: z.array(z.object({ name: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable(), source: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  asOf: z.string(),
  view: z.object({ asker: z.string(), masked: z.boolean(), authorisationId: z.number().int().nullable(), logged: z.boolean() }),
  total: z.number().int(),
  groups: z.array(z.object({ group: z.enum(displayGroups), label: z.string(), labelEn: z.string(), count: z.number().int(), records: z.array(recordSchema) })),
})

const countsSchema = z.object(Object.fromEntries(displayGroups.map((g) => [g, z.number().int()])) as Record<(typeof displayGroups)[number], z.ZodNumber>)

const queryLogSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  department: z.object({ code: z.string(), name: z.string() }).nullable(),
  actorType: z.string(),
  actorId: z.string(),
  recordIds: z.array(z.number().int()),
  purpose: z.string(),
  authorisationId: z.number().int().nullable(),
  channel: z.string(),
})

/**
 * The two hot routes answer objects the service builds field by field, so they skip re-validating
 * the answer against its (documented) schema: that costs more than the database reads.
 */
const plainJson = () => (data: unknown) => JSON.stringify(data)

const positiveId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const profileRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()

    r.get(
      '/subjects/:code/profile',
      {
        serializerCompiler: plainJson,
        schema: {
          tags: ['profiles'],
          summary: '信用档案 A subject’s credit file',
          description:
            'Basic information, then records grouped as on 信用中国 (行政许可, 行政处罚, 守信激励, 失信惩戒, 重点关注, 资质资格, 风险提示, 其他) with counts. ' +
            'What is shown depends on who asks: the public sees public records within their publicity window; departments see government-shared records; ' +
            'a bank sees authorised-query records under the subject’s written authorisation in force (purpose required); the provider and the platform office also see history. ' +
            'Every read of non-public data is written to the query log.',
          params: z.object({ code: codeParam }),
          querystring: z.object({
            purpose: z.string().max(200).optional().describe('Why the record is read (query log); required for authorised queries'),
            authorisation: positiveId.optional().describe('The authorisation a bank’s query rests on; the newest in force when absent'),
            group: z.enum(displayGroups).optional().describe('Only this group’s records (others still give counts)'),
            limit: z.coerce.number().int().min(0).max(200).default(10).describe('Records per group'),
            offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('With group: records to skip'),
          }),
          response: { 200: profileSchema, ...errorResponses(400, 403, 404) },
        },
      },
      async (request) => {
        const q = request.query
        return platform.profiles.profile(request.actor, request.params.code, {
          limit: q.limit,
          offset: q.offset,
          channel: 'api',
          ...(q.purpose ? { purpose: q.purpose } : {}),
          ...(q.authorisation ? { authorisationId: q.authorisation } : {}),
          ...(q.group ? { group: q.group } : {}),
        })
      },
    )

    r.post(
      '/subjects/lookup',
      {
        serializerCompiler: plainJson,
        schema: {
          tags: ['profiles'],
          summary: '批量查询 Bulk lookup of up to 10,000 codes',
          description: 'For government departments: per code, whether a subject was found, its name and kind, and the records in force the department may see per group. Logged.',
          security: [{ apiKey: [] }, { session: [] }],
          body: z.object({ codes: z.array(z.string().max(200)).min(1).max(MAX_LOOKUP_CODES), purpose: z.string().min(1).max(200) }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  code: z.string(),
                  found: z.boolean(),
                  subjectId: z.number().int().optional(),
                  name: z.string().optional(),
                  kind: z.string().optional(),
                  counts: countsSchema.optional(),
                  error: z.object({ code: z.string(), message: z.string(), message_en: z.string() }).optional(),
                }),
              ),
            }),
            ...errorResponses(400, 401, 403, 413),
          },
        },
      },
      async (request) => ({ items: await platform.profiles.lookup(request.actor, request.body.codes, { purpose: request.body.purpose, channel: 'api' }) }),
    )

    r.get(
      '/subjects/:code/query-log',
      {
        schema: {
          tags: ['profiles'],
          summary: '查询记录 Who read a subject’s non-public data',
          description: 'For the platform office and auditors (e.g. answering a subject at a service window): newest first, with the reading department.',
          security: [{ apiKey: [] }, { session: [] }],
          params: z.object({ code: codeParam }),
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), beforeId: positiveId.optional(), purpose: z.string().max(200).optional() }),
          response: { 200: z.object({ items: z.array(queryLogSchema) }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const q = request.query
        return { items: await platform.profiles.queryLog(request.actor, request.params.code, { limit: q.limit, channel: 'api', ...(q.beforeId ? { beforeId: q.beforeId } : {}), ...(q.purpose ? { purpose: q.purpose } : {}) }) }
      },
    )
  }
