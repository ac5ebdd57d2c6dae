import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import fastifyMultipart from '@fastify/multipart'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { codeParam, errorResponses } from '../http/schemas.ts'
import { attachment } from '../http/content-disposition.ts'
import { AppError } from '../errors.ts'
import { evidenceLimits, readEvidence, type EvidenceFile } from '../evidence/evidence-files.ts'
import { optionalRepairSteps, repairStates } from './repair-machine.ts'
import { REPAIR_CASE_TYPE } from './repair.service.ts'

const text = (max: number) => z.string().min(1).max(max)
const base64File = z.object({ name: text(200), contentBase64: z.string().min(1).max(Math.ceil((evidenceLimits.maxFileBytes * 4) / 3) + 4) })

const applicationSchema = z.object({
  recordId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  subject: codeParam.describe('USCC or other code of the subject the record is about'),
  applicant: z.object({
    name: text(200),
    contact: text(200).describe('Phone or e-mail for the department’s questions'),
    relation: z.enum(['subject', 'agent']),
    powerOfAttorney: text(500).optional().describe('An agent’s power of attorney (授权委托书): reference or the name of an uploaded file'),
  }),
  commitment: z.object({ text: text(4000).describe('信用承诺书'), signed: z.boolean() }),
  obligations: z.object({ fulfilled: z.boolean(), statement: text(4000), evidence: z.array(text(500)).max(50).default([]) }),
  materials: z.array(base64File).max(evidenceLimits.maxFiles).default([]).describe('Materials as base64 (or upload them as multipart files)'),
})

const stepSchema = z.object({ id: z.number(), action: z.string(), fromState: z.string().nullable(), toState: z.string(), actor: z.string(), note: z.string().nullable(), at: z.string() })
const materialSchema = z.object({ id: z.number(), name: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string(), uploadedBy: z.string(), uploadedAt: z.string() })
const deadlineSchema = z.object({ kind: z.enum(['feedback', 'decision']), dueOn: z.string(), remindOn: z.string(), status: z.enum(['running', 'due_soon', 'overdue']) })
const repairSchema = z.object({
  id: z.number(),
  receiptNumber: z.string(),
  recordId: z.number(),
  subjectId: z.number(),
  department: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  applicant: z.object({ name: z.string(), contact: z.string(), relation: z.enum(['subject', 'agent']), powerOfAttorney: z.string().nullable() }),
  commitment: z.object({ text: z.string(), signedAt: z.string() }),
  obligations: z.object({ statement: z.string(), evidence: z.array(z.string()) }),
  state: z.enum(repairStates),
  materialsMissing: z.array(z.string()).nullable(),
  requiredSteps: z.array(z.enum(optionalRepairSteps)),
  completedSteps: z.array(z.enum(optionalRepairSteps)),
  receivedOn: z.string(),
  feedbackDueOn: z.string(),
  acceptedOn: z.string().nullable(),
  decisionDueOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  decision: z.enum(['approved', 'rejected']).nullable(),
  reasons: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
const detailSchema = repairSchema.extend({ steps: z.array(stepSchema), materials: z.array(materialSchema), deadlines: z.array(deadlineSchema) })
const statusSchema = z.object({
  receiptNumber: z.string(),
  recordId: z.number(),
  state: z.enum(repairStates),
  stateLabel: z.string(),
  department: z.string(),
  materialsMissing: z.array(z.string()).nullable(),
  dueOn: z.string().nullable(),
  decision: z.enum(['approved', 'rejected']).nullable(),
  reasons: z.string().nullable(),
  steps: z.array(z.object({ action: z.string(), toState: z.string(), note: z.string().nullable(), at: z.string() })),
  materials: z.array(z.object({ name: z.string(), size: z.number(), uploadedAt: z.string() })),
})
const unmetSchema = z.object({ condition: z.string(), zh: z.string(), en: z.string(), on: z.string().optional() })
const eligibilitySchema = z.object({
  recordId: z.number(),
  tier: z.enum(['minor', 'general', 'serious']).nullable(),
  minimumEnd: z.string().nullable(),
  maximumEnd: z.string().nullable(),
  state: z.string(),
  department: z.object({ code: z.string(), name: z.string() }),
  eligible: z.boolean(),
  mayApply: z.boolean(),
  unmet: z.array(unmetSchema),
  toProvide: z.array(unmetSchema),
})

const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) })
const keySchema = z.object({ receipt: z.string().min(1).max(40), token: z.string().min(1).max(100) })
const noteSchema = z.object({ note: z.string().max(2000).optional() })
const staff: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }]

const invalid = (issues: z.core.$ZodIssue[]) => {
  const first = issues[0]
  const path = first ? first.path.join('.') || '(root)' : ''
  return new AppError('REPAIR_APPLICATION_INVALID', `申请内容有误：${path} ${first?.message ?? ''}`, `Invalid application: ${path} ${first?.message ?? ''}`, { details: { issues: issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } })
}

/**
 * The body of an applicant's request: JSON (files as base64), or multipart/form-data with the JSON
 * in the field `application` and each material as a file part (a part named `powerOfAttorney` is
 * the agent's power of attorney).
 */
async function readRequest(request: FastifyRequest): Promise<{ body: unknown; files: EvidenceFile[]; powerOfAttorney?: string }> {
  if (!request.isMultipart()) {
    const body = request.body as { materials?: unknown } | undefined
    const raw = Array.isArray(body?.materials) ? body.materials : []
    const files = raw.flatMap((m) => {
      const f = base64File.safeParse(m)
      return f.success ? [{ name: f.data.name, bytes: Buffer.from(f.data.contentBase64, 'base64') }] : []
    })
    return { body: body ?? {}, files }
  }
  let body: unknown = {}
  const files: EvidenceFile[] = []
  let powerOfAttorney: string | undefined
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'application') {
          try {
            body = JSON.parse(String(part.value))
          } catch {
            throw new AppError('REPAIR_APPLICATION_INVALID', '字段 application 不是合法的 JSON', 'The field application is not valid JSON', { details: { field: 'application' } })
          }
        }
        continue
      }
      const name = (part.filename || part.fieldname).slice(0, 200)
      files.push({ name, bytes: await part.toBuffer() })
      if (part.fieldname === 'powerOfAttorney') powerOfAttorney = name
    }
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('EVIDENCE_FILE_TOO_LARGE', `证明材料超过单个文件 ${evidenceLimits.maxFileBytes / 1024 / 1024} MB 的上限`, `An evidence file exceeds the ${evidenceLimits.maxFileBytes / 1024 / 1024} MB limit per file`, { kind: 'too_large' })
    if (code === 'FST_FILES_LIMIT') throw new AppError('EVIDENCE_TOO_MANY_FILES', `每件最多 ${evidenceLimits.maxFiles} 个证明材料文件`, `At most ${evidenceLimits.maxFiles} evidence files per case`, { kind: 'too_large' })
    throw error
  }
  return { body, files, ...(powerOfAttorney ? { powerOfAttorney } : {}) }
}

export const repairRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    await app.register(fastifyMultipart, { limits: { fileSize: evidenceLimits.maxFileBytes, files: evidenceLimits.maxFiles, fields: 5 } })
    const r = app.withTypeProvider<ZodTypeProvider>()
    const repairs = () => platform.repairs

    r.get(
      '/records/:id/repair-eligibility',
      {
        schema: {
          tags: ['repairs'],
          summary: '信用修复条件 May this record be repaired now?',
          description: 'Public for a record the public can see (the 申请 button); staff for any record. Lists every unmet condition, and what an application must bring.',
          params: idParams,
          response: { 200: eligibilitySchema, ...errorResponses(400, 403, 404) },
        },
      },
      async (request) => repairs().eligibility(request.actor, request.params.id),
    )

    r.post(
      '/repairs',
      {
        bodyLimit: 48 * 1024 * 1024,
        schema: {
          tags: ['repairs'],
          summary: '申请信用修复 Apply for credit repair (free of charge)',
          description:
            'The subject or its agent (with a power of attorney). JSON (materials as base64), or multipart/form-data with the JSON in the field `application` and the materials as file parts (PDF, JPEG, PNG, OFD). Answers with the receipt number and a status token shown only once.',
          consumes: ['application/json', 'multipart/form-data'],
          response: { 201: z.object({ receiptNumber: z.string(), token: z.string(), state: z.enum(repairStates), department: z.string(), feedbackDueOn: z.string() }), ...errorResponses(400, 404, 409, 413) },
        },
      },
      async (request, reply) => {
        const { body, files, powerOfAttorney } = await readRequest(request)
        const parsed = applicationSchema.safeParse(body)
        if (!parsed.success) throw invalid(parsed.error.issues)
        const a = parsed.data
        const applicant = { ...a.applicant, ...(a.applicant.powerOfAttorney ?? powerOfAttorney ? { powerOfAttorney: a.applicant.powerOfAttorney ?? powerOfAttorney } : {}) }
        const result = await repairs().apply(request.actor, { recordId: a.recordId, subject: a.subject, applicant, commitment: a.commitment, obligations: a.obligations, materials: files })
        return reply.code(201).send({ receiptNumber: result.receiptNumber, token: result.token, state: result.repair.state, department: result.repair.department.name, feedbackDueOn: result.repair.feedbackDueOn })
      },
    )

    // The code travels in the body, never in the address: addresses end up in histories and access logs.
    r.post(
      '/repairs/status',
      { schema: { tags: ['repairs'], summary: '申请进度（代码在请求体中）Status, with the receipt and token in the body', body: keySchema, response: { 200: statusSchema, ...errorResponses(400, 404) } } },
      async (request) => repairs().status(request.body),
    )

    r.post(
      '/repairs/status/resubmit',
      {
        bodyLimit: 48 * 1024 * 1024,
        schema: {
          tags: ['repairs'],
          summary: '补正材料 The applicant sends the missing materials',
          description: 'JSON `{receipt, token, note?, materials: [{name, contentBase64}]}`, or multipart with the JSON in the field `application` and the files as parts.',
          consumes: ['application/json', 'multipart/form-data'],
          response: { 200: statusSchema, ...errorResponses(400, 404, 409, 413) },
        },
      },
      async (request) => {
        const { body, files } = await readRequest(request)
        const parsed = keySchema.extend(noteSchema.shape).safeParse(body)
        if (!parsed.success) throw invalid(parsed.error.issues)
        return repairs().resubmitAsApplicant({ receipt: parsed.data.receipt, token: parsed.data.token }, { materials: files, ...(parsed.data.note ? { note: parsed.data.note } : {}) })
      },
    )

    r.post(
      '/repairs/status/withdraw',
      { schema: { tags: ['repairs'], summary: '撤回申请 The applicant withdraws the application', body: keySchema.extend(noteSchema.shape), response: { 200: statusSchema, ...errorResponses(400, 404, 409) } } },
      async (request) => repairs().withdrawAsApplicant({ receipt: request.body.receipt, token: request.body.token }, request.body.note),
    )

    r.get(
      '/repairs',
      {
        schema: {
          tags: ['repairs'],
          summary: '信用修复申请 Repair applications, newest first',
          description: 'Department reviewers see their own department’s; the platform office all.',
          security: staff,
          querystring: z.object({
            state: z.enum(repairStates).optional(),
            department: z.string().min(1).max(32).optional(),
            overdue: z.enum(['true', 'false']).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            beforeId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
          }),
          response: { 200: z.object({ items: z.array(repairSchema) }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const q = request.query
        return {
          items: await repairs().list(request.actor, { limit: q.limit, ...(q.state ? { state: q.state } : {}), ...(q.department ? { department: q.department } : {}), ...(q.overdue === 'true' ? { overdue: true } : {}), ...(q.beforeId ? { beforeId: q.beforeId } : {}) }),
        }
      },
    )

    r.get(
      '/repairs/:id',
      { schema: { tags: ['repairs'], summary: '申请详情 One application with its steps, materials and deadlines', security: staff, params: idParams, response: { 200: detailSchema, ...errorResponses(400, 401, 403, 404) } } },
      async (request) => repairs().show(request.actor, request.params.id),
    )

    r.get(
      '/repairs/:id/materials/:fileId',
      { schema: { tags: ['repairs'], summary: '下载申请材料 Download one material', security: staff, params: idParams.extend({ fileId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }) } },
      async (request, reply) => {
        const repair = await repairs().show(request.actor, request.params.id)
        const file = repair.materials.some((m) => m.id === request.params.fileId) ? await readEvidence(platform.database.db, request.params.fileId) : undefined
        if (!file || file.caseType !== REPAIR_CASE_TYPE) throw new AppError('EVIDENCE_NOT_FOUND', `未找到材料 ${request.params.fileId}`, `No material ${request.params.fileId}`, { kind: 'not_found' })
        return reply.type(file.mediaType).header('content-disposition', attachment(file.name)).send(file.bytes)
      },
    )

    r.post(
      '/repairs/:id/request-materials',
      {
        schema: {
          tags: ['repairs'],
          summary: '一次性告知补正材料 Ask once for everything missing',
          security: staff,
          params: idParams,
          body: z.object({ missing: z.array(text(500)).min(1).max(50), note: z.string().max(2000).optional() }),
          response: { 200: detailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => repairs().requestMaterials(request.actor, request.params.id, { missing: request.body.missing, ...(request.body.note ? { note: request.body.note } : {}) }),
    )

    r.post(
      '/repairs/:id/accept',
      { schema: { tags: ['repairs'], summary: '受理 Accept the application', security: staff, params: idParams, body: noteSchema.optional(), response: { 200: detailSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request) => repairs().accept(request.actor, request.params.id, request.body?.note),
    )

    r.post(
      '/repairs/:id/complete-step',
      {
        schema: {
          tags: ['repairs'],
          summary: '登记附加环节 Record a required optional step (training, credit report)',
          security: staff,
          params: idParams,
          body: z.object({ step: z.enum(optionalRepairSteps), note: z.string().max(2000).optional() }),
          response: { 200: detailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => repairs().completeStep(request.actor, request.params.id, request.body.step, request.body.note),
    )

    r.post(
      '/repairs/:id/decide',
      {
        schema: {
          tags: ['repairs'],
          summary: '作出决定 Approve (publicity ends at once) or reject with reasons',
          security: staff,
          params: idParams,
          body: z.object({ outcome: z.enum(['approved', 'rejected']), reasons: z.string().max(4000).optional() }),
          response: { 200: detailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => repairs().decide(request.actor, request.params.id, { outcome: request.body.outcome, ...(request.body.reasons ? { reasons: request.body.reasons } : {}) }),
    )

    r.post(
      '/repairs/:id/withdraw',
      { schema: { tags: ['repairs'], summary: '登记撤回 Record the applicant’s withdrawal', security: staff, params: idParams, body: noteSchema.optional(), response: { 200: detailSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request) => repairs().withdraw(request.actor, request.params.id, request.body?.note),
    )
  }
