/**
 * Text with NUL or other C0 control characters (tab, newline and carriage return aside) is refused
 * before validation: PostgreSQL cannot store NUL in text, and no field of ours means to hold them.
 */
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors.ts'

// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

function findControl(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return forbidden.test(value) ? path || '(root)' : undefined
  if (depth > 32 || value === null || typeof value !== 'object') return undefined
  for (const [key, inner] of Object.entries(value)) {
    if (forbidden.test(key)) return `${path}${path ? '.' : ''}${key}`
    const found = findControl(inner, `${path}${path ? '.' : ''}${key}`, depth + 1)
    if (found) return found
  }
  return undefined
}

export function refuseControlCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [location, value] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
      const path = findControl(value, '')
      if (path) {
        throw new AppError('INPUT_CONTROL_CHARACTER', `${location} 中的 ${path} 含有不可见的控制字符`, `${location} ${path} contains a control character`, { details: { location, path } })
      }
    }
  })
}
