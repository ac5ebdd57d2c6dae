import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Platform } from '../platform.ts'
import { codeParam, errorResponses } from '../http/schemas.ts'
import { departmentKinds } from './department.ts'

const departmentSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  shortName: z.string().nullable(),
  uscc: z.string().nullable(),
  division: z.string(),
  parentCode: z.string().nullable(),
  kind: z.enum(departmentKinds),
  status: z.enum(['active', 'inactive']),
  createdAt: z.string(),
  updatedAt: z.string(),
})

const newDepartmentSchema = z.object({
  code: z.string().min(2).max(32),
  name: z.string().min(1).max(100),
  nameEn: z.string().max(200).optional(),
  shortName: z.string().max(50).nullish(),
  uscc: z.string().max(64).nullish(),
  division: z.string().regex(/^\d{6}$/),
  parentCode: z.string().max(32).nullish(),
  kind: z.enum(departmentKinds),
})

export const departmentRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>()

    r.get('/departments', { schema: { tags: ['departments'], summary: '部门列表 Departments (public: who provides the records)', response: { 200: z.object({ items: z.array(departmentSchema) }) } } }, async () => ({
      items: await platform.departments.list(),
    }))

    r.get(
      '/departments/:code',
      { schema: { tags: ['departments'], summary: '部门 A department', params: z.object({ code: codeParam }), response: { 200: departmentSchema, ...errorResponses(404) } } },
      async (request) => platform.departments.get(request.params.code),
    )

    r.post(
      '/departments',
      { schema: { tags: ['departments'], summary: '新增部门 Add a department', security: [{ session: [] }], body: newDepartmentSchema, response: { 201: departmentSchema, ...errorResponses(400, 401, 403, 409) } } },
      async (request, reply) => reply.code(201).send(await platform.departments.add(request.actor, request.body)),
    )

    r.patch(
      '/departments/:code',
      {
        schema: {
          tags: ['departments'],
          summary: '修改部门 Change a department',
          security: [{ session: [] }],
          params: z.object({ code: codeParam }),
          body: newDepartmentSchema.omit({ code: true }).partial().extend({ status: z.enum(['active', 'inactive']).optional() }),
          response: { 200: departmentSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => platform.departments.change(request.actor, request.params.code, request.body),
    )
  }
