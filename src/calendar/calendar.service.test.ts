/** The calendar in the store: the office extends and corrects the built-in data, audited; HTTP and CLI edges. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { runCli } from '../../test/cli-io.ts'
import { buildApp } from '../http/app.ts'
import type { Actor } from '../security/actor.ts'
import { addWorkingDays } from './working-days.ts'

const office: Actor = { type: 'system', name: 'test' }
const reviewer: Actor = { type: 'user', id: 9, username: 'rev', displayName: 'rev', departmentId: 1, departmentCode: 'SCJG', roles: ['department_reviewer'] }
const password = 'Correct-Horse-9-battery'

describeEachPlatform('working calendar', (get) => {
  let app: FastifyInstance
  let admin: { cookie: string }
  beforeAll(async () => {
    const { platform } = get()
    await platform.departments.add(office, { code: 'FGW', name: '市发展改革委', division: '410700', kind: 'platform_office', shortName: null, uscc: null, parentCode: null })
    await platform.access.addUser(office, { username: 'admin', displayName: '管理员', password, departmentCode: 'FGW', roles: ['platform_admin'] })
    app = await buildApp(platform)
    const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'admin', password } })
    admin = { cookie: `xinyong_session=${login.cookies.find((c) => c.name === 'xinyong_session')!.value}` }
  })
  afterAll(async () => app?.close())

  it('lets the office enter 2027 调休 days, which move deadlines at once, and audits it', async () => {
    const { platform } = get()
    expect(addWorkingDays(await platform.calendar.current(), '2027-02-04', 2)).toBe('2027-02-10')
    await platform.calendar.setDay(office, { date: '2027-02-09', kind: 'holiday', name: '春节', source: '国办发明电〔2026〕X号' })
    expect(addWorkingDays(await platform.calendar.current(), '2027-02-04', 2)).toBe('2027-02-11')
    const listed = await platform.calendar.list(2027)
    expect(listed.find((e) => e.date === '2027-02-09')).toEqual({ date: '2027-02-09', kind: 'holiday', name: '春节', source: '国办发明电〔2026〕X号', origin: 'office' })
    expect(listed.find((e) => e.date === '2027-02-05')).toMatchObject({ origin: 'built_in' })
    const audit = await platform.audit.list({ limit: 1, entityType: 'calendar_day' })
    expect(audit[0]).toMatchObject({ action: 'calendar.set', entityId: '2027-02-09', detail: { kind: 'holiday', before: null } })
  })

  it('overrides a built-in day and restores it on removal', async () => {
    const { platform } = get()
    const cal = await platform.calendar.current()
    expect(cal.isWorkingDay('2026-10-10')).toBe(true)
    await platform.calendar.setDay(office, { date: '2026-10-10', kind: 'holiday', name: '更正' })
    expect((await platform.calendar.current()).isWorkingDay('2026-10-10')).toBe(false)
    expect((await platform.calendar.list(2026)).find((e) => e.date === '2026-10-10')).toMatchObject({ origin: 'office', source: '平台管理员录入' })
    await platform.calendar.removeDay(office, '2026-10-10')
    expect((await platform.calendar.current()).isWorkingDay('2026-10-10')).toBe(true)
    await expect(platform.calendar.removeDay(office, '2026-10-10')).rejects.toMatchObject({ code: 'CALENDAR_DAY_NOT_FOUND' })
  })

  it('refuses other staff and bad input', async () => {
    const { platform } = get()
    await expect(platform.calendar.setDay(reviewer, { date: '2027-02-10', kind: 'holiday', name: '春节' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(platform.calendar.setDay({ type: 'public' }, { date: '2027-02-10', kind: 'holiday', name: '春节' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    await expect(platform.calendar.setDay(office, { date: '2027-02-30', kind: 'holiday', name: '春节' })).rejects.toMatchObject({ code: 'CALENDAR_DATE_INVALID' })
    await expect(platform.calendar.setDay(office, { date: '2027-02-10', kind: 'holiday', name: ' ' })).rejects.toMatchObject({ code: 'CALENDAR_NAME_REQUIRED' })
  })

  it('serves the calendar publicly and changes it for the office only: 401 → 403 → 400 → 200', async () => {
    const res = await app.inject('/api/v1/calendar?year=2026')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ year: 2026, covered: true })
    expect(res.json().items.filter((e: { kind: string }) => e.kind === 'workday')).toHaveLength(6)
    expect((await app.inject('/api/v1/calendar?year=2031')).json()).toEqual({ year: 2031, covered: false, items: [] })
    const url = '/api/v1/calendar/days/2027-10-09'
    const payload = { kind: 'workday', name: '国庆节调休上班' }
    expect((await app.inject({ method: 'PUT', url, payload })).statusCode).toBe(401)
    const { platform } = get()
    const key = (await platform.access.createApiKey(office, { name: 'x', departmentCode: 'FGW', roles: ['department_reviewer'] })).key
    expect((await app.inject({ method: 'PUT', url, payload, headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(403)
    expect((await app.inject({ method: 'PUT', url, payload: { kind: 'weekend', name: 'x' }, headers: admin })).statusCode).toBe(400)
    expect((await app.inject({ method: 'PUT', url: '/api/v1/calendar/days/2027-13-01', payload, headers: admin })).json().error.code).toBe('CALENDAR_DATE_INVALID')
    const put = await app.inject({ method: 'PUT', url, payload, headers: admin })
    expect(put.statusCode).toBe(200)
    expect(put.json()).toMatchObject({ date: '2027-10-09', kind: 'workday', origin: 'office' })
    expect((await app.inject({ method: 'DELETE', url, headers: admin })).statusCode).toBe(204)
    expect((await app.inject({ method: 'DELETE', url, headers: admin })).statusCode).toBe(404)
  })

  it('is driven from the command line', async () => {
    const { store } = get()
    const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { XINYONG_DATA_DIR: store.dir, DATABASE_URL: store.url, USER: 'tester', ...env } })
    // The same answer whatever the clock says.
    expect((await run(['calendar', 'add-working-days', '2026-09-30', '3'], { XINYONG_NOW: '2030-01-01T00:00:00Z' })).stdout).toBe('2026-10-10')
    expect((await run(['calendar', 'add-working-days', '2026-02-13', '3'])).stdout).toBe('2026-02-25')
    const set = await run(['calendar', 'set', '2027-09-18', '--workday', '--name', '中秋节调休上班'])
    expect(set.code, set.stderr).toBe(0)
    expect((await run(['calendar', 'show', '2027'])).stdout).toMatch(/2027-09-18\s+上班 workday\s+中秋节调休上班\s+\[平台录入\]/)
    expect((await run(['calendar', 'set', '2027-09-19', '--name', 'x'])).stderr).toContain('CALENDAR_KIND_REQUIRED')
    expect((await run(['calendar', 'remove', '2027-09-18'])).code).toBe(0)
    expect((await run(['calendar', 'remove', '2027-09-18'])).stderr).toContain('CALENDAR_DAY_NOT_FOUND')
    expect((await run(['calendar', 'show', '2031'])).stdout).toContain('No holiday data for 2031')
  })
})
