import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { errorResponses } from '../http/schemas.ts'
import { sessionCookie } from '../http/authentication.ts'
import { roles } from './roles.ts'

const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  departmentId: z.number().int().nullable(),
  departmentCode: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
})

const apiKeySchema = z.object({
  id: z.number().int(),
  prefix: z.string(),
  name: z.string(),
  departmentId: z.number().int(),
  departmentCode: z.string(),
  roles: z.array(z.enum(roles)),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
})

const actorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('public') }),
  z.object({ type: z.literal('user'), id: z.number(), username: z.string(), displayName: z.string(), departmentId: z.number().nullable(), departmentCode: z.string().nullable(), roles: z.array(z.enum(roles)) }),
  z.object({ type: z.literal('api_key'), id: z.number(), prefix: z.string(), name: z.string(), departmentId: z.number(), departmentCode: z.string(), roles: z.array(z.enum(roles)) }),
  z.object({ type: z.literal('system'), name: z.string() }),
])

export const accessRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const secureCookie = (protocol: string) => (platform.config.cookieSecure === 'auto' ? protocol === 'https' : platform.config.cookieSecure === 'true')

    r.post(
      '/session',
      {
        schema: {
          tags: ['access'],
          summary: '登录 Sign in',
          body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
          response: { 200: z.object({ user: userSchema, expiresAt: z.string() }), ...errorResponses(400, 401, 429) },
        },
      },
      async (request, reply) => {
        const { token, expiresAt, user } = await platform.access.login(request.body.username, request.body.password, { ip: request.ip, ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}) })
        reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookie(request.protocol), expires: new Date(expiresAt) })
        return { user, expiresAt }
      },
    )

    r.get('/session', { schema: { tags: ['access'], summary: '当前身份 Who am I', response: { 200: z.object({ actor: actorSchema }) } } }, async (request) => ({ actor: request.actor }))

    r.delete('/session', { schema: { tags: ['access'], summary: '退出 Sign out', response: { 204: z.null() } } }, async (request, reply) => {
      const token = request.cookies[sessionCookie]
      if (token) await platform.access.logout(token)
      reply.clearCookie(sessionCookie, { path: '/' })
      return reply.code(204).send(null)
    })

    r.get('/users', { schema: { tags: ['access'], summary: '用户列表 Users', security: [{ session: [] }], response: { 200: z.object({ items: z.array(userSchema) }), ...errorResponses(401, 403) } } }, async (request) => ({
      items: await platform.access.listUsers(request.actor),
    }))

    r.post(
      '/users',
      {
        schema: {
          tags: ['access'],
          summary: '新增用户 Add a user',
          security: [{ session: [] }],
          body: z.object({
            username: z.string().min(3).max(64),
            displayName: z.string().min(1).max(100),
            password: z.string().min(1).max(256),
            departmentCode: z.string().max(32).nullish(),
            roles: z.array(z.enum(roles)).min(1),
          }),
          response: { 201: userSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await platform.access.addUser(request.actor, request.body)),
    )

    r.patch(
      '/users/:username',
      {
        schema: {
          tags: ['access'],
          summary: '修改用户：姓名、部门、角色、停用或启用 Change a user: name, department, roles, disable or enable',
          description: 'Disabling ends the user’s sessions at once. The last active platform administrator can be neither disabled nor lose the role.',
          security: [{ session: [] }],
          params: z.object({ username: z.string().min(1).max(64) }),
          body: z.object({
            displayName: z.string().min(1).max(100).optional(),
            departmentCode: z.string().max(32).nullable().optional(),
            roles: z.array(z.enum(roles)).min(1).optional(),
            status: z.enum(['active', 'disabled']).optional(),
          }),
          response: { 200: userSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => platform.access.updateUser(request.actor, request.params.username, request.body),
    )

    r.post(
      '/users/:username/password',
      {
        schema: {
          tags: ['access'],
          summary: '重置用户密码（结束其全部会话） Reset a user’s password (ends all the user’s sessions)',
          security: [{ session: [] }],
          params: z.object({ username: z.string().min(1).max(64) }),
          body: z.object({ password: z.string().min(1).max(256) }),
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await platform.access.resetPassword(request.actor, request.params.username, request.body.password)
        return reply.code(204).send(null)
      },
    )

    r.get('/api-keys', { schema: { tags: ['access'], summary: 'API 密钥列表 API keys (never the secrets)', security: [{ session: [] }], response: { 200: z.object({ items: z.array(apiKeySchema) }), ...errorResponses(401, 403) } } }, async (request) => ({
      items: await platform.access.listApiKeys(request.actor),
    }))

    r.post(
      '/api-keys',
      {
        schema: {
          tags: ['access'],
          summary: '创建 API 密钥 Create an API key (the key is shown once)',
          security: [{ session: [] }],
          body: z.object({ name: z.string().min(1).max(100), departmentCode: z.string().max(32), roles: z.array(z.enum(roles)).min(1), expiresAt: z.iso.datetime({ offset: true }).nullish() }),
          response: { 201: z.object({ key: z.string(), apiKey: apiKeySchema }), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => reply.code(201).send(await platform.access.createApiKey(request.actor, request.body)),
    )

    r.delete(
      '/api-keys/:prefix',
      { schema: { tags: ['access'], summary: '吊销 API 密钥 Revoke an API key', security: [{ session: [] }], params: z.object({ prefix: z.string().regex(/^[0-9a-f]{12}$/) }), response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } } },
      async (request, reply) => {
        await platform.access.revokeApiKey(request.actor, request.params.prefix)
        return reply.code(204).send(null)
      },
    )
  }

