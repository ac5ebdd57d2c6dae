/**
 * The two settings of joint rewards and punishments the platform office may change: which list
 * items need the written pre-notice before an entry takes effect (河南条例 Art. 28; black lists
 * but court defaulters by default), and within how many working days a department reports back on
 * a check that hit (default 10). Kept in `settings`; every change audited.
 */
import type { Database } from '../db/create-database.ts'
import type { Clock } from '../clock.ts'
import { AppError } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import type { Actor } from '../security/actor.ts'
import { authorize } from '../security/policy.ts'
import { baseCatalog } from '../catalog/base-catalog/index.ts'
import { defaultPreNoticeItems } from './list-items.ts'
import { configCache, configGeneration } from '../db/config-generation.ts'

const PRE_NOTICE_KEY = 'sanctions.pre_notice_items'
const FEEDBACK_DAYS_KEY = 'sanctions.feedback_working_days'
export const DEFAULT_FEEDBACK_WORKING_DAYS = 10

export function createSanctionSettings(deps: { database: Database; clock: Clock; audit: AuditTrail }) {
  const { db } = deps.database
  // Read once per configuration generation: every credit check asks for both.
  const stored = configCache(configGeneration(db), async () => {
    const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', [PRE_NOTICE_KEY, FEEDBACK_DAYS_KEY]).execute()
    return new Map(rows.map((r) => [r.key, r.value]))
  })
  const write = async (actor: Actor, key: string, value: string) => {
    await db.transaction().execute(async (trx) => {
      const at = deps.clock.now().toISOString()
      await trx.insertInto('settings').values({ key, value, updated_at: at }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at })).execute()
      await deps.audit.append(trx, { actor, action: 'sanctions.setting_changed', entityType: 'setting', entityId: key, detail: { value: JSON.parse(value) as unknown } })
    })
  }
  return {
    /** `at`: a configuration generation just read. */
    async preNoticeItems(at?: number): Promise<string[]> {
      const v = (await stored.current(at)).get(PRE_NOTICE_KEY)
      return v === undefined ? defaultPreNoticeItems(baseCatalog) : (JSON.parse(v) as string[])
    },
    async feedbackWorkingDays(at?: number): Promise<number> {
      const v = (await stored.current(at)).get(FEEDBACK_DAYS_KEY)
      return v === undefined ? DEFAULT_FEEDBACK_WORKING_DAYS : Number(v)
    },
    async setPreNoticeItems(actor: Actor, codes: string[]): Promise<string[]> {
      authorize(actor, 'manage_measures')
      const clean = [...new Set(codes.map((c) => c.trim().toUpperCase()).filter(Boolean))].sort()
      await write(actor, PRE_NOTICE_KEY, JSON.stringify(clean))
      return clean
    },
    async setFeedbackWorkingDays(actor: Actor, days: number): Promise<number> {
      authorize(actor, 'manage_measures')
      if (!Number.isInteger(days) || days < 1 || days > 60) throw new AppError('FEEDBACK_DAYS_INVALID', '反馈期限须为 1–60 个工作日', 'The feedback period must be 1–60 working days')
      await write(actor, FEEDBACK_DAYS_KEY, String(days))
      return days
    },
  }
}

export type SanctionSettings = ReturnType<typeof createSanctionSettings>
