/**
 * What `qualify/crm` takes from the core. Built, this file's import is `qualify` itself (tsup.config.ts
 * marks it external), so the adapters add only themselves to a bundle that already has the core.
 */

export type { Deal, DealType, Issue, Organisation, Role, SafeParseResult, Stage } from "../index.js";
export {
  DealType as DealTypeSchema,
  didYouMean,
  formatPath,
  IsoDay,
  Organisation as OrganisationSchema,
  QualifyError,
  Role as RoleSchema,
  Stage as StageSchema,
  safeParseDeal,
} from "../index.js";
