/** 事项与奖惩措施: the matters a check is made for and the measure catalog, each measure with its legal basis and trigger; the office edits measures (versioned, audited). */
import { useState } from 'react'
import { Button, Card, Table, Tabs, Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { sendJson } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { ActionModal, type ActionSpec } from './ActionModal.tsx'
import { hasRole, useSession } from './session.ts'
import type { Matter } from './checks.ts'

interface Measure {
  code: string
  name: string
  nameEn: string
  effect: 'incentive' | 'punishment'
  part: 'legal' | 'management' | 'market'
  legalBasis: string
  implementers: string[]
  trigger: { lists?: Array<'red' | 'focus' | 'black'>; items?: string[]; negativeTiers?: Array<'minor' | 'general' | 'serious'> }
  matters: string[]
}
interface Stored {
  definition: Measure
  version: number
  status: string
  updatedAt: string
  updatedBy: string
}

const listNames = { red: ['红名单', 'red'], focus: ['重点关注', 'focus'], black: ['严重失信', 'black'] } as const
const tierNames = { minor: ['轻微', 'minor'], general: ['一般', 'general'], serious: ['严重', 'serious'] } as const
const parts = { legal: ['依法依规', 'By law'], management: ['管理措施', 'Management'], market: ['市场与社会', 'Market and society'] } as const
const split = (v: unknown) => (typeof v === 'string' ? v.split(/[\s,，、]+/).map((s) => s.trim()).filter(Boolean) : [])

function editSpec(m: Measure, matters: Matter[]): ActionSpec {
  return {
    key: 'edit',
    title: [`编辑措施 ${m.code}`, `Edit measure ${m.code}`],
    fields: [
      { name: 'name', label: ['名称', 'Name'], kind: 'text', required: true, initial: m.name },
      { name: 'nameEn', label: ['英文名称', 'English name'], kind: 'text', required: true, initial: m.nameEn },
      { name: 'part', label: ['类别', 'Part'], kind: 'select', required: true, initial: m.part, options: Object.entries(parts).map(([value, label]) => ({ value, label })) },
      { name: 'legalBasis', label: ['法律依据（写明《…》）', 'Legal basis (name the law in 《…》)'], kind: 'textarea', required: true, initial: m.legalBasis },
      { name: 'matters', label: ['适用事项', 'Matters'], kind: 'multi', required: true, initial: m.matters, options: matters.map((x) => ({ value: x.code, label: [`${x.code} ${x.name}`, `${x.code} ${x.nameEn}`] as const })) },
      { name: 'lists', label: ['触发名单', 'Triggering lists'], kind: 'multi', initial: m.trigger.lists, options: Object.entries(listNames).map(([value, label]) => ({ value, label })) },
      { name: 'negativeTiers', label: ['触发的失信程度', 'Triggering tiers'], kind: 'multi', initial: m.trigger.negativeTiers, options: Object.entries(tierNames).map(([value, label]) => ({ value, label })) },
      { name: 'items', label: ['限定名单目录项（逗号分隔）', 'Only these list items (comma-separated)'], kind: 'text', initial: m.trigger.items?.join(',') },
      { name: 'implementers', label: ['实施部门代码（逗号分隔）', 'Implementing departments (comma-separated)'], kind: 'text', initial: m.implementers.join(',') },
    ],
    send: (v) => {
      const lists = (v.lists as string[] | undefined) ?? []
      const tiers = (v.negativeTiers as string[] | undefined) ?? []
      const items = split(v.items)
      const trigger = { ...(lists.length ? { lists } : {}), ...(items.length ? { items } : {}), ...(tiers.length ? { negativeTiers: tiers } : {}) }
      return sendJson('PUT', `/api/v1/measures/${m.code}`, { code: m.code, name: v.name, nameEn: v.nameEn, effect: m.effect, part: v.part, legalBasis: v.legalBasis, implementers: split(v.implementers), trigger, matters: v.matters })
    },
  }
}

export default function MeasuresPage() {
  const { label, pick } = useI18n()
  const { user } = useSession()
  const office = hasRole(user, 'platform_admin')
  const matters = useApi<{ items: Matter[] }>('/api/v1/matters')
  const measures = useApi<{ items: Stored[] }>('/api/v1/measures')
  const [editing, setEditing] = useState<ActionSpec | undefined>()
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label(['事项与奖惩措施', 'Matters and measures'])}</h1>
      {measures.error ? <ErrorNotice error={measures.error} onRetry={measures.reload} /> : null}
      <Card>
        <Tabs
          items={[
            {
              key: 'measures',
              label: label(['奖惩措施清单', 'Measure catalog']),
              children: (
                <Table<Stored> size="small" rowKey={(s) => s.definition.code} loading={measures.loading} dataSource={measures.data?.items ?? []} pagination={false} scroll={{ x: 1000 }} columns={[
                  { title: label(['代码', 'Code']), key: 'code', render: (_, s) => s.definition.code },
                  { title: label(['措施', 'Measure']), key: 'name', render: (_, s) => <span>{pick(s.definition.name, s.definition.nameEn)} {s.status !== 'active' ? <Tag>{s.status}</Tag> : null}</span> },
                  { title: label(['性质', 'Effect']), key: 'effect', render: (_, s) => <Tag color={s.definition.effect === 'punishment' ? 'red' : 'green'}>{s.definition.effect === 'punishment' ? label(['惩戒', 'Punishment']) : label(['激励', 'Incentive'])}</Tag> },
                  { title: label(['法律依据', 'Legal basis']), key: 'basis', render: (_, s) => <span className="cell-text">{s.definition.legalBasis}</span> },
                  { title: label(['触发', 'Trigger']), key: 'trigger', render: (_, s) => [...(s.definition.trigger.lists ?? []).map((l) => label(listNames[l])), ...(s.definition.trigger.negativeTiers ?? []).map((t) => `${label(tierNames[t])}${label(['失信信息', ' records'])}`), ...(s.definition.trigger.items ?? [])].join('、') },
                  { title: label(['事项', 'Matters']), key: 'matters', render: (_, s) => s.definition.matters.join('、') },
                  { title: label(['版本', 'Version']), dataIndex: 'version', align: 'right' },
                  ...(office ? [{ title: '', key: 'edit', render: (_: unknown, s: Stored) => <Button size="small" onClick={() => setEditing(editSpec(s.definition, matters.data?.items ?? []))}>{label(['编辑', 'Edit'])}</Button> }] : []),
                ]} />
              ),
            },
            {
              key: 'matters',
              label: label(['核查事项', 'Matters']),
              children: (
                <Table<Matter> size="small" rowKey="code" loading={matters.loading} dataSource={matters.data?.items ?? []} pagination={false} columns={[
                  { title: label(['代码', 'Code']), dataIndex: 'code' },
                  { title: label(['事项', 'Matter']), key: 'name', render: (_, m) => pick(m.name, m.nameEn) },
                  { title: label(['依据', 'Basis']), dataIndex: 'legalBasis', render: (v: string) => <span className="cell-text">{v}</span> },
                ]} />
              ),
            },
          ]}
        />
      </Card>
      {editing ? <ActionModal spec={editing} onClose={() => setEditing(undefined)} onDone={() => { setEditing(undefined); measures.reload() }} /> : null}
    </>
  )
}
