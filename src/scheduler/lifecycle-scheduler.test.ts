import { describe, expect, it } from 'vitest'
import { runLifecycleRound, startLifecycleScheduler, type LifecycleParts } from './lifecycle-scheduler.ts'

const parts = (fail: Set<string>, calls: string[]): LifecycleParts =>
  ({
    publicity: { tick: async () => (calls.push('publicity'), fail.has('publicity') ? Promise.reject(new Error('db down')) : { ended: 2, archived: 1 }) },
    objections: { tick: async () => (calls.push('objections'), fail.has('objections') ? Promise.reject(new Error('boom')) : { reminders: 1, overdue: 0 }) },
    repairs: { tick: async () => (calls.push('repairs'), { reminders: 0, overdue: 3 }) },
    creditChecks: { refreshStandingFacts: async () => (calls.push('standingFacts'), fail.has('standingFacts') ? Promise.reject(new Error('locked')) : { built: 1, facts: 40 }) },
  }) as unknown as LifecycleParts

describe('runLifecycleRound', () => {
  it('runs publicity, objections, repairs and the credit-check projection in turn and reports each', async () => {
    const calls: string[] = []
    const report = await runLifecycleRound(parts(new Set(), calls), () => {})
    expect(calls).toEqual(['publicity', 'objections', 'repairs', 'standingFacts'])
    expect(report).toEqual({ publicity: { ended: 2, archived: 1 }, objections: { reminders: 1, overdue: 0 }, repairs: { reminders: 0, overdue: 3 }, standingFacts: { built: 1, facts: 40 } })
  })

  it('goes on after a failed step and names it', async () => {
    const calls: string[] = []
    const failed: string[] = []
    const report = await runLifecycleRound(parts(new Set(['publicity', 'objections', 'standingFacts']), calls), (step, error) => failed.push(`${step}: ${(error as Error).message}`))
    expect(calls).toEqual(['publicity', 'objections', 'repairs', 'standingFacts'])
    expect(failed).toEqual(['publicity: db down', 'objections: boom', 'standingFacts: locked'])
    expect(report).toEqual({ repairs: { reminders: 0, overdue: 3 } })
  })
})

describe('startLifecycleScheduler', () => {
  it('runs a first round at once without waiting for it, and none at an interval of 0', async () => {
    const calls: string[] = []
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const slow = {
      publicity: { tick: async () => (calls.push('publicity'), await gate, { ended: 0, archived: 0 }) },
      objections: { tick: async () => (calls.push('objections'), { reminders: 0, overdue: 0 }) },
      repairs: { tick: async () => (calls.push('repairs'), { reminders: 0, overdue: 0 }) },
      creditChecks: { refreshStandingFacts: async () => (calls.push('standingFacts'), { built: 0, facts: 0 }) },
    } as unknown as LifecycleParts
    const scheduler = startLifecycleScheduler(slow, 0, () => {})
    // Started, not finished: the caller went on while publicity was still working.
    expect(calls).toEqual(['publicity'])
    release()
    await scheduler.idle()
    expect(calls).toEqual(['publicity', 'objections', 'repairs', 'standingFacts'])
    scheduler.stop()
  })
})
