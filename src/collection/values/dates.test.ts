import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addYears, civilFromDays, daysFromCivil, excelSerialToDate, isIsoDate, isOpenEndedValidTo, parseDate } from './dates.ts'

describe('parseDate', () => {
  it.each([
    ['2024-03-05', 'ISO'],
    ['2024-3-5', 'ISO without leading zeros'],
    ['2024/3/5', 'slashes'],
    ['2024/03/05', 'slashes with zeros'],
    ['2024.3.5', 'dots'],
    ['20240305', 'eight digits'],
    ['2024年3月5日', 'Chinese'],
    ['2024年03月05日', 'Chinese with zeros'],
    ['2024年3月5号', 'Chinese with 号'],
    ['2024年3月5', 'Chinese without 日'],
    ['２０２４－０３－０５', 'full-width digits and hyphens'],
    ['２０２４年３月５日', 'full-width digits in the Chinese form'],
    ['2024-03-05 10:20:30', 'a time after a space'],
    ['2024-03-05 00:00:00.0', 'an Oracle timestamp'],
    ['2024-03-05T08:00:00+08:00', 'a time after T'],
    ['2024/3/5 9:05', 'a short time'],
    ['20240305 101010', 'eight digits and a time'],
    ['2024年3月5日 10时30分', 'a Chinese time'],
    ['2024年3月5日10时', 'a Chinese time without a space'],
    ['  2024-03-05  ', 'surrounding spaces'],
    ['45356', 'an Excel serial'],
    ['45356.75', 'an Excel serial with a time fraction'],
  ])('reads %j (%s) as 2024-03-05', (input) => {
    expect(parseDate(input)).toMatchObject({ ok: true, date: '2024-03-05' })
  })

  it.each([
    ['2024-02-30', '2024-02-30'],
    ['2023-02-29', '2023-02-29'],
    ['1900-02-29', '1900-02-29'],
    ['2024-13-01', '2024-13-01'],
    ['2024-00-10', '2024-00-10'],
    ['2024-04-31', '2024-04-31'],
    ['2024-01-00', '2024-01-00'],
    ['20240230', '2024-02-30'],
    ['2024年2月30日', '2024-02-30'],
  ])('rejects the impossible date %j', (input, date) => {
    expect(parseDate(input)).toEqual({ ok: false, reason: 'impossible', date })
  })

  it.each([['2024-02-29'], ['2000-02-29'], ['1996/2/29']])('accepts the leap day %j', (input) => {
    expect(parseDate(input).ok).toBe(true)
  })

  it.each([
    ['abc'],
    ['2024-03'],
    ['05/03/2024'],
    ['2024-3-5x'],
    ['2024/03-05'],
    ['24-03-05'],
    ['2024-003-05'],
    ['/'],
    ['-'],
    ['长期'],
    [''],
    ['2024.35'],
    ['2024-03-05abc'],
  ])('rejects %j as malformed', (input) => {
    expect(parseDate(input)).toMatchObject({ ok: false, reason: 'format' })
  })

  describe('Excel serial numbers (1900 date system)', () => {
    it.each([
      [1, '1900-01-01'],
      [59, '1900-02-28'],
      [61, '1900-03-01'],
      [25569, '1970-01-01'],
      [36526, '2000-01-01'],
      [45356, '2024-03-05'],
      [2958465, '9999-12-31'],
    ])('reads serial %d as %s', (serial, date) => {
      expect(parseDate(String(serial))).toEqual({ ok: true, date, excelSerial: serial })
    })

    it('reads any number of up to 7 digits as a serial, so 202403 (YYYYMM?) becomes a far-future date the range check rejects', () => {
      expect(parseDate('202403')).toEqual({ ok: true, date: '2454-02-26', excelSerial: 202403 })
    })

    it("rejects serial 60, Excel's fictitious 1900-02-29", () => {
      expect(parseDate('60')).toEqual({ ok: false, reason: 'excel_fake_leap_day' })
    })

    it.each([['0'], ['2958466'], ['9999999']])('rejects serial %s as out of range', (input) => {
      expect(parseDate(input)).toEqual({ ok: false, reason: 'excel_serial_range' })
    })

    it('agrees with the JavaScript calendar for every serial after 60', () => {
      fc.assert(
        fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
          const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10)
          expect(excelSerialToDate(serial)).toMatchObject({ ok: true, date: expected })
        }),
      )
    })
  })

  it('never throws and only ever returns real YYYY-MM-DD dates', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/)), (s) => {
        const r = parseDate(s)
        if (r.ok) expect(isIsoDate(r.date)).toBe(true)
      }),
    )
  })

  it('round-trips every real date written as YYYY-MM-DD', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10)
        expect(parseDate(iso)).toEqual({ ok: true, date: iso })
      }),
    )
  })
})

describe('date helpers', () => {
  it('converts between day numbers and dates', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0)
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ y: 2024, m: 2, d: 29 })
  })

  it.each([
    ['2025-06-01', 50, '2075-06-01'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
  ])('adds years: %s + %d = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected)
  })

  it.each([['长期'], [' 永久 '], ['长期有效'], ['无固定期限'], ['9999-12-31'], ['2099/12/31'], ['20991231']])(
    'reads %j in a valid-to column as open-ended',
    (value) => {
      expect(isOpenEndedValidTo(value)).toBe(true)
    },
  )

  it.each([['2030-12-31'], ['无'], ['']])('does not read %j as open-ended', (value) => {
    expect(isOpenEndedValidTo(value)).toBe(false)
  })
})
