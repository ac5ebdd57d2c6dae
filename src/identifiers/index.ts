/** Identifier validators: USCC, organisation code, resident ID, legacy registration number. */
export { identify, MAX_INPUT_LENGTH } from './identify.ts'
export type {
  CheckOutcome,
  ExpectedIdentifierKind,
  IdentifierKind,
  IdentifierMessage,
  IdentifierResult,
  IdentifyOptions,
} from './identifier-types.ts'
export {
  describeChar,
  identifierAppError,
  identifierKindNames,
  identifierMessages,
  type IdentifierErrorCode,
  type IdentifierWarningCode,
} from './identifier-errors.ts'
export { normalizeCode } from './normalize.ts'
export {
  findRegistrationAuthority,
  findUsccCategory,
  makeUscc,
  usccCharValue,
  usccCheckChar,
  usccSubjectKind,
  USCC_CHARSET,
  USCC_REGISTRATION_AUTHORITIES,
  USCC_WEIGHTS,
  type MakeUsccParts,
  type RegistrationAuthority,
  type UsccCategory,
} from './uscc.ts'
export { formatOrgCode, isInternalOrgCode, makeOrgCode, orgCodeCheckChar } from './org-code.ts'
export {
  makeResidentId,
  maskResidentId,
  residentIdCheckChar,
  upgradeResidentId15,
  RESIDENT_ID_WEIGHTS,
  type MakeResidentIdParts,
  type MaskOptions,
  type ResidentDocumentKind,
} from './resident-id.ts'
export {
  makeRegistrationNumber,
  registrationNumberCheckDigit,
  type RegisteredEntityType,
} from './registration-number.ts'
export {
  findDivision,
  listDivisions,
  NATIONAL_DIVISION,
  PROVINCE_CODES,
  type Division,
  type DivisionInfo,
  type DivisionLevel,
} from './divisions.ts'
