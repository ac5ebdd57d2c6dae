/**
 * What a record's fields mean, fetched once per page load: each catalog item's field headers (in
 * catalog order) and the code tables, so a record shows 罚款 rather than 010103.
 */
import { useEffect, useState } from 'react'
import { getJson } from '../shared/api.ts'
import type { CatalogItemVersion } from '../shared/types.ts'

export interface FieldLabel {
  name: string
  nameEn: string
  order: number
  codes?: Map<string, { label: string; labelEn: string }>
}
export type Labels = Map<string, FieldLabel>

interface CodeTable {
  key: string
  entries: Array<{ code: string; label: string; labelEn: string }>
}

let codeTables: Promise<Map<string, CodeTable>> | undefined
const items = new Map<string, Promise<Labels>>()

function tables(): Promise<Map<string, CodeTable>> {
  codeTables ??= getJson<{ items: CodeTable[] }>('/api/v1/code-tables').then(
    (r) => new Map(r.items.map((t) => [t.key, t])),
    () => new Map(),
  )
  return codeTables
}

function labelsOf(code: string): Promise<Labels> {
  let found = items.get(code)
  if (!found) {
    found = Promise.all([getJson<CatalogItemVersion>(`/api/v1/catalog/${encodeURIComponent(code)}`), tables()]).then(
      ([v, t]) =>
        new Map(
          v.definition.fields.map((f, order) => {
            const table = f.codeTable ? t.get(f.codeTable) : undefined
            const label: FieldLabel = { name: f.name, nameEn: f.nameEn, order }
            if (table) label.codes = new Map(table.entries.map((e) => [e.code, { label: e.label, labelEn: e.labelEn }]))
            return [f.key, label]
          }),
        ),
      () => new Map(),
    )
    items.set(code, found)
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
