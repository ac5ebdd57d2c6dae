/**
 * Objections over HTTP. Filing and the applicant's status page are public (the subject or its agent,
 * as on 信用中国; there is no citizen sign-in yet); the queue and every step are for staff.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import fastifyMultipart from '@fastify/multipart'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { errorResponses } from '../http/schemas.ts'
import { attachment } from '../http/content-disposition.ts'
import { AppError, notFound } from '../errors.ts'
import { evidenceLimits, readEvidence, type EvidenceFile } from '../evidence/evidence-files.ts'
import { objectionStates, outcomes, refusalReasons, suspensionReasons } from './objection-machine.ts'
import { OBJECTION_CASE } from './objection.service.ts'

const applicantSchema = z.object({ name: z.string().min(1).max(100), contact: z.string().min(1).max(100), relation: z.enum(['subject', 'agent']) })
const filingSchema = z.object({ subject: z.string().min(1).max(64), recordId: z.coerce.number().int().positive(), applicant: applicantSchema, grounds: z.string().min(1).max(5000) })

const objectionSchema = z.object({
  id: z.number(),
  receiptNumber: z.string(),
  recordId: z.number(),
  recordVersion: z.number(),
  subjectId: z.number(),
  departmentId: z.number(),
  applicant: applicantSchema,
  grounds: z.string(),
  state: z.enum(objectionStates),
  outcome: z.enum(outcomes).nullable(),
  outcomeNote: z.string().nullable(),
  correctedVersion: z.number().nullable(),
  receivedOn: z.string(),
  dueOn: z.string().nullable(),
  finalDueOn: z.string(),
  overdue: z.boolean().optional(),
  case: z.object({
    officeDueOn: z.string(),
    finalDueOn: z.string(),
    forwardedOn: z.string().nullable(),
    providerDueOn: z.string().nullable(),
    answer: z.object({ outcome: z.enum(outcomes), correctedVersion: z.number().nullable(), note: z.string() }).nullable(),
    suspension: z.object({ since: z.string(), resumeTo: z.enum(objectionStates), reason: z.enum(suspensionReasons) }).nullable(),
    suspendedDays: z.number(),
    decidedOn: z.string().nullable(),
    reviewRequestBy: z.string().nullable(),
    reviewRequestedOn: z.string().nullable(),
    reviewGrounds: z.string().nullable(),
    reviewDueOn: z.string().nullable(),
    reviewResult: z.enum(['upheld', 'overturned']).nullable(),
    refusal: z.object({ reason: z.enum(refusalReasons), note: z.string() }).nullable(),
    closedOn: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
})
const detailSchema = objectionSchema.extend({
  steps: z.array(z.object({ id: z.number(), action: z.string(), fromState: z.string().nullable(), toState: z.string(), actorType: z.string(), actorId: z.string(), note: z.string().nullable(), at: z.string() })),
  evidence: z.array(z.object({ id: z.number(), name: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string(), uploadedAt: z.string() })),
})
const statusSchema = z.object({
  receiptNumber: z.string(),
  state: z.enum(objectionStates),
  stateLabel: z.string(),
  outcome: z.enum(outcomes).nullable(),
  outcomeLabel: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  receivedOn: z.string(),
  dueOn: z.string().nullable(),
  finalDueOn: z.string(),
  reviewRequestBy: z.string().nullable(),
  steps: z.array(z.object({ action: z.string(), toState: z.string(), at: z.string() })),
})
const credentials = z.object({ receipt: z.string().min(1).max(40), token: z.string().min(1).max(100) })
const idParams = z.object({ id: z.coerce.number().int().positive() })
const note = z.string().max(5000)
const outcomeBody = z.object({ outcome: z.enum(outcomes), correctedVersion: z.number().int().positive().optional(), note })
const staff: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }]

export const objectionRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    // One more file and byte than allowed, so that too many or too large is reported by name, not cut off silently.
    await app.register(fastifyMultipart, { limits: { fileSize: evidenceLimits.maxFileBytes + 1, files: evidenceLimits.maxFiles + 2, fields: 20, fieldSize: 64 * 1024 } })
    const r = app.withTypeProvider<ZodTypeProvider>()

    r.post(
      '/objections',
      {
        schema: {
          tags: ['objections'],
          summary: '提出异议 File an objection (public: the subject or its agent)',
          description:
            'JSON `{subject, recordId, applicant: {name, contact, relation: subject|agent}, grounds}`, or multipart/form-data with fields `subject`, `recordId`, `applicantName`, `applicantContact`, `applicantRelation`, `grounds` and files `evidence` (repeatable) and `powerOfAttorney` (required for an agent). PDF, JPEG, PNG or OFD; 10 MB a file, 10 files and 30 MB in all. The answer holds a status code shown only once.',
          consumes: ['application/json', 'multipart/form-data'],
          response: { 201: z.object({ receiptNumber: z.string(), statusToken: z.string(), state: z.enum(objectionStates), dueOn: z.string().nullable(), finalDueOn: z.string() }), ...errorResponses(400, 404, 409, 413) },
        },
      },
      async (request, reply) => {
        let body: unknown = request.body
        const evidence: EvidenceFile[] = []
        let powerOfAttorney: EvidenceFile | undefined
        if (request.isMultipart()) {
          const fields: Record<string, string> = {}
          for await (const part of request.parts()) {
            if (part.type === 'field') {
              fields[part.fieldname] = String(part.value)
              continue
            }
            const bytes = await part.toBuffer()
            if (part.file.truncated || bytes.length > evidenceLimits.maxFileBytes) {
              throw new AppError('EVIDENCE_FILE_TOO_LARGE', `证明材料“${part.filename}”超过单个文件的大小上限`, `Evidence file "${part.filename}" exceeds the limit per file`, { kind: 'too_large', details: { file: part.filename } })
            }
            if (part.fieldname === 'powerOfAttorney') powerOfAttorney = { name: part.filename, bytes }
            else evidence.push({ name: part.filename, bytes })
          }
          body = { subject: fields.subject, recordId: fields.recordId, applicant: { name: fields.applicantName, contact: fields.applicantContact, relation: fields.applicantRelation }, grounds: fields.grounds }
        }
        const parsed = filingSchema.safeParse(body)
        if (!parsed.success) {
          const first = parsed.error.issues[0]!
          const path = first.path.join('.')
          throw new AppError('OBJECTION_REQUEST_INVALID', `异议申请有误：${path} ${first.message}`, `Invalid objection: ${path} ${first.message}`, { details: { field: path } })
        }
        const filed = await platform.objections.file(request.actor, { ...parsed.data, evidence, ...(powerOfAttorney ? { powerOfAttorney } : {}) })
        return reply.code(201).send({ receiptNumber: filed.receiptNumber, statusToken: filed.statusToken, state: filed.objection.state, dueOn: filed.objection.dueOn, finalDueOn: filed.objection.finalDueOn })
      },
    )

    // The code travels in the body, never in the address: addresses end up in histories and access logs.
    r.post(
      '/objections/status',
      { schema: { tags: ['objections'], summary: '异议办理进度（代码在请求体中）Status, with the receipt and code in the body', body: credentials, response: { 200: statusSchema, ...errorResponses(400, 404) } } },
      async (request) => platform.objections.status(request.body.receipt, request.body.token),
    )

    r.post(
      '/objections/status/review',
      { schema: { tags: ['objections'], summary: '申请复核 The applicant asks for a review of the outcome', body: credentials.extend({ grounds: z.string().min(1).max(5000) }), response: { 200: statusSchema, ...errorResponses(400, 404, 409) } } },
      async (request) => platform.objections.requestReviewAsApplicant(request.body.receipt, request.body.token, request.body.grounds),
    )

    r.post(
      '/objections/status/withdraw',
      { schema: { tags: ['objections'], summary: '撤回异议 The applicant withdraws the objection', body: credentials.extend({ note: note.optional() }), response: { 200: statusSchema, ...errorResponses(400, 404, 409) } } },
      async (request) => platform.objections.withdrawAsApplicant(request.body.receipt, request.body.token, request.body.note),
    )

    r.get(
      '/objections',
      {
        schema: {
          tags: ['objections'],
          summary: '异议办理队列 The queue, with due dates and overdue flags (own department for department reviewers)',
          security: staff,
          querystring: z.object({
            state: z.enum(objectionStates).optional(),
            overdue: z.enum(['true', 'false']).optional(),
            department: z.string().max(32).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            beforeId: z.coerce.number().int().positive().optional(),
          }),
          response: { 200: z.object({ items: z.array(objectionSchema) }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const q = request.query
        const departmentId = q.department ? (await platform.departments.get(q.department)).id : undefined
        return { items: await platform.objections.list(request.actor, { limit: q.limit, ...(q.state ? { state: q.state } : {}), ...(q.overdue === 'true' ? { overdue: true } : {}), ...(departmentId !== undefined ? { departmentId } : {}), ...(q.beforeId ? { beforeId: q.beforeId } : {}) }) }
      },
    )

    r.post(
      '/objections/tick',
      { schema: { tags: ['objections'], summary: '到期提醒与超期督办 Raise reminders and overdue escalations now', security: staff, response: { 200: z.object({ reminders: z.number(), overdue: z.number() }), ...errorResponses(401, 403) } } },
      async (request) => platform.objections.tick(request.actor),
    )

    r.get(
      '/objections/:id',
      { schema: { tags: ['objections'], summary: '异议详情 An objection with its steps and evidence', security: staff, params: idParams, response: { 200: detailSchema, ...errorResponses(400, 401, 403, 404) } } },
      async (request) => platform.objections.show(request.actor, request.params.id),
    )

    r.get(
      '/objections/:id/evidence/:evidenceId',
      { schema: { tags: ['objections'], summary: '下载证明材料 Download an evidence file', security: staff, params: idParams.extend({ evidenceId: z.coerce.number().int().positive() }) } },
      async (request, reply) => {
        await platform.objections.show(request.actor, request.params.id)
        const file = await readEvidence(platform.database.db, request.params.evidenceId)
        if (!file || file.caseType !== OBJECTION_CASE || file.caseId !== request.params.id) throw notFound('EVIDENCE_NOT_FOUND', '未找到该证明材料', 'No such evidence file')
        return reply.type(file.mediaType).header('content-disposition', attachment(file.name)).send(file.bytes)
      },
    )

    const step = <S extends z.ZodObject>(path: string, summary: string, body: S, run: (actor: Parameters<Platform['objections']['forward']>[0], id: number, body: z.infer<S>) => Promise<unknown>) =>
      r.post(
        `/objections/:id/${path}`,
        { schema: { tags: ['objections'], summary, security: staff, params: idParams, body, response: { 200: objectionSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
        async (request) => (await run(request.actor, request.params.id, request.body as z.infer<S>)) as z.infer<typeof objectionSchema>,
      )

    step('forward', '转提供单位核实 Forward to the providing department', z.object({ note: note.optional() }), (a, id, b) => platform.objections.forward(a, id, b.note))
    step('answer', '提供单位答复 The provider answers', outcomeBody, (a, id, b) => platform.objections.answer(a, id, b))
    step('decide', '作出处理结果 The office decides', outcomeBody, (a, id, b) => platform.objections.decide(a, id, b))
    step('suspend', '中止计时 Suspend for testing, appraisal or expert review', z.object({ reason: z.enum(suspensionReasons), note }), (a, id, b) => platform.objections.suspend(a, id, b))
    step('resume', '恢复计时 Resume', z.object({ note: note.optional() }), (a, id, b) => platform.objections.resume(a, id, b.note))
    step('review', '登记复核申请 Record the applicant’s review request', z.object({ grounds: z.string().min(1).max(5000) }), (a, id, b) => platform.objections.requestReview(a, id, b.grounds))
    step('decide-review', '作出复核决定 Decide the review', z.object({ result: z.enum(['upheld', 'overturned']), outcome: z.enum(outcomes).optional(), correctedVersion: z.number().int().positive().optional(), note }), (a, id, b) => platform.objections.decideReview(a, id, b))
    step('withdraw', '登记撤回 Record the applicant’s withdrawal', z.object({ note: note.optional() }), (a, id, b) => platform.objections.withdraw(a, id, b.note))
    step('refuse', '不予受理 Refuse as inadmissible', z.object({ reason: z.enum(refusalReasons), note }), (a, id, b) => platform.objections.refuse(a, id, b))
  }
