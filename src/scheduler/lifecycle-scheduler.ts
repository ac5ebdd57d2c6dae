/**
 * The platform's clockwork while it serves: every few seconds it announces publicity windows that
 * have closed (publicity.tick), raises the reminders and overdue escalations of objections and
 * credit repairs against their working-day deadlines, and rebuilds what credit checks read
 * (standing_facts) after the catalog or the rule sets changed, so a check need not. Never two rounds at once in this process; a
 * failed step is reported and the round goes on (one feature's failure must not stall the others).
 */
import type { Platform } from '../platform.ts'

export type LifecycleParts = Pick<Platform, 'publicity' | 'objections' | 'repairs' | 'creditChecks'>

export interface RoundReport {
  publicity?: Awaited<ReturnType<Platform['publicity']['tick']>>
  objections?: Awaited<ReturnType<Platform['objections']['tick']>>
  repairs?: Awaited<ReturnType<Platform['repairs']['tick']>>
  standingFacts?: Awaited<ReturnType<Platform['creditChecks']['refreshStandingFacts']>>
}

/** One round: each step in turn, failures handed to `onError` with the step's name. */
export async function runLifecycleRound(platform: LifecycleParts, onError: (step: keyof RoundReport, error: unknown) => void): Promise<RoundReport> {
  const report: RoundReport = {}
  await platform.publicity.tick().then((r) => (report.publicity = r), (e: unknown) => onError('publicity', e))
  await platform.objections.tick().then((r) => (report.objections = r), (e: unknown) => onError('objections', e))
  await platform.repairs.tick().then((r) => (report.repairs = r), (e: unknown) => onError('repairs', e))
  await platform.creditChecks.refreshStandingFacts().then((r) => (report.standingFacts = r), (e: unknown) => onError('standingFacts', e))
  return report
}

/**
 * Runs a round at once — windows that closed and deadlines that passed while the platform was down —
 * without holding up the server (after a rule-set change a round re-plans every record), then every
 * `seconds` (0: only the first).
 */
export function startLifecycleScheduler(platform: LifecycleParts, seconds: number, onError: (step: keyof RoundReport, error: unknown) => void): { stop(): void; idle(): Promise<void> } {
  let running: Promise<void> | null = null
  const round = () => {
    if (running) return
    running = runLifecycleRound(platform, onError).then(
      () => {},
      () => {},
    ).finally(() => (running = null))
  }
  round()
  const timer = seconds > 0 ? setInterval(round, seconds * 1000) : null
  timer?.unref()
  return {
    stop: () => {
      if (timer) clearInterval(timer)
    },
    /** Resolves when no round is running (for an orderly shutdown). */
    idle: async () => {
      await running
    },
  }
}
