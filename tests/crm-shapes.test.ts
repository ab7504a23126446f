// The adapters' input types and the fields they read, checked at compile time against the official
// clients' TypeScript types (jsforce's standard schema, @hubspot/api-client's models): dev dependencies
// for their types only. `npm run typecheck` fails when a field name or shape drifts from them.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CollectionResponseMultiAssociatedObjectWithLabelForwardPaging } from "@hubspot/api-client/lib/codegen/crm/associations/v4/index.js";
import type { SimplePublicObjectWithAssociations } from "@hubspot/api-client/lib/codegen/crm/deals/index.js";
import type { QueryResult, Record as SfRecord } from "jsforce";
import { describe, expect, it } from "vitest";
import type { HubSpotRecords, SalesforceRecords } from "../src/crm/index.js";
import {
  ACCOUNT_READ,
  CONTACT_READ,
  EVENT_READ,
  OPPORTUNITY_READ,
  ROLE_READ,
  TASK_READ,
} from "../src/crm/salesforce.js";

// Fields read that jsforce's generated standard schema does not list, each for a reason:
// CurrencyIsoCode exists only in orgs with multiple currencies; Account is the SOQL relationship (its own
// fields are checked too); Type on Task and Event is the Activity Type picklist, CompletedDateTime and
// EventWhoRelations (Shared Activities) are standard but absent from the org jsforce generated from;
// EventRelations is a child relationship (checked as one).
const EXCEPTIONS = new Set(["CurrencyIsoCode", "Account", "Type", "CompletedDateTime", "EventWhoRelations"]);

// The schema's field lists are type aliases jsforce does not export (and an index signature hides them
// from keyof), so they are read from its declaration file.
const schema = readFileSync(
  fileURLToPath(import.meta.resolve("jsforce/lib/types/standard-schema.d.ts")),
  "utf8",
);
const block = (kind: string, name: string, optional = false) => {
  const m = schema.match(new RegExp(`^type ${kind}\\$${name} = \\{\\n([\\s\\S]*?)^\\};`, "m"));
  if (!m) {
    if (optional) return new Set<string>();
    throw new Error(`no ${kind}$${name} in jsforce's schema`);
  }
  return new Set([...(m[1] as string).matchAll(/^\s+(\w+)\??:/gm)].map((x) => x[1]));
};

describe("the Salesforce fields read are the standard objects' own (jsforce's StandardSchema)", () => {
  it.each([
    ["Opportunity", OPPORTUNITY_READ],
    ["Account", ACCOUNT_READ],
    ["OpportunityContactRole", ROLE_READ],
    ["Contact", CONTACT_READ],
    ["Event", EVENT_READ],
    ["Task", TASK_READ],
  ] as const)("%s", (name, read) => {
    const fields = block("Fields", name);
    const children = block("ChildRelationships", name, true);
    expect(fields.size).toBeGreaterThan(5);
    expect(read.filter((f) => !fields.has(f) && !children.has(f) && !EXCEPTIONS.has(f))).toEqual([]);
  });
  it("jsforce's records and query results are accepted as they come", () => {
    const record: SfRecord = { attributes: { type: "Opportunity", url: "/x" }, Id: "006A", Name: "Opp" };
    const query: QueryResult<SfRecord> = { totalSize: 0, done: true, records: [] };
    const records: SalesforceRecords = {
      opportunity: record,
      contactRoles: query,
      contacts: [record],
      events: query,
      tasks: [],
    };
    expect(records.opportunity.Id).toBe("006A");
  });
});

describe("@hubspot/api-client's objects are accepted as they come", () => {
  it("a deal, contacts and v4 associations with labels", () => {
    const object = (id: string) =>
      ({
        id,
        properties: { dealname: "D" },
        createdAt: new Date(),
        updatedAt: new Date(),
      }) as SimplePublicObjectWithAssociations;
    const associations = {
      results: [
        {
          toObjectId: "501",
          associationTypes: [{ category: "USER_DEFINED", typeId: 37, label: "Champion" }],
        },
      ],
    } as CollectionResponseMultiAssociatedObjectWithLabelForwardPaging;
    const records: HubSpotRecords = {
      deal: object("1"),
      company: object("2"),
      contacts: [object("501")],
      associations: { contacts: associations },
      engagements: { meetings: [object("3")], calls: [], emails: [], notes: [] },
    };
    expect(records.contacts).toHaveLength(1);
  });
});
