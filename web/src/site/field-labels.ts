/** Field headers of catalog items, fetched once per item per page load, to label a record's fields. */
import { useEffect, useState } from 'react'
import { getJson } from '../shared/api.ts'
import type { CatalogItemVersion } from '../shared/types.ts'

type Labels = Map<string, { name: string; nameEn: string }>
const cache = new Map<string, Promise<Labels>>()

function labelsOf(code: string): Promise<Labels> {
  let found = cache.get(code)
  if (!found) {
    found = getJson<CatalogItemVersion>(`/api/v1/catalog/${encodeURIComponent(code)}`).then(
      (v) => new Map(v.definition.fields.map((f) => [f.key, { name: f.name, nameEn: f.nameEn }])),
      () => new Map(),
    )
    cache.set(code, found)
  }
  return found
}

export function useFieldLabels(codes: string[]): Map<string, Labels> {
  const [labels, setLabels] = useState<Map<string, Labels>>(new Map())
  const key = [...new Set(codes)].sort().join(',')
  useEffect(() => {
    let live = true
    const wanted = key ? key.split(',') : []
    void Promise.all(wanted.map(async (c) => [c, await labelsOf(c)] as const)).then((pairs) => live && setLabels(new Map(pairs)))
    return () => {
      live = false
    }
  }, [key])
  return labels
}
