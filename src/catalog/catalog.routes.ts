import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { codeParam, errorResponses } from '../http/schemas.ts'
import { attachment } from '../http/content-disposition.ts'
import { displayGroups, natures, sharingLevels } from './catalog.ts'
import { catalogItemSchema, codeTableSchema } from './catalog.schema.ts'

const summarySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  version: z.number().int(),
  nature: z.enum(natures),
  sharingLevel: z.enum(sharingLevels),
  displayGroup: z.enum(displayGroups),
  listKind: z.enum(['red', 'focus', 'black']).optional(),
  doublePublicity: z.enum(['licensing', 'penalty']).optional(),
  providers: z.array(z.string()),
  fieldCount: z.number().int(),
})

const definitionSchema = catalogItemSchema
const versionSchema = z.object({ code: z.string(), version: z.number().int(), definition: definitionSchema, createdAt: z.string(), createdBy: z.string() })
const outcomeSchema = z.object({ code: z.string(), outcome: z.enum(['created', 'revised', 'unchanged']), version: z.number().int() })
const definitionBody = z.unknown().describe('A CatalogItemDefinition as returned by GET /api/v1/catalog/{code} (validated field by field; errors name the path)')

export const catalogRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const codeParams = z.object({ code: codeParam })

    r.get('/catalog', { schema: { tags: ['catalog'], summary: '信用信息目录 The catalog, current versions', response: { 200: z.object({ items: z.array(summarySchema) }) } } }, async () => ({
      items: (await platform.catalog.list()).map(({ definition: d, version }) => ({
        code: d.code,
        name: d.name,
        nameEn: d.nameEn,
        version,
        nature: d.nature,
        sharingLevel: d.sharingLevel,
        displayGroup: d.displayGroup,
        ...(d.listKind ? { listKind: d.listKind } : {}),
        ...(d.doublePublicity ? { doublePublicity: d.doublePublicity } : {}),
        providers: d.providers,
        fieldCount: d.fields.length,
      })),
    }))

    r.get('/catalog/export', { schema: { tags: ['catalog'], summary: '导出目录 Export every current item and code table', response: { 200: z.object({ items: z.array(definitionSchema), codeTables: z.array(codeTableSchema) }) } } }, async () =>
      platform.catalog.export(),
    )

    r.get('/code-tables', { schema: { tags: ['catalog'], summary: '代码表 Code tables', response: { 200: z.object({ items: z.array(codeTableSchema) }) } } }, async () => ({
      items: await platform.catalog.codeTables(),
    }))

    r.get(
      '/catalog/:code',
      {
        schema: {
          tags: ['catalog'],
          summary: '目录项 One item (current or a given version)',
          params: codeParams,
          querystring: z.object({ version: z.coerce.number().int().positive().optional() }),
          response: { 200: versionSchema, ...errorResponses(400, 404) },
        },
      },
      async (request) => platform.catalog.get(request.params.code, request.query.version),
    )

    r.get(
      '/catalog/:code/versions',
      { schema: { tags: ['catalog'], summary: '版本历史 Version history', params: codeParams, response: { 200: z.object({ items: z.array(z.object({ version: z.number(), createdAt: z.string(), createdBy: z.string(), note: z.string().nullable() })) }), ...errorResponses(404) } } },
      async (request) => ({ items: await platform.catalog.versions(request.params.code) }),
    )

    r.get(
      '/catalog/:code/template',
      {
        schema: {
          tags: ['catalog'],
          summary: '报送模板 Submission template with Chinese headers',
          params: codeParams,
          querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
          produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (request, reply) => {
        const file = await platform.catalog.template(request.params.code, request.query.format)
        return reply.type(file.contentType).header('content-disposition', attachment(file.fileName)).send(file.body)
      },
    )

    r.post(
      '/catalog',
      { schema: { tags: ['catalog'], summary: '新增目录项 Create an item (version 1)', security: [{ session: [] }], body: z.object({ definition: definitionBody, note: z.string().max(500).optional() }), response: { 201: outcomeSchema, ...errorResponses(400, 401, 403, 409) } } },
      async (request, reply) => reply.code(201).send(await platform.catalog.create(request.actor, request.body.definition, request.body.note)),
    )

    r.put(
      '/catalog/:code',
      {
        schema: {
          tags: ['catalog'],
          summary: '修订目录项 Revise an item (makes a new version)',
          security: [{ session: [] }],
          params: codeParams,
          body: z.object({ definition: definitionBody, note: z.string().max(500).optional() }),
          response: { 200: outcomeSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => platform.catalog.revise(request.actor, request.params.code, request.body.definition, request.body.note),
    )
  }
