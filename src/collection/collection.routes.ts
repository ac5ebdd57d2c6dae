import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import fastifyMultipart from '@fastify/multipart'
import { z } from 'zod'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { PassThrough } from 'node:stream'
import type { Platform } from '../platform.ts'
import { errorResponses } from '../http/schemas.ts'
import { attachment } from '../http/content-disposition.ts'
import { AppError } from '../errors.ts'
import { defaultCollectionLimits } from './collection.service.ts'

const issueSchema = z.object({ row: z.number(), column: z.string().nullable(), value: z.string().nullable(), code: z.string(), message: z.string(), message_en: z.string() })
const summarySchema = z.object({ batchId: z.number(), received: z.number(), accepted: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number(), warnings: z.number(), errors: z.array(issueSchema) })
const batchSchema = z.object({
  id: z.number(),
  departmentId: z.number(),
  departmentCode: z.string(),
  category: z.string(),
  catalogVersion: z.number(),
  channel: z.string(),
  fileName: z.string().nullable(),
  fileHash: z.string().nullable(),
  format: z.string().nullable(),
  encoding: z.string().nullable(),
  headers: z.array(z.string()).nullable(),
  submittedBy: z.string(),
  status: z.enum(['validating', 'committed', 'failed', 'interrupted']),
  received: z.number(),
  accepted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  warnings: z.number(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  failure: z.object({ code: z.string(), message: z.string(), message_en: z.string() }).nullable(),
})
const idParams = z.object({ id: z.coerce.number().int().positive() })
const categoryCode = z.string().min(1).max(32)

export const collectionRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: defaultCollectionLimits.maxFileBytes, files: 1, fields: 10 } })
    const r = app.withTypeProvider<ZodTypeProvider>()

    r.post(
      '/batches',
      {
        bodyLimit: 256 * 1024 * 1024,
        schema: {
          tags: ['collection'],
          summary: '报送记录（JSON）Submit records as JSON',
          description: 'Fields by catalog key (CF_WSH), Chinese header (处罚决定书文号) or alias. Row N in errors is the Nth record. Re-sending the same records changes nothing.',
          security: [{ apiKey: [] }, { session: [] }],
          body: z.object({ category: categoryCode, department: z.string().max(32).optional(), records: z.array(z.record(z.string(), z.unknown())).min(1) }),
          response: { 201: summarySchema, ...errorResponses(400, 401, 403, 404, 413) },
        },
      },
      async (request, reply) => {
        const summary = await platform.collection.submitRecords(request.actor, { category: request.body.category, records: request.body.records, ...(request.body.department ? { departmentCode: request.body.department } : {}) })
        return reply.code(201).send(summary)
      },
    )

    r.post(
      '/batches/upload',
      {
        schema: {
          tags: ['collection'],
          summary: '上传报送文件（CSV/XLSX）Upload a CSV or XLSX file',
          description: 'multipart/form-data with fields `category`, optional `department`, then `file`. CSV in UTF-8 (with or without BOM) or GBK/GB18030.',
          security: [{ apiKey: [] }, { session: [] }],
          consumes: ['multipart/form-data'],
          response: { 201: summarySchema, ...errorResponses(400, 401, 403, 404, 413) },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw new AppError('UPLOAD_NOT_MULTIPART', '请以 multipart/form-data 上传文件', 'Upload the file as multipart/form-data')
        const fields: Record<string, string> = {}
        const dir = await mkdtemp(join(tmpdir(), 'xinyong-upload-'))
        try {
          let saved: { path: string; fileName: string } | undefined
          for await (const part of request.parts()) {
            if (part.type === 'field') fields[part.fieldname] = String(part.value)
            else if (!saved) {
              const path = join(dir, 'upload')
              await pipeline(part.file, createWriteStream(path))
              if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', '文件超过大小上限', 'The file exceeds the size limit', { kind: 'too_large' })
              saved = { path, fileName: part.filename }
            } else await pipeline(part.file, new PassThrough().resume())
          }
          if (!saved) throw new AppError('UPLOAD_FILE_MISSING', '请求中没有文件', 'The request holds no file', { details: { field: 'file' } })
          const category = categoryCode.safeParse(fields.category)
          if (!category.success) throw new AppError('UPLOAD_CATEGORY_MISSING', '请填写目录项代码 category', 'Give the catalog item code in the field category', { details: { field: 'category' } })
          const summary = await platform.collection.ingestFile(request.actor, { path: saved.path, fileName: saved.fileName, category: category.data, channel: 'file', ...(fields.department ? { departmentCode: fields.department } : {}) })
          return reply.code(201).send(summary)
        } finally {
          await rm(dir, { recursive: true, force: true })
        }
      },
    )

    r.get(
      '/batches',
      {
        schema: {
          tags: ['collection'],
          summary: '报送批次 Batches (own department; all for the platform office)',
          security: [{ apiKey: [] }, { session: [] }],
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), beforeId: z.coerce.number().int().positive().optional() }),
          response: { 200: z.object({ items: z.array(batchSchema) }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => ({ items: await platform.collection.listBatches(request.actor, { limit: request.query.limit, ...(request.query.beforeId ? { beforeId: request.query.beforeId } : {}) }) }),
    )

    r.get(
      '/batches/:id',
      { schema: { tags: ['collection'], summary: '批次概况 Batch summary', security: [{ apiKey: [] }, { session: [] }], params: idParams, response: { 200: batchSchema, ...errorResponses(400, 401, 403, 404) } } },
      async (request) => platform.collection.getBatch(request.actor, request.params.id),
    )

    r.get(
      '/batches/:id/issues',
      {
        schema: {
          tags: ['collection'],
          summary: '批次问题明细 Row-by-row errors and warnings',
          security: [{ apiKey: [] }, { session: [] }],
          params: idParams,
          querystring: z.object({ severity: z.enum(['error', 'warning']).optional(), after: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(5000).default(500) }),
          response: { 200: z.object({ items: z.array(issueSchema.extend({ id: z.number(), severity: z.enum(['error', 'warning']) })) }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => ({
        items: await platform.collection.batchIssues(request.actor, request.params.id, { limit: request.query.limit, ...(request.query.severity ? { severity: request.query.severity } : {}), ...(request.query.after ? { afterId: request.query.after } : {}) }),
      }),
    )

    r.get(
      '/batches/:id/rejected',
      {
        schema: {
          tags: ['collection'],
          summary: '退回数据文件 Rejected rows with their errors, to fix and upload again',
          security: [{ apiKey: [] }, { session: [] }],
          params: idParams,
          querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
          produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (request, reply) => {
        const batch = await platform.collection.getBatch(request.actor, request.params.id)
        const format = request.query.format
        const body = new PassThrough()
        reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment(`退回数据-批次${batch.id}.${format}`))
        void platform.collection.errorReport(request.actor, batch.id, format, body).catch((error) => body.destroy(error as Error))
        return reply.send(body)
      },
    )
  }
