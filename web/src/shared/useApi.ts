/** Loads one API answer for a component: data, error, loading, and a reload. Stale answers are dropped. */
import { useCallback, useEffect, useState } from 'react'
import { getJson } from './api.ts'

export function useApi<T>(path: string | null): { data: T | undefined; error: Error | undefined; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean; path: string | null }>({ loading: path !== null, path })
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (path === null) return
    const controller = new AbortController()
    setState((s) => ({ ...(s.path === path ? { data: s.data } : {}), loading: true, path }))
    getJson<T>(path, controller.signal).then(
      (data) => setState({ data, loading: false, path }),
      (error: Error) => {
        if (!controller.signal.aborted) setState({ error, loading: false, path })
      },
    )
    return () => controller.abort()
  }, [path, tick])
  const reload = useCallback(() => setTick((n) => n + 1), [])
  return { data: state.path === path ? state.data : undefined, error: state.path === path ? state.error : undefined, loading: state.loading || state.path !== path, reload }
}
