/** The one way the web app calls the API: same origin, JSON, coded bilingual errors. */

/**
 * Whether calls carry the staff session cookie. The public site sets 'omit' at start: its pages must
 * never show (or log a read of) more than an anonymous caller gets, even in a browser where a clerk
 * is signed in to the console. The console keeps 'same-origin'.
 */
let credentials: RequestCredentials = 'same-origin'
export function setApiCredentials(mode: RequestCredentials) {
  credentials = mode
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${code}: ${en}`)
  }
}

export const SESSION_ENDED = 'xinyong:session-ended'

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T
  const body: unknown = await res.json().catch(() => undefined)
  // The console answers an ended session by showing its sign-in again (ConsoleApp listens).
  if (res.status === 401) window.dispatchEvent(new Event(SESSION_ENDED))
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; message_en?: string } } | undefined)?.error
    throw new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? `请求失败（${res.status}）`, e?.message_en ?? `Request failed (${res.status})`)
  }
  return body as T
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return parse<T>(await fetch(path, { headers: { accept: 'application/json' }, credentials, ...(signal ? { signal } : {}) }))
}

export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials, headers: { accept: 'application/json' } }
  if (body !== undefined) {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' }
    init.body = JSON.stringify(body)
  }
  return parse<T>(await fetch(path, init))
}

/** A raw body of the given type (a CSV of codes for a credit check). */
export async function sendText<T>(path: string, body: string, contentType: string): Promise<T> {
  return parse<T>(await fetch(path, { method: 'POST', body, credentials, headers: { accept: 'application/json', 'content-type': contentType } }))
}

export async function sendForm<T>(path: string, form: FormData): Promise<T> {
  return parse<T>(await fetch(path, { method: 'POST', body: form, credentials, headers: { accept: 'application/json' } }))
}

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}
