/**
 * The demo's featured subjects: which generated firms and people play the list entries, red lists,
 * honours, commitments and open cases. Chosen deterministically from the subjects given (active
 * enterprises, individual businesses and people, shuffled by the seed); each plays one part only,
 * so a red-list firm is never also on a blacklist. Firms are chosen among those that existed well
 * before the oldest featured fact (800 days before today). With few subjects, later parts go short.
 */
import { addDays } from './demo-rows.ts'
import { hashSeed, Rng, seedToUint32 } from './prng.ts'
import type { DemoSubject } from './subject-generator.ts'

export interface DemoCast {
  /** 严重失信主体名单 entries in force, each with its pre-notice served. */
  listed: DemoSubject[]
  /** Listed a few days ago; the pre-notice is not yet recorded (the console's "awaiting" view). */
  awaitingNotice: DemoSubject[]
  /** Listed two years ago and removed after repair. */
  delisted: DemoSubject[]
  /** 失信被执行人: firms, then people. */
  defaulterFirms: DemoSubject[]
  defaulterPersons: DemoSubject[]
  /** 经营异常名录. */
  abnormal: DemoSubject[]
  /** 纳税信用A级 (red list). */
  taxA: DemoSubject[]
  /** 守合同重信用 (red list). */
  contractKeeping: DemoSubject[]
  /** 表彰荣誉. */
  honoured: DemoSubject[]
  /** 信用承诺; the first one's is breached. */
  committed: DemoSubject[]
  /** Recent penalties the subjects object to (one objection stays received, one is forwarded). */
  objecting: DemoSubject[]
  /** A penalty past its minimum period, with a repair application. */
  repairing: DemoSubject[]
  /** A penalty its department withdraws. */
  withdrawn: DemoSubject[]
  /** A licence reported as revoked (撤销). */
  revokedLicence: DemoSubject[]
}

type Part = keyof DemoCast
const firmParts: Array<[Part, number]> = [
  ['listed', 4],
  ['taxA', 6],
  ['objecting', 2],
  ['repairing', 1],
  ['defaulterFirms', 2],
  ['contractKeeping', 3],
  ['committed', 6],
  ['awaitingNotice', 1],
  ['delisted', 1],
  ['honoured', 3],
  ['abnormal', 4],
  ['withdrawn', 1],
  ['revokedLicence', 1],
]

function shuffled<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1))
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}

export function castDemoSubjects(seed: number | string, subjects: readonly DemoSubject[], today: string): DemoCast {
  const rng = new Rng().reseed(hashSeed(seedToUint32(`${String(seed)}:cast`), 0))
  const existedBy = addDays(today, -800)
  const active = subjects.filter((s) => s.status === 'active' && (s.establishedOn === undefined || s.establishedOn <= existedBy))
  const firms = shuffled(active.filter((s) => s.kind === 'enterprise'), rng)
  const shops = shuffled(active.filter((s) => s.kind === 'individual_business'), rng)
  const people = shuffled(active.filter((s) => s.kind === 'natural_person'), rng)
  const cast = Object.fromEntries([...firmParts.map(([p]) => [p, []]), ['defaulterPersons', []]]) as unknown as DemoCast
  let next = 0
  for (const [part, n] of firmParts) for (let i = 0; i < n && next < firms.length; i++) cast[part].push(firms[next++]!)
  cast.abnormal.push(...shops.slice(0, 2))
  cast.defaulterPersons.push(...people.slice(0, 2))
  cast.honoured.push(...people.slice(2, 3))
  return cast
}

/** Every featured subject's index (they get no random penalties). */
export const castIndexes = (cast: DemoCast): Set<number> => new Set(Object.values(cast).flatMap((ss: DemoSubject[]) => ss.map((s) => s.index)))
