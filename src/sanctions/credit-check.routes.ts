/** Credit checks over HTTP: check (JSON or a CSV of codes), read a check's results, report feedback, overdue list, statistics. */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { AppError } from '../errors.ts'
import { errorResponses } from '../http/schemas.ts'
import { codesFromCsv } from './check-codes-csv.ts'

const security: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }]
const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) })
const summary = z.object({
  id: z.number(),
  matter: z.object({ code: z.string(), name: z.string(), legalBasis: z.string() }),
  purpose: z.string(),
  department: z.string().nullable(),
  checkedBy: z.string(),
  at: z.string(),
  subjects: z.number(),
  found: z.number(),
  hits: z.number(),
  feedbackDueOn: z.string().nullable(),
  feedbackCount: z.number(),
  overdue: z.boolean(),
})
const result = z.object({
  position: z.number(),
  code: z.string(),
  found: z.boolean(),
  subjectId: z.number().nullable(),
  name: z.string().optional(),
  hit: z.boolean(),
  result: z.unknown().describe('entries in force, negative records, punishments and incentives with legal basis and triggers, why'),
  error: z.object({ code: z.string(), message: z.string(), message_en: z.string() }).optional(),
})
const checkAnswer = z.object({ check: summary, results: z.array(result), more: z.boolean() })

export const creditCheckRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    // CSV uploads of codes: the body as text (bounded by the app's body limit).
    app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body))

    r.post(
      '/credit-checks',
      {
        schema: {
          tags: ['sanctions'],
          summary: '信用核查 Credit check of up to 100,000 subjects for a matter',
          description: 'For each subject: found or not, hit, list entries in force, negative records, the measures that apply with their legal basis, incentives, and why. Logged. Up to 1,000 results inline; page the rest with GET /credit-checks/{id}.',
          security,
          body: z.object({
            matter: z.string().min(1).max(32).describe('Matter code, e.g. ZFCG (政府采购)'),
            purpose: z.string().max(500).describe('The business handled, e.g. 某项目投标资格审查'),
            subjects: z.array(z.string().max(64)).min(1).describe('USCC, organisation code, registration number, resident ID or subject id; at most 100,000'),
          }),
          response: { 200: checkAnswer, ...errorResponses(400, 401, 403, 413) },
        },
      },
      async (request) => platform.creditChecks.check(request.actor, { ...request.body, channel: 'api' }),
    )

    r.post(
      '/credit-checks/csv',
      {
        schema: {
          tags: ['sanctions'],
          summary: '信用核查（CSV 上传）Credit check of the codes in a CSV',
          description: 'Body: text/csv with a header row naming a column `code` or `统一社会信用代码`. Matter and purpose in the query.',
          security,
          consumes: ['text/csv'],
          querystring: z.object({ matter: z.string().min(1).max(32), purpose: z.string().max(500) }),
          response: { 200: checkAnswer, ...errorResponses(400, 401, 403, 413) },
        },
      },
      async (request) => {
        if (typeof request.body !== 'string') throw new AppError('CHECK_CSV_REQUIRED', '请以 text/csv 上传代码清单', 'Send the codes as text/csv')
        return platform.creditChecks.check(request.actor, { matter: request.query.matter, purpose: request.query.purpose, subjects: codesFromCsv(request.body), channel: 'api' })
      },
    )

    r.get(
      '/credit-checks',
      {
        schema: {
          tags: ['sanctions'],
          summary: '核查列表 Checks, newest first (overdue=true: hits without feedback past the deadline)',
          security,
          querystring: z.object({ overdue: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100), beforeId: z.coerce.number().int().positive().optional() }),
          response: { 200: z.object({ items: z.array(summary) }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => ({ items: await platform.creditChecks.list(request.actor, { overdue: request.query.overdue === 'true', limit: request.query.limit, ...(request.query.beforeId ? { beforeId: request.query.beforeId } : {}) }) }),
    )

    r.get(
      '/credit-checks/statistics',
      {
        schema: {
          tags: ['sanctions'],
          summary: '核查统计 Checks, hits, feedback rate, measures applied by department and matter',
          security,
          querystring: z.object({ from: z.string().max(10).optional(), to: z.string().max(10).optional(), department: z.string().max(32).optional() }),
          response: { 200: z.unknown(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => platform.creditChecks.statistics(request.actor, { ...(request.query.from ? { from: request.query.from } : {}), ...(request.query.to ? { to: request.query.to } : {}), ...(request.query.department ? { department: request.query.department } : {}) }),
    )

    r.get(
      '/credit-checks/:id',
      {
        schema: {
          tags: ['sanctions'],
          summary: '核查结果 A check and a page of its results',
          security,
          params: idParams,
          querystring: z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(5000).default(500), hitsOnly: z.enum(['true', 'false']).optional() }),
          response: { 200: z.object({ check: summary, results: z.array(result), nextPosition: z.number().nullable() }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => platform.creditChecks.get(request.actor, request.params.id, { afterPosition: request.query.after, limit: request.query.limit, hitsOnly: request.query.hitsOnly === 'true' }),
    )

    r.post(
      '/credit-checks/:id/feedback',
      {
        schema: {
          tags: ['sanctions'],
          summary: '核查反馈 Report per subject which measures were applied and the outcome',
          security,
          params: idParams,
          body: z.object({
            items: z
              .array(
                z.object({
                  code: z.string().min(1).max(64).describe('The code as given in the check'),
                  measures: z.array(z.string().max(32)).max(50).default([]),
                  outcome: z.enum(['applied', 'not_adopted', 'not_applicable']).describe('applied 已惩戒/已激励; not_adopted 未采纳 (reason required); not_applicable'),
                  reason: z.string().max(2000).optional(),
                  amount: z.string().max(50).optional(),
                  note: z.string().max(2000).optional(),
                }),
              )
              .min(1)
              .max(10_000),
          }),
          response: { 200: z.object({ check: summary, recorded: z.number() }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => platform.creditChecks.feedback(request.actor, request.params.id, request.body.items.map((i) => ({ ...i, measures: i.measures ?? [] }))),
    )
  }
