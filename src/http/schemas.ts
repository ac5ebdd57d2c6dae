/** Schemas shared by every route's OpenAPI description. */
import { z } from 'zod'

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code, e.g. IDENTIFIER_CHECKSUM'),
      message: z.string().describe('中文说明'),
      message_en: z.string().describe('English message'),
      details: z.unknown().optional(),
    }),
  })
  .describe('Error')

/** The error answers a route may give, for its OpenAPI description. */
export const errorResponses = (...statuses: Array<400 | 401 | 403 | 404 | 409 | 413 | 429 | 503>) =>
  Object.fromEntries(statuses.map((s) => [s, errorSchema])) as Record<number, typeof errorSchema>

/** A path parameter holding a code a person typed: bounded so junk cannot cost much. */
export const codeParam = z.string().min(1).max(200)
