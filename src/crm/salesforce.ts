import { describeValue } from "../validation/describe.js";
import { orThrow, runAdapter } from "./adapter.js";
import { type CloseChange, earlierCloseDates } from "./close-history.js";
import type { Deal, Organisation, Role, SafeParseResult } from "./core.js";
import { isCrmDefault, type RoleValue } from "./default-roles.js";
import type { Draft, DraftActivity, DraftPerson } from "./draft.js";
import type { CrmOptions, CrmResult } from "./options.js";
import {
  accountFrom,
  dayFrom,
  isRec,
  moneyFrom,
  type Notes,
  type Rec,
  recordsOf,
  text,
  type Unread,
} from "./read.js";
import { listAt, recordOf, requiredText } from "./records.js";
import { SALESFORCE_MAPPING } from "./salesforce-mapping.js";
import type { Tables } from "./tables.js";

/**
 * Salesforce records, as the REST API returns them (each record with its `attributes`; a list may also be
 * a SOQL query result `{ totalSize, done, records }`).
 */
export interface SalesforceRecords {
  /** The Opportunity, with `Account` as a relationship (`SELECT ..., Account.Name, Account.Industry, Account.NumberOfEmployees`). */
  readonly opportunity: Readonly<Record<string, unknown>>;
  /** Its OpportunityContactRole records (`ContactId`, `Role`, `IsPrimary`). */
  readonly contactRoles:
    | readonly Readonly<Record<string, unknown>>[]
    | { readonly records: readonly unknown[] };
  /** The Contact records of those roles (`Name`, `Title`, `Department`, `ReportsToId`). */
  readonly contacts: readonly Readonly<Record<string, unknown>>[] | { readonly records: readonly unknown[] };
  /** Event records (meetings, with `WhoId` and optionally `EventRelations` or `EventWhoRelations`). */
  readonly events?: readonly Readonly<Record<string, unknown>>[] | { readonly records: readonly unknown[] };
  /** OpportunityHistory records (`CloseDate`, `CreatedDate`): when the close date moved, each earlier date is a slip. */
  readonly history?: readonly Readonly<Record<string, unknown>>[] | { readonly records: readonly unknown[] };
  /** Task records (logged calls: `TaskSubtype` Call; emails; to-dos). */
  readonly tasks?: readonly Readonly<Record<string, unknown>>[] | { readonly records: readonly unknown[] };
}

/** The fields read from each kind of record (tests check them against jsforce's standard schema). */
export const OPPORTUNITY_READ = [
  "Id",
  "Name",
  "StageName",
  "Amount",
  "CurrencyIsoCode",
  "CloseDate",
  "Type",
  "Account",
  "IsClosed",
  "IsWon",
  "OpportunityContactRoles",
] as const;
export const ACCOUNT_READ = ["Name", "Industry", "NumberOfEmployees"] as const;
export const ROLE_READ = ["Id", "ContactId", "Role", "OpportunityId"] as const;
export const CONTACT_READ = [
  "Id",
  "Name",
  "FirstName",
  "LastName",
  "Title",
  "ReportsToId",
  "Email",
  "Account",
] as const;
export const HISTORY_READ = [
  "Id",
  "OpportunityId",
  "CloseDate",
  "CreatedDate",
  "StageName",
  "Amount",
] as const;
export const EVENT_READ = [
  "Id",
  "WhoId",
  "Subject",
  "Type",
  "ActivityDate",
  "ActivityDateTime",
  "StartDateTime",
  "EndDateTime",
  "EventRelations",
  "EventWhoRelations",
] as const;
export const TASK_READ = [
  "Id",
  "WhoId",
  "Subject",
  "Type",
  "TaskSubtype",
  "Status",
  "IsClosed",
  "ActivityDate",
  "CompletedDateTime",
  "CallDisposition",
] as const;

/**
 * A deal from Salesforce records, with every field left out and why (`warnings`). Only a held meeting
 * or a connected call makes a contact engaged; the forecast close date is not the decision date unless
 * `options.closeDate` says so. Never throws: records that are not what Salesforce returns give issues
 * with their paths.
 */
export function safeFromSalesforce(records: unknown, options?: CrmOptions): SafeParseResult<CrmResult> {
  return runAdapter(records, options, SALESFORCE_MAPPING, readSalesforce);
}

/** {@link safeFromSalesforce}, throwing a `QualifyError` with every problem when the records are not usable. */
export function fromSalesforce(records: SalesforceRecords | unknown, options?: CrmOptions): CrmResult {
  return orThrow(safeFromSalesforce(records, options), "Salesforce records");
}

function readSalesforce(root: Rec, tables: Tables, unread: Unread): Draft | undefined {
  const notes = tables.notes;
  if (root.deal !== undefined || (root.opportunity === undefined && root.company !== undefined)) {
    notes.error(
      "",
      "wrong-crm",
      "these look like HubSpot records (deal, company): read them with fromHubSpot (qualify import hubspot)",
    );
    return undefined;
  }
  const opp = root.opportunity;
  if (opp === undefined || opp === null) {
    notes.error(
      "opportunity",
      "missing",
      "missing: the Opportunity record (Id, Name, StageName, Amount, CloseDate, Account.Name...)",
    );
  }
  // The roles may also come as a subquery of the opportunity: (SELECT ContactId, Role FROM OpportunityContactRoles).
  const nested = isRec(opp) && root.contactRoles === undefined ? opp.OpportunityContactRoles : undefined;
  const roles =
    nested !== undefined && nested !== null
      ? listAt(
          { "opportunity.OpportunityContactRoles": nested },
          "opportunity.OpportunityContactRoles",
          "OpportunityContactRole",
          notes,
          {
            required: true,
            type: "OpportunityContactRole",
          },
        )
      : listAt(root, "contactRoles", "OpportunityContactRole", notes, {
          required: true,
          type: "OpportunityContactRole",
        });
  const contacts = listAt(root, "contacts", "Contact", notes, { required: true, type: "Contact" });
  const events = listAt(root, "events", "Event", notes, { required: false, type: "Event" });
  const tasks = listAt(root, "tasks", "Task", notes, { required: false, type: "Task" });
  const history = listAt(root, "history", "OpportunityHistory", notes, {
    required: false,
    type: "OpportunityHistory",
  });
  if (
    !(opp !== undefined && opp !== null && recordOf(opp, "opportunity", "Opportunity", notes, "Opportunity"))
  )
    return undefined;
  const id = requiredText(opp, "Id", "opportunity", notes);
  const name = requiredText(opp, "Name", "opportunity", notes);
  if (id === undefined || name === undefined || !roles || !contacts) return undefined;

  unread.record("opportunity", opp, [...OPPORTUNITY_READ, ...tables.customFields("opportunity")]);
  const deal: Draft["deal"] & Record<string, unknown> = { id, name };
  const stageName = text(opp.StageName);
  if (stageName !== undefined) {
    const closed = opp.IsClosed === true ? (opp.IsWon === true ? "closed-won" : "closed-lost") : undefined;
    const stage = tables.stage(
      stageName,
      "opportunity.StageName",
      closed ? ` (IsClosed and IsWon say ${closed}: taken from them)` : "",
    );
    if (stage ?? closed) deal.stage = stage ?? closed;
  }
  const type = text(opp.Type);
  if (type !== undefined) {
    const t = tables.dealType(type, "opportunity.Type");
    if (t) deal.type = t;
  }
  const amount = moneyFrom(opp.Amount, opp.CurrencyIsoCode, "opportunity.Amount", notes);
  if (amount) deal.amount = amount;
  const account = readAccount(opp.Account, unread, notes);
  if (account) deal.account = account;
  const custom = tables.custom(root);
  if (custom) deal.custom = custom;

  const rolesAt =
    nested !== undefined && nested !== null ? "opportunity.OpportunityContactRoles" : "contactRoles";
  const people = readContacts(contacts, roles, rolesAt, id, tables, unread);
  const known = new Set(people.map((p) => p.id));
  const activities: DraftActivity[] = [];
  events?.forEach((e, i) => {
    unread.record("events", e, EVENT_READ);
    if (otherOpportunity(e, id, `events[${i}]`, notes)) return;
    const a = readEvent(e, `events[${i}]`, known, notes);
    if (a) activities.push(a);
  });
  let todos = 0;
  tasks?.forEach((t, i) => {
    unread.record("tasks", t, TASK_READ);
    if (otherOpportunity(t, id, `tasks[${i}]`, notes)) return;
    const a = readTask(t, `tasks[${i}]`, tables);
    if (a === "to-do") todos++;
    else if (a) activities.push(a);
  });
  if (todos > 0)
    notes.warn(
      "tasks",
      "not-an-activity",
      `${todos} task(s) are to-dos, not contacts with the buyer: left out`,
    );
  const closeDay = dayFrom(opp.CloseDate, "opportunity.CloseDate", notes);
  const changes = closeChanges(history, id, unread, notes);
  return {
    deal: deal as Draft["deal"],
    closeDay,
    closeDatePath: "opportunity.CloseDate",
    closeHistory: earlierCloseDates(changes, closeDay, notes),
    people,
    activities,
    activitiesGiven: events !== undefined || tasks !== undefined,
  };
}

/** Salesforce ids compare on their first 15 characters (the 18-character form adds a checksum). */
const sameId = (a: string, b: string) => a.slice(0, 15) === b.slice(0, 15);

/**
 * Whether an Event or Task belongs to another opportunity (`WhatId` an Opportunity id, prefix 006, not
 * this one): another deal's activity is not this deal's evidence; left out with a warning.
 */
function otherOpportunity(record: Rec, opportunityId: string, path: string, notes: Notes): boolean {
  const what = text(record.WhatId);
  if (what === undefined || !what.startsWith("006") || sameId(what, opportunityId)) return false;
  notes.warn(
    `${path}.WhatId`,
    "other-opportunity",
    `belongs to opportunity ${JSON.stringify(what)}, not this one: another deal's activity is not this deal's evidence, left out`,
  );
  return true;
}

/** The close date's recorded values (OpportunityHistory), each with when it was set. */
function closeChanges(
  history: readonly Rec[] | undefined,
  opportunityId: string,
  unread: Unread,
  notes: Notes,
): CloseChange[] {
  return (history ?? []).flatMap((h, i) => {
    unread.record("history", h, HISTORY_READ);
    if (typeof h.OpportunityId === "string" && h.OpportunityId !== opportunityId) {
      notes.warn(
        `history[${i}].OpportunityId`,
        "other-opportunity",
        `belongs to opportunity ${JSON.stringify(h.OpportunityId)}, not this one: left out`,
      );
      return [];
    }
    return h.CloseDate === undefined || h.CloseDate === null
      ? []
      : [{ value: h.CloseDate, at: h.CreatedDate, path: `history[${i}].CloseDate` }];
  });
}

function readAccount(value: unknown, unread: Unread, notes: Notes): Deal["account"] {
  if (!isRec(value)) return undefined;
  unread.record("opportunity.Account", value, ACCOUNT_READ);
  return accountFrom(
    value.Name,
    value.Industry,
    value.NumberOfEmployees,
    "opportunity.Account.NumberOfEmployees",
    notes,
  );
}

/** The contact roles: each contact's confirmed roles, and the organisation a role value names. */
function readRoles(
  roles: readonly Rec[],
  rolesAt: string,
  opportunityId: string,
  ids: ReadonlySet<string>,
  tables: Tables,
  unread: Unread,
): { rolesOf: Map<string, Role[]>; organisationOf: Map<string, Organisation> } {
  const notes = tables.notes;
  const rolesOf = new Map<string, Role[]>();
  const organisationOf = new Map<string, Organisation>();
  const values: (RoleValue & { contactId: string })[] = [];
  roles.forEach((r, i) => {
    const path = `${rolesAt}[${i}]`;
    unread.record("contactRoles", r, ROLE_READ);
    // One bad row does not reject the record set: a role without a contact is left out, said.
    const contactId = text(r.ContactId);
    if (contactId === undefined) {
      notes.warn(
        `${path}.ContactId`,
        "no-contact-record",
        `no ContactId (${describeValue(r.ContactId)}): this role is left out`,
      );
      return;
    }
    if (typeof r.OpportunityId === "string" && r.OpportunityId !== opportunityId) {
      notes.warn(
        `${path}.OpportunityId`,
        "other-opportunity",
        `belongs to opportunity ${JSON.stringify(r.OpportunityId)}, not this one: left out`,
      );
      return;
    }
    if (!ids.has(contactId)) {
      notes.warn(
        `${path}.ContactId`,
        "no-contact-record",
        `no Contact record for ${JSON.stringify(contactId)} in contacts: role left out`,
      );
      return;
    }
    const role = text(r.Role);
    if (role === undefined) return;
    const organisation = tables.organisation(role);
    if (organisation !== undefined) organisationOf.set(contactId, organisation);
    else values.push({ value: role, path: `${path}.Role`, contactId });
  });
  if (isCrmDefault(values, rolesAt, notes)) return { rolesOf, organisationOf };
  for (const { value, path, contactId } of values) {
    const list = rolesOf.get(contactId) ?? [];
    list.push(...tables.roles(value, path));
    rolesOf.set(contactId, list);
  }
  return { rolesOf, organisationOf };
}

function readContacts(
  contacts: readonly Rec[],
  roles: readonly Rec[],
  rolesAt: string,
  opportunityId: string,
  tables: Tables,
  unread: Unread,
): DraftPerson[] {
  const notes = tables.notes;
  const ids = new Set(contacts.map((c) => c.Id).filter((x): x is string => typeof x === "string"));
  const { rolesOf, organisationOf } = readRoles(roles, rolesAt, opportunityId, ids, tables, unread);
  const people: DraftPerson[] = [];
  const seen = new Set<string>();
  contacts.forEach((c, i) => {
    const path = `contacts[${i}]`;
    const id = requiredText(c, "Id", path, notes);
    if (id === undefined) return;
    if (seen.has(id)) {
      notes.warn(
        `${path}.Id`,
        "duplicate-record",
        `a second record for contact ${JSON.stringify(id)}: left out`,
      );
      return;
    }
    seen.add(id);
    const departmentField = tables.mapping.contactDepartment;
    unread.record("contacts", c, [...CONTACT_READ, ...(departmentField ? [departmentField] : [])]);
    const joined = [text(c.FirstName), text(c.LastName)].filter(Boolean).join(" ");
    let name = text(c.Name) ?? (joined || text(c.Email));
    if (name === undefined) {
      name = `Contact ${id}`;
      notes.warn(path, "no-name", `no Name, FirstName, LastName or Email: called "${name}"`);
    }
    people.push({
      id,
      name,
      title: text(c.Title),
      department: departmentField ? text(c[departmentField]) : undefined,
      roles: rolesOf.get(id) ?? [],
      organisation:
        organisationOf.get(id) ?? tables.organisation(text(isRec(c.Account) ? c.Account.Type : undefined)),
      reportsTo: text(c.ReportsToId),
      path,
    });
  });
  return people;
}

/** An Event: a meeting (or a call or email by its Type) with its Who and its relations. */
function readEvent(
  e: Rec,
  path: string,
  known: ReadonlySet<string>,
  notes: Notes,
): DraftActivity | undefined {
  const day =
    dayFrom(e.StartDateTime ?? e.ActivityDateTime, `${path}.StartDateTime`, notes) ??
    dayFrom(e.ActivityDate, `${path}.ActivityDate`, notes);
  if (day === undefined) {
    notes.warn(path, "no-date", "an event without a date: left out");
    return undefined;
  }
  const participants = new Set<string>();
  const who = text(e.WhoId);
  if (who) participants.add(who);
  // Invitees: EventRelations / EventWhoRelations subqueries. Users and the account are not contacts; only
  // the deal's own contacts are kept from them.
  for (const key of ["EventRelations", "EventWhoRelations"]) {
    for (const r of recordsOf(e[key]) ?? []) {
      const id = isRec(r) ? text(r.RelationId) : undefined;
      if (id && known.has(id)) participants.add(id);
    }
  }
  const type = (text(e.Type) ?? "").toLowerCase();
  const kind = type === "call" ? "call" : type === "email" ? "email" : "meeting";
  return {
    day,
    kind,
    conversation: kind !== "email",
    participantIds: [...participants],
    summary: text(e.Subject),
    path,
  };
}

/** A Task: a logged call (a conversation when completed and connected), an email, or a to-do. */
function readTask(t: Rec, path: string, tables: Tables): DraftActivity | "to-do" | undefined {
  const notes = tables.notes;
  const subtype = (text(t.TaskSubtype) ?? text(t.Type) ?? "").toLowerCase();
  const type = (text(t.Type) ?? "").toLowerCase();
  const completed = t.IsClosed === true || (text(t.Status) ?? "").toLowerCase() === "completed";
  const kind =
    subtype === "call" || type === "call"
      ? "call"
      : subtype === "email" || subtype === "listemail"
        ? "email"
        : type === "meeting"
          ? "meeting"
          : undefined;
  if (kind === undefined) return "to-do";
  const day =
    dayFrom(t.ActivityDate, `${path}.ActivityDate`, notes) ??
    dayFrom(t.CompletedDateTime, `${path}.CompletedDateTime`, notes);
  if (day === undefined) {
    notes.warn(path, "no-date", `a ${kind} without a date: left out`);
    return undefined;
  }
  const who = text(t.WhoId);
  const conversation =
    kind !== "email" &&
    completed &&
    (kind !== "call" || tables.callConnected(text(t.CallDisposition), `${path}.CallDisposition`));
  return { day, kind, conversation, participantIds: who ? [who] : [], summary: text(t.Subject), path };
}
