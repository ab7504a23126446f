/**
 * qualify/crm: Salesforce and HubSpot records in, deals out, with an honest confidence policy.
 * @packageDocumentation
 */

export {
  fromHubSpot,
  type HubSpotAssociation,
  type HubSpotObject,
  type HubSpotRecords,
  safeFromHubSpot,
} from "./hubspot.js";
export { HUBSPOT_MAPPING } from "./hubspot-mapping.js";
export {
  CallOutcome,
  CrmMapping,
  CrmMappingOverride,
  crmMappingJsonSchema,
  mappingKey,
  mergeMapping,
} from "./mapping.js";
export type { CrmOptions, CrmResult } from "./options.js";
export { fromSalesforce, type SalesforceRecords, safeFromSalesforce } from "./salesforce.js";
export { SALESFORCE_MAPPING } from "./salesforce-mapping.js";
