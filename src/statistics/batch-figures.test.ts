import { describe, expect, it } from 'vitest'
import { batchFigures, chinaMonth, monthStart, monthsEnding, type BatchRow } from './batch-figures.ts'
import type { Department } from '../departments/department.ts'

const departments = [{ id: 1, code: 'SCJG', shortName: '市场监管局', name: '新乡市市场监督管理局' }, { id: 2, code: 'SW', shortName: null, name: '税务局' }] as unknown as Department[]
const batch = (departmentId: number, createdAt: string, o: Partial<BatchRow> = {}): BatchRow => ({ departmentId, createdAt, status: 'committed', received: 10, accepted: 6, updated: 2, rejected: 2, ...o })

describe('monthsEnding', () => {
  it.each([
    ['mid-year', '2026-03-02T02:00:00.000Z', 3, ['2026-01', '2026-02', '2026-03']],
    ['across a year', '2026-01-15T00:00:00.000Z', 3, ['2025-11', '2025-12', '2026-01']],
    ['on the China side of midnight', '2026-02-28T17:00:00.000Z', 2, ['2026-02', '2026-03']],
  ])('gives the months %s', (_, now, count, months) => {
    expect(monthsEnding(new Date(now), count)).toEqual(months)
  })

  it('puts a batch in its China month and starts a month at China midnight', () => {
    expect(chinaMonth('2026-01-31T16:30:00.000Z')).toBe('2026-02')
    expect(monthStart('2026-02')).toBe('2026-01-31T16:00:00.000Z')
  })
})

describe('batchFigures', () => {
  const now = new Date('2026-03-02T02:00:00.000Z') // 10:00 on 2 March in China

  it('adds the records committed batches wrote per department and month, and sums today', () => {
    const figures = batchFigures({
      now,
      months: 3,
      departments,
      batches: [
        batch(1, '2026-01-10T00:00:00.000Z'),
        batch(1, '2026-03-01T17:00:00.000Z'), // 2 March 01:00 in China: today
        batch(2, '2026-03-02T01:00:00.000Z', { status: 'failed', accepted: 0, updated: 0, rejected: 0 }),
        batch(2, '2026-02-05T00:00:00.000Z', { accepted: 100, updated: 0 }),
        batch(2, '2025-12-31T00:00:00.000Z', { accepted: 999 }), // before the months shown
      ],
    })
    expect(figures.months).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(figures.byDepartment).toEqual([
      { code: 'SW', name: '税务局', perMonth: [0, 100, 0], total: 100 },
      { code: 'SCJG', name: '市场监管局', perMonth: [8, 0, 8], total: 16 },
    ])
    expect(figures.today).toEqual({ date: '2026-03-02', batches: 2, received: 20, written: 8, rejected: 2, failed: 1 })
  })

  it('counts nothing written by a failed batch', () => {
    const figures = batchFigures({ now, months: 1, departments, batches: [batch(1, '2026-03-02T00:00:00.000Z', { status: 'failed' })] })
    expect(figures.byDepartment).toEqual([])
    expect(figures.today).toMatchObject({ batches: 1, written: 0, failed: 1 })
  })
})
