/**
 * A list entry as FollowTheMoney entities (the OpenSanctions data model), so compliance tools
 * elsewhere can read the city's lists: the subject (Company / Organization / Person) and a
 * `Sanction` pointing at it. The listing date is not the start date (a bug seen in mirrors); a
 * lifted entry keeps its Sanction with its end date and status. Persons' ID numbers go out masked.
 */
import { listEntryStatus, type ListEntry } from './list-entry.ts'

export interface FtmEntity {
  id: string
  schema: 'Sanction' | 'Company' | 'Organization' | 'Person'
  properties: Record<string, string[]>
}

export interface SanctionedSubject {
  id: number
  kind: 'enterprise' | 'individual_business' | 'organisation' | 'natural_person' | string
  name: string
  /** USCC (organisations) or a masked ID number (persons). */
  identifier: string | null
}

const statusOf = { awaiting_pre_notice: 'Suspended', pending: 'Inactive', active: 'Active', expired: 'Expired', removed: 'Inactive', withdrawn: 'Inactive' } as const
const topicOf = { black: 'debarment', focus: 'reg.warn', red: 'reg.action' } as const

export function ftmSanction(entry: ListEntry, subject: SanctionedSubject, options: { today: string; provisions: string[]; publisher: string; idPrefix: string }): FtmEntity[] {
  const subjectId = `${options.idPrefix}-subject-${subject.id}`
  const person = subject.kind === 'natural_person'
  const schema = person ? 'Person' : subject.kind === 'enterprise' || subject.kind === 'individual_business' ? 'Company' : 'Organization'
  const subjectEntity: FtmEntity = {
    id: subjectId,
    schema,
    properties: compact({
      name: [subject.name],
      country: ['cn'],
      topics: entry.listKind === 'red' ? [] : [topicOf[entry.listKind]],
      ...(subject.identifier ? (person ? { idNumber: [subject.identifier] } : { registrationNumber: [subject.identifier] }) : {}),
    }),
  }
  const sanction: FtmEntity = {
    id: `${options.idPrefix}-sanction-${entry.recordId}`,
    schema: 'Sanction',
    properties: compact({
      entity: [subjectId],
      authority: opt(entry.authority),
      program: [entry.listName],
      reason: opt(entry.reason),
      summary: opt(entry.legalBasis),
      listingDate: opt(entry.listingDate),
      startDate: opt(entry.startDate ?? entry.listingDate),
      endDate: opt(entry.removalDate ?? entry.endDate),
      provisions: options.provisions,
      status: [statusOf[listEntryStatus(entry, options.today)]],
      recordId: opt(entry.decisionNumber),
      country: ['cn'],
      publisher: [options.publisher],
    }),
  }
  return [subjectEntity, sanction]
}

const opt = (v: string | null): string[] => (v === null || v === '' ? [] : [v])

function compact(p: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v.length > 0))
}
