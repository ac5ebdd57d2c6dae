/** Builds the Fastify application: one process serves the API, its OpenAPI document and the pages. */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import fastifyCookie from '@fastify/cookie'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { randomUUID } from 'node:crypto'
import type { Platform } from '../platform.ts'
import { registerErrorHandling } from './error-handler.ts'
import { registerAuthentication } from './authentication.ts'
import { refuseControlCharacters } from './control-characters.ts'
import { healthRoutes } from './health.routes.ts'
import { webRoutes } from './web.routes.ts'
import { identifierRoutes } from '../identifiers/identifier.routes.ts'
import { subjectRoutes } from '../subjects/subject.routes.ts'
import { catalogRoutes } from '../catalog/catalog.routes.ts'
import { departmentRoutes } from '../departments/department.routes.ts'
import { accessRoutes } from '../security/access.routes.ts'
import { auditRoutes } from '../security/audit.routes.ts'
import { collectionRoutes } from '../collection/collection.routes.ts'
import { searchRoutes } from '../search/search.routes.ts'
import { profileRoutes } from '../profiles/profile.routes.ts'
import { authorisationRoutes } from '../authorisations/authorisation.routes.ts'
import { changeFeedRoutes } from '../changes/change-feed.routes.ts'
import { withdrawalRoutes } from '../records/withdrawal.routes.ts'
import { calendarRoutes } from '../calendar/calendar.routes.ts'
import { objectionRoutes } from '../objections/objection.routes.ts'
import { repairRoutes } from '../repairs/repair.routes.ts'
import { statisticsRoutes } from '../statistics/statistics.routes.ts'
import { publicityRoutes } from '../publicity/publicity.routes.ts'
import { sanctionRoutes } from '../sanctions/sanction.routes.ts'
import { creditCheckRoutes } from '../sanctions/credit-check.routes.ts'
import { noticeRoutes } from '../notices/notice.routes.ts'

export interface AppOptions {
  /** Log requests as JSON lines (pino); off in tests. */
  logger?: boolean
}

export async function buildApp(platform: Platform, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? { level: platform.config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'] }
      : false,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID()
    },
    requestIdHeader: false,
    bodyLimit: 10 * 1024 * 1024,
    // Long parameters reach the route schema, which answers with a coded error instead of a bare 414.
    routerOptions: { maxParamLength: 2048 },
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      void reply.code(tooLong ? 414 : 400).send({
        error: tooLong
          ? { code: 'URI_TOO_LONG', message: '请求地址过长', message_en: 'The request URL is too long' }
          : { code: 'URL_INVALID', message: '请求地址无法解析', message_en: 'The request URL cannot be decoded' },
      })
    },
    trustProxy: true,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  registerErrorHandling(app)
  refuseControlCharacters(app)
  await app.register(fastifyCookie)
  registerAuthentication(app, platform)

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: `${platform.config.city.siteTitle} 公共信用信息平台 API`,
        description:
          'Xinyong (信用) public credit information platform. Errors are `{"error": {"code", "message", "message_en", "details"?}}`. ' +
          'Department systems authenticate with `Authorization: Bearer <API key>`; staff sign in with POST /api/v1/session.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'Department API key (xy_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'xinyong_session' },
        },
      },
      tags: [
        { name: 'identifiers', description: '主体标识 Identifiers' },
        { name: 'subjects', description: '信用主体 Subjects' },
        { name: 'catalog', description: '信用信息目录 Catalog' },
        { name: 'departments', description: '部门 Departments' },
        { name: 'collection', description: '归集 Collection: batches by API and file' },
        { name: 'access', description: '用户、会话与 API 密钥 Users, sessions, API keys' },
        { name: 'profiles', description: '信用档案与查询 Credit files, bulk lookup, query log' },
        { name: 'authorisations', description: '书面授权 Subjects’ written authorisations for banks' },
        { name: 'records', description: '记录撤回 Withdrawal of records by their provider' },
        { name: 'changes', description: '变更订阅 The change feed' },
        { name: 'calendar', description: '工作日历 Working calendar (holidays, 调休)' },
        { name: 'objections', description: '异议 Objections: filing, handling, review' },
        { name: 'repairs', description: '信用修复 Credit repair: eligibility, applications, decisions (free of charge)' },
        { name: 'statistics', description: '统计 Aggregate figures' },
        { name: 'publicity', description: '公示期限 Publicity rules and explanations' },
        { name: 'sanctions', description: '联合奖惩 Lists, measures, credit checks, commitments' },
        { name: 'notices', description: '信用政策与信用动态 Notices on the public site' },
        { name: 'audit', description: '审计 Audit' },
        { name: 'health', description: '运行状态 Health' },
      ],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  await app.register(healthRoutes(platform))
  await app.register(identifierRoutes(), { prefix: '/api/v1' })
  await app.register(subjectRoutes(platform), { prefix: '/api/v1' })
  await app.register(searchRoutes(platform), { prefix: '/api/v1' })
  await app.register(catalogRoutes(platform), { prefix: '/api/v1' })
  await app.register(departmentRoutes(platform), { prefix: '/api/v1' })
  await app.register(accessRoutes(platform), { prefix: '/api/v1' })
  await app.register(auditRoutes(platform), { prefix: '/api/v1' })
  await app.register(collectionRoutes(platform), { prefix: '/api/v1' })
  await app.register(profileRoutes(platform), { prefix: '/api/v1' })
  await app.register(authorisationRoutes(platform), { prefix: '/api/v1' })
  await app.register(withdrawalRoutes(platform), { prefix: '/api/v1' })
  await app.register(changeFeedRoutes(platform), { prefix: '/api/v1' })
  await app.register(calendarRoutes(platform), { prefix: '/api/v1' })
  await app.register(objectionRoutes(platform), { prefix: '/api/v1' })
  await app.register(repairRoutes(platform), { prefix: '/api/v1' })
  await app.register(statisticsRoutes(platform), { prefix: '/api/v1' })
  await app.register(publicityRoutes(platform), { prefix: '/api/v1' })
  await app.register(sanctionRoutes(platform), { prefix: '/api/v1' })
  await app.register(creditCheckRoutes(platform), { prefix: '/api/v1' })
  await app.register(noticeRoutes(platform), { prefix: '/api/v1' })
  // The web app: /, /console and the pages' client routes (src/http/web.routes.ts).
  await app.register(webRoutes(platform))
  return app
}
