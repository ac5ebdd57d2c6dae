/** The city's departments by id and code (public list), for names in tables and selects. */
import { useMemo } from 'react'
import { useApi } from '../shared/useApi.ts'

export interface Department {
  id: number
  code: string
  name: string
  nameEn: string
  shortName: string | null
  uscc: string | null
  division: string
  parentCode: string | null
  kind: string
  status: 'active' | 'inactive'
}

export function useDepartments() {
  const list = useApi<{ items: Department[] }>('/api/v1/departments')
  return useMemo(() => {
    const items = list.data?.items ?? []
    return { items, byId: new Map(items.map((d) => [d.id, d])), reload: list.reload, loading: list.loading }
  }, [list.data, list.loading, list.reload])
}
