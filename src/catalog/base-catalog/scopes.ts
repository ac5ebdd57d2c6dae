/** Scopes several built-in items share: who records can be about, and who licenses and penalises. */
import { subjectKinds, type SubjectKind } from '../../subjects/subject-kind.ts'

/** Every kind of 信用主体: licences, penalties and lists can concern any of them. */
export const everySubjectKind: readonly SubjectKind[] = subjectKinds

/** The demo city's departments that make licensing and penalty decisions (双公示 providers). */
export const enforcementDepartments: readonly string[] = ['FGW', 'SCJG', 'SW', 'STHJ', 'RSJ', 'ZJJ', 'JTYS', 'YJGL', 'NYNC', 'CZJ', 'SFJ', 'GAJ', 'WJW', 'JYJ', 'ZRZY', 'MZJ', 'WGLJ', 'SLJ', 'GXJ', 'RMYH']
