/** The site shows a publicity window's last day; the API's end is the first day no longer shown. */
import { describe, expect, it } from 'vitest'
import { dayBefore } from '../web/src/shared/dates.ts'

describe('dayBefore', () => {
  it.each([
    ['2027-09-25', '2027-09-24'],
    ['2027-03-01', '2027-02-28'],
    ['2028-03-01', '2028-02-29'],
    ['2027-01-01', '2026-12-31'],
  ])('shows %s (exclusive end) as last day %s', (end, last) => {
    expect(dayBefore(end)).toBe(last)
  })
})
