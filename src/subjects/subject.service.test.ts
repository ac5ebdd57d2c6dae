import { expect, it } from 'vitest'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { makeResidentId, makeUscc } from '../identifiers/index.ts'
import { bulkLoadSubjects } from './subject-bulk-load.ts'
import type { Actor } from '../security/actor.ts'

const system: Actor = { type: 'system', name: 'test' }
const clerk: Actor = { type: 'user', id: 1, username: 'clerk', displayName: '报送员', departmentId: 1, departmentCode: 'SCJG', roles: ['department_operator'] }

describeEachPlatform('subjects', (get) => {
  it('register an organisation with its kind derived from the USCC and its organisation code kept', async () => {
    const { platform } = get()
    const uscc = makeUscc({ authority: '1', category: '2', division: '410702', orgCodeBody8: '41600001' })
    const subject = await platform.subjects.register(clerk, { kind: 'enterprise', name: '新乡市第一人民医院', identifiers: [{ scheme: 'uscc', value: uscc.toLowerCase() }], division: '410702' })
    expect(subject.kind).toBe('public_institution')
    const basic = await platform.subjects.basicRecord({ type: 'public' }, `${uscc.slice(8, 16)}-${uscc[16]}`)
    expect(basic.identifiers).toEqual([
      { scheme: 'uscc', value: uscc, masked: false },
      { scheme: 'org_code', value: uscc.slice(8, 17), masked: false },
    ])
    expect(basic.divisionName).toBe('红旗区')
  })

  it('refuse a second subject with the same code, and invalid codes with the identifier error', async () => {
    const { platform } = get()
    const uscc = makeUscc({ authority: '1', category: '2', division: '410702', orgCodeBody8: '41600001' })
    await expect(platform.subjects.register(clerk, { kind: 'enterprise', name: '重复', identifiers: [{ scheme: 'uscc', value: uscc }] })).rejects.toMatchObject({ code: 'SUBJECT_EXISTS', kind: 'conflict' })
    await expect(platform.subjects.register(clerk, { kind: 'enterprise', name: '错码', identifiers: [{ scheme: 'uscc', value: '91350100M000100Y44' }] })).rejects.toMatchObject({ code: 'IDENTIFIER_CHECKSUM' })
    await expect(platform.subjects.register(clerk, { kind: 'enterprise', name: '无码', identifiers: [{ scheme: 'registration_number', value: '410700000012345' }] })).rejects.toBeTruthy()
    await expect(platform.subjects.register({ type: 'public' }, { kind: 'enterprise', name: 'x', identifiers: [{ scheme: 'uscc', value: '91350100M000100Y43' }] })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('store a person’s identity number only encrypted and hashed, and find it by its 15-digit form too', async () => {
    const { platform } = get()
    const id18 = makeResidentId({ area: '410728', birthDate: '19650412', sequence: 123 })
    const id15 = id18.slice(0, 6) + id18.slice(8, 17)
    await platform.subjects.register(clerk, { kind: 'natural_person', name: '李四', identifiers: [{ scheme: 'resident_id', value: id18 }] })
    const rows = await platform.database.db.selectFrom('subject_identifiers').selectAll().where('scheme', '=', 'resident_id').execute()
    expect(JSON.stringify(rows)).not.toContain(id18)
    expect(rows[0]!.masked).toBe(`${id18.slice(0, 6)}********${id18.slice(14)}`)
    const viaOld = await platform.subjects.basicRecord(clerk, id15)
    expect(viaOld.name).toBe('李四')
    expect(platform.cipher.decrypt(rows[0]!.ciphertext!)).toBe(id18)
    await expect(platform.subjects.basicRecord({ type: 'public' }, id18)).rejects.toMatchObject({ code: 'SUBJECT_NOT_FOUND' })
  })

  it('bulk-load subjects that are then found like any other', async () => {
    const { platform } = get()
    const before = await platform.subjects.count()
    const people = Array.from({ length: 300 }, (_, i) => makeResidentId({ area: '410702', birthDate: '19800101', sequence: i + 1 }))
    const firms = Array.from({ length: 300 }, (_, i) => makeUscc({ authority: '9', category: '1', division: '410711', orgCodeBody8: `MA${String(i).padStart(6, '0')}` }))
    const result = await bulkLoadSubjects(platform, [
      ...firms.map((uscc, i) => ({ kind: 'enterprise' as const, name: `新乡市测试${i}有限公司`, division: '410711', status: 'active' as const, uscc, establishedOn: i % 2 ? '2010-01-01' : '2020-01-01', formerNames: i === 7 ? [{ name: '新乡市旧名有限公司', validFrom: '2010-01-01', validTo: '2019-12-31' }] : [] })),
      ...people.map((residentId, i) => ({ kind: 'natural_person' as const, name: `测试${i}`, division: '410702', status: 'active' as const, residentId })),
    ], { chunkSize: 128 })
    expect(result.subjects).toBe(600)
    expect(await platform.subjects.count()).toBe(before + 600)
    expect((await platform.subjects.basicRecord(clerk, firms[7]!)).formerNames).toEqual([{ name: '新乡市旧名有限公司', validFrom: '2010-01-01', validTo: '2019-12-31', source: 'former' }])
    expect((await platform.subjects.basicRecord(clerk, firms[1]!.slice(2, 17))).name).toBe('新乡市测试1有限公司')
    expect((await platform.subjects.basicRecord(clerk, people[299]!)).name).toBe('测试299')
    // Ids continue after a bulk load: a normal registration still works.
    await platform.subjects.register(clerk, { kind: 'enterprise', name: '之后登记', identifiers: [{ scheme: 'uscc', value: makeUscc({ authority: '9', category: '1', division: '410711', orgCodeBody8: 'MB000001' }) }] })
  })
})
