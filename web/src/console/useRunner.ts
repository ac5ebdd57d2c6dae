/** Runs one console action: busy while it runs, a toast with the API's message in the current language on failure. */
import { useState } from 'react'
import { App } from 'antd'
import { ApiError } from '../shared/api.ts'
import { useI18n } from '../shared/i18n.tsx'

export function useRunner() {
  const { message } = App.useApp()
  const { lang } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  async function run<T>(fn: () => Promise<T>, done?: string): Promise<T | undefined> {
    setBusy(true)
    setError(undefined)
    try {
      const result = await fn()
      if (done) void message.success(done)
      return result
    } catch (e) {
      const text = e instanceof ApiError ? (lang === 'zh' ? e.zh : e.en) : (e as Error).message
      setError(text)
      void message.error(text)
      return undefined
    } finally {
      setBusy(false)
    }
  }
  return { run, busy, error }
}
