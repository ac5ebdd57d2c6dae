/**
 * The built-in catalog (基础目录): the items and code tables a new city starts from. Everything
 * here is data; a deployment edits it through catalog versions, never by changing this code.
 */
import type { CatalogItemDefinition, CodeTable } from '../catalog.ts'
import { abnormalOperationsList } from './abnormal-operations-list.ts'
import { administrativeLicensing } from './administrative-licensing.ts'
import { administrativePenalty } from './administrative-penalty.ts'
import { codeTables as builtInCodeTables } from './code-tables.ts'
import { contractHonouring } from './contract-honouring.ts'
import { courtDefaulters } from './court-defaulters.ts'
import { creditCommitments } from './credit-commitments.ts'
import { environmentalCreditRating } from './environmental-credit-rating.ts'
import { honours } from './honours.ts'
import { majorTaxViolations } from './major-tax-violations.ts'
import { seriousDishonestyList } from './serious-dishonesty-list.ts'
import { spotCheckResults } from './spot-check-results.ts'
import { taxCreditGradeA } from './tax-credit-a.ts'
import { wageArrearsList } from './wage-arrears-list.ts'

export const baseCatalog: CatalogItemDefinition[] = [
  administrativeLicensing, // XZXK
  administrativePenalty, // XZCF
  seriousDishonestyList, // YZSXZT
  courtDefaulters, // SXBZXR
  abnormalOperationsList, // JYYCML
  majorTaxViolations, // ZDSSWF
  taxCreditGradeA, // NSXYAJ
  wageArrearsList, // TQNMGGZ
  environmentalCreditRating, // HBXYPJ
  contractHonouring, // SHTZXY
  creditCommitments, // XYCN
  honours, // BZRY
  spotCheckResults, // CCJCJG
]

export const codeTables: CodeTable[] = builtInCodeTables

export const findBaseItem = (code: string): CatalogItemDefinition | undefined =>
  baseCatalog.find((item) => item.code === code)

export const findCodeTable = (key: string): CodeTable | undefined => codeTables.find((t) => t.key === key)

export {
  abnormalOperationsList,
  administrativeLicensing,
  administrativePenalty,
  contractHonouring,
  courtDefaulters,
  creditCommitments,
  environmentalCreditRating,
  honours,
  majorTaxViolations,
  seriousDishonestyList,
  spotCheckResults,
  taxCreditGradeA,
  wageArrearsList,
}
