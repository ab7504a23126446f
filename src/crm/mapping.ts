import { z } from "zod";
import { DealTypeSchema, OrganisationSchema, RoleSchema, StageSchema } from "./core.js";

/** Whether a logged call reached the person: a call that did not is no conversation. */
export const CallOutcome = z
  .enum(["connected", "not-connected"])
  .describe("connected: the person was reached; not-connected: voicemail, no answer, busy, wrong number.");
/** Whether a logged call reached the person. */
export type CallOutcome = z.infer<typeof CallOutcome>;

/**
 * A CRM mapping: declarative tables from a CRM's values to the deal model. Keys match case-insensitively,
 * with `_`, `-` and runs of spaces read as one space and `&` as "and" (`BUDGET_HOLDER` = "Budget holder").
 */
export const CrmMapping = z
  .strictObject({
    stages: z
      .record(z.string(), StageSchema.nullable())
      .describe(
        "CRM stage (Salesforce StageName, HubSpot dealstage id) -> deal stage; null removes a default.",
      ),
    roles: z
      .record(z.string(), z.array(RoleSchema).nullable())
      .describe(
        "CRM role value or association label -> confirmed roles ([] for a known value that is no buying role); null removes a default.",
      ),
    organisations: z
      .record(z.string(), OrganisationSchema.nullable())
      .describe(
        "A role value, association label or account type that says whose side a contact is on -> buyer, partner (a reseller's rep) or advisor (a consultant); null removes a default. Such a value is no buying role.",
      ),
    trustContactRoles: z
      .boolean()
      .describe(
        "HubSpot: believe the contact-level hs_buying_role (default false: a property of the contact, not of the deal, stale across deals and often set in bulk). Deal-contact association labels are always read.",
      ),
    untrustedRoles: z
      .array(z.string())
      .describe(
        "Role values that are not evidence: a picklist default many teams never change. Such a value is left out, with a warning.",
      ),
    dealTypes: z
      .record(z.string(), DealTypeSchema.nullable())
      .describe("CRM deal type -> new-business, expansion or renewal; null removes a default."),
    callOutcomes: z
      .record(z.string(), CallOutcome.nullable())
      .describe(
        "A logged call's outcome (Salesforce CallDisposition text, HubSpot hs_call_disposition id) -> connected or not.",
      ),
    technicalDepartments: z
      .array(z.string())
      .describe("Departments whose people are technical (technical: true)."),
    businessDepartments: z
      .array(z.string())
      .describe(
        "Departments whose people are business people (technical: false). A department in neither list leaves technical unknown, with a warning.",
      ),
    contactDepartment: z
      .string()
      .nullable()
      .describe(
        "The contact field holding the department (Salesforce: Department; HubSpot has none by default).",
      ),
    custom: z
      .record(z.string(), z.string())
      .describe(
        "deal.custom key -> where its value is in the records: `opportunity.Budget_Status__c`, `deal.properties.budget_status`, `company.properties.tier`.",
      ),
    ignore: z
      .array(z.string())
      .describe(
        "Fields read by nothing and never worth a warning: system fields (CreatedDate, hs_lastmodifieddate...).",
      ),
  })
  .describe("A CRM mapping: the adapter's tables, all overridable.");
/** A CRM mapping: every table the adapter maps by. */
export type CrmMapping = {
  readonly stages: Readonly<Record<string, z.infer<typeof StageSchema> | null>>;
  readonly roles: Readonly<Record<string, readonly z.infer<typeof RoleSchema>[] | null>>;
  readonly organisations: Readonly<Record<string, z.infer<typeof OrganisationSchema> | null>>;
  readonly trustContactRoles: boolean;
  readonly untrustedRoles: readonly string[];
  readonly dealTypes: Readonly<Record<string, z.infer<typeof DealTypeSchema> | null>>;
  readonly callOutcomes: Readonly<Record<string, CallOutcome | null>>;
  readonly technicalDepartments: readonly string[];
  readonly businessDepartments: readonly string[];
  readonly contactDepartment: string | null;
  readonly custom: Readonly<Record<string, string>>;
  readonly ignore: readonly string[];
};

/** An override of a mapping: tables merge key by key over the defaults (null removes one); lists replace. */
export const CrmMappingOverride = CrmMapping.partial()
  .extend({ $schema: z.string().optional(), $comment: z.string().optional() })
  .describe(
    "An override of the default mapping: tables merge key by key (null removes a default); lists replace.",
  );
/** An override of a mapping. */
export type CrmMappingOverride = Partial<CrmMapping> & {
  readonly $schema?: string;
  readonly $comment?: string;
};

/** The key a CRM value is looked up by: case, `_`/`-`, spacing and `&` do not matter. */
export function mappingKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[\s_-]+/g, " ")
    .trim();
}

/** A table keyed by {@link mappingKey}; null entries (removed defaults) are dropped. */
export function keyed<T>(table: Readonly<Record<string, T | null>>): Map<string, T> {
  const out = new Map<string, T>();
  for (const [k, v] of Object.entries(table)) {
    const key = mappingKey(k);
    if (v === null) out.delete(key);
    else out.set(key, v);
  }
  return out;
}

/** The defaults with an override applied: tables merged key by key, lists replaced. */
export function mergeMapping(base: CrmMapping, override: CrmMappingOverride | undefined): CrmMapping {
  if (!override) return base;
  return {
    stages: { ...base.stages, ...override.stages },
    roles: { ...base.roles, ...override.roles },
    organisations: { ...base.organisations, ...override.organisations },
    trustContactRoles: override.trustContactRoles ?? base.trustContactRoles,
    untrustedRoles: override.untrustedRoles ?? base.untrustedRoles,
    dealTypes: { ...base.dealTypes, ...override.dealTypes },
    callOutcomes: { ...base.callOutcomes, ...override.callOutcomes },
    technicalDepartments: override.technicalDepartments ?? base.technicalDepartments,
    businessDepartments: override.businessDepartments ?? base.businessDepartments,
    contactDepartment:
      override.contactDepartment !== undefined ? override.contactDepartment : base.contactDepartment,
    custom: { ...base.custom, ...override.custom },
    ignore: override.ignore ?? base.ignore,
  };
}

/** JSON Schema (draft 2020-12) of a mapping file (`qualify import --mapping`). */
export function crmMappingJsonSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(CrmMappingOverride, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return {
    ...json,
    $id: "https://unpkg.com/qualify/schema/crm-mapping.schema.json",
    title: "qualify CRM mapping",
  };
}

/** Departments whose people are technical, in both default mappings. */
export const TECHNICAL_DEPARTMENTS: readonly string[] = [
  "IT",
  "Information Technology",
  "Engineering",
  "Software Engineering",
  "Development",
  "R&D",
  "Research and Development",
  "Security",
  "Information Security",
  "Infrastructure",
  "DevOps",
  "Data",
  "Data Engineering",
  "Architecture",
];

/**
 * Values that say a contact is not on the buyer's side, in both default mappings: a Salesforce
 * OpportunityContactRole or Account `Type`, a HubSpot association label or buying role written this way.
 */
export const ORGANISATIONS: Readonly<Record<string, "partner" | "advisor">> = {
  Partner: "partner",
  "Channel Partner": "partner",
  Reseller: "partner",
  Integrator: "partner",
  "System Integrator": "partner",
  Consultant: "advisor",
  Advisor: "advisor",
  Analyst: "advisor",
};

/** Departments whose people are business people, in both default mappings. */
export const BUSINESS_DEPARTMENTS: readonly string[] = [
  "Finance",
  "Accounting",
  "Sales",
  "Marketing",
  "Operations",
  "HR",
  "Human Resources",
  "People",
  "Legal",
  "Procurement",
  "Purchasing",
  "Executive",
  "Management",
  "Administration",
  "Customer Success",
  "Customer Service",
  "Support",
  "Logistics",
  "Supply Chain",
];
