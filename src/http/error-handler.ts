/**
 * The one place where failures become HTTP answers: `{"error": {code, message, message_en, details?}}`.
 * Domain errors carry a kind, mapped to a status here; nothing else ever leaks a stack trace.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { isAppError, type ErrorBody, type ErrorKind } from '../errors.ts'

const statusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
}

const send = (reply: FastifyReply, status: number, body: ErrorBody) => reply.code(status).type('application/json; charset=utf-8').send({ error: body })

/** Fastify's own request errors, in both languages. */
const fastifyErrors: Record<string, { status: number; zh: string; en: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, zh: '不支持的请求内容类型', en: 'Unsupported content type' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'Request body is too large' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, zh: '请求体为空，但声明为 JSON', en: 'The body is empty but declared as JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, zh: '请求体不是合法的 JSON', en: 'The body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, zh: '请求头 Content-Length 与请求体不符', en: 'Content-Length does not match the body' },
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isAppError(error)) return send(reply, statusOfKind[error.kind], error.toBody())

    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        location: error.validationContext ?? 'body',
        path: (v.instancePath || '/').replace(/^\//, '').replaceAll('/', '.') || '(root)',
        message: v.message ?? 'invalid',
      }))
      const first = issues[0]
      return send(reply, 400, {
        code: 'REQUEST_INVALID',
        message: `请求参数有误：${first ? `${first.location} 中的 ${first.path}：${first.message}` : ''}`,
        message_en: `Invalid request: ${first ? `${first.location} ${first.path}: ${first.message}` : ''}`,
        details: { issues },
      })
    }

    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema')
      return send(reply, 500, { code: 'INTERNAL_ERROR', message: `服务器内部错误，请求编号 ${request.id}`, message_en: `Internal error; request id ${request.id}` })
    }

    const known = error.code ? fastifyErrors[error.code] : undefined
    if (known) return send(reply, known.status, { code: error.code, message: known.zh, message_en: known.en })

    // JSON.parse failures and other client errors Fastify tags with a 4xx status.
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, error.statusCode, { code: error.code ?? 'REQUEST_INVALID', message: '请求有误', message_en: error.message.slice(0, 300) })
    }

    request.log.error({ err: error }, 'unhandled error')
    return send(reply, 500, { code: 'INTERNAL_ERROR', message: `服务器内部错误，请求编号 ${request.id}`, message_en: `Internal error; request id ${request.id}` })
  })

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, { code: 'ROUTE_NOT_FOUND', message: `没有这个地址：${request.method} ${request.url.split('?')[0]}`, message_en: `No such route: ${request.method} ${request.url.split('?')[0]}` }),
  )
}
