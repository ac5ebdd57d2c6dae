/**
 * The one statement that keeps standing_facts (migration 0013) in step with records: for the
 * records a selector names whose item standing_items projects, the current version's dates,
 * status and tier, and its payload narrowed to the item's keys (a key the payload lacks stays
 * absent; every JSON type is kept as it is). Collection's set-based writer runs it once a round,
 * a withdrawal or a breach for its one record, and a rebuild for whole items.
 */
import type { Dialect } from './create-database.ts'

const fieldsOf = (dialect: Dialect) =>
  dialect === 'sqlite'
    ? `(select json_group_object(k.value, v.payload -> k.value) from json_each(si.keys) k where v.payload -> k.value is not null)`
    : `(select coalesce(jsonb_object_agg(k.key, v.payload -> k.key), '{}'::jsonb) from jsonb_array_elements_text(cast(si.keys as jsonb)) as k(key) where jsonb_exists(v.payload, k.key))`

export const standingFactColumns = ['subject_id', 'record_id', 'category', 'department_id', 'status', 'decision_date', 'publication_date', 'valid_from', 'valid_to', 'publicity_end', 'tier', 'fields']

/**
 * `selector` is a condition on `r` (records), in the caller's parameter style. A rebuild inserts in
 * subject order, so that on PostgreSQL (a heap, not a B-tree) each subject's facts start out on
 * the same pages.
 */
export function projectStandingSql(dialect: Dialect, selector: string, options: { inSubjectOrder?: boolean } = {}): string {
  return `insert into standing_facts (${standingFactColumns.join(', ')})
    select r.subject_id, r.id, r.category, r.department_id, r.status, v.decision_date, v.publication_date, v.valid_from, v.valid_to, v.publicity_end, v.tier, ${fieldsOf(dialect)}
    from records r join standing_items si on si.category = r.category join record_versions v on v.id = r.current_version_id
    where ${selector}${options.inSubjectOrder ? ' order by r.subject_id, r.id' : ''}
    on conflict (subject_id, record_id) do update set ${standingFactColumns.slice(2).map((c) => `${c} = excluded.${c}`).join(', ')}`
}
