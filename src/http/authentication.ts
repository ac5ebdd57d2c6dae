/**
 * Works out who is calling: a department system's API key (Authorization: Bearer xy_… or X-API-Key),
 * a signed-in user's session cookie, or else the public.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Platform } from '../platform.ts'
import { publicActor, type Actor } from '../security/actor.ts'

export const sessionCookie = 'xinyong_session'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
  }
}

function presentedApiKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key']
  if (typeof header === 'string' && header) return header.trim()
  const auth = request.headers.authorization
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim()
  return undefined
}

export function registerAuthentication(app: FastifyInstance, platform: Platform): void {
  // Reference types may not be shared decorator defaults; the hook below sets one per request.
  app.decorateRequest('actor', null as unknown as never)
  app.addHook('onRequest', async (request) => {
    request.actor = publicActor
    const key = presentedApiKey(request)
    if (key) {
      // A wrong key is an error, never a silent fall-back to public access.
      request.actor = await platform.access.authenticateApiKey(key)
      return
    }
    const token = request.cookies[sessionCookie]
    if (token) request.actor = (await platform.access.authenticateSession(token)) ?? publicActor
  })
}
