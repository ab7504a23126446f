import { describeValue } from "../validation/describe.js";
import { orThrow, runAdapter } from "./adapter.js";
import { earlierCloseDates } from "./close-history.js";
import type { Deal, Role, SafeParseResult } from "./core.js";
import { isCrmDefault, type RoleValue } from "./default-roles.js";
import type { Draft, DraftActivity, DraftPerson } from "./draft.js";
import { HUBSPOT_MAPPING } from "./hubspot-mapping.js";
import type { CrmOptions, CrmResult } from "./options.js";
import {
  accountFrom,
  dayFrom,
  isRec,
  moneyFrom,
  type Notes,
  type Rec,
  recordsOf,
  show,
  text,
  type Unread,
} from "./read.js";
import { listAt, recordOf } from "./records.js";
import type { Tables } from "./tables.js";

/** A HubSpot CRM v3 object: `id`, `properties` (values as strings), timestamps, and associations when asked for. */
export interface HubSpotObject {
  readonly id: string;
  readonly properties: Readonly<Record<string, string | null>>;
  readonly createdAt?: string | Date;
  readonly updatedAt?: string | Date;
  readonly archived?: boolean;
  readonly associations?: Readonly<
    Record<string, { readonly results: readonly { readonly id: string; readonly type: string }[] }>
  >;
}

/** One v4 association result: the associated object and the association's types, with their labels. */
export interface HubSpotAssociation {
  readonly toObjectId: number | string;
  readonly associationTypes: readonly {
    readonly category: string;
    readonly typeId: number;
    readonly label?: string | null | undefined;
  }[];
}

/** HubSpot records, as the CRM API returns them. */
export interface HubSpotRecords {
  /** The deal (`dealname`, `amount`, `deal_currency_code`, `dealstage`, `pipeline`, `closedate`, `dealtype`). */
  readonly deal: HubSpotObject;
  /** The deal's company (`name`, `industry`, `numberofemployees`). */
  readonly company?: HubSpotObject;
  /** The deal's contacts (`firstname`, `lastname`, `jobtitle`, `hs_buying_role`). */
  readonly contacts: readonly HubSpotObject[];
  /** The deal's v4 associations, by object type: `{ contacts: { results: [...] } }` (labels are roles). */
  readonly associations?: Readonly<
    Record<string, { readonly results: readonly HubSpotAssociation[] } | readonly HubSpotAssociation[]>
  >;
  /** Engagements with their contact associations. */
  readonly engagements?: {
    readonly meetings?: readonly HubSpotObject[];
    readonly calls?: readonly HubSpotObject[];
    readonly emails?: readonly HubSpotObject[];
    readonly notes?: readonly HubSpotObject[];
  };
}

const DEAL_READ = [
  "dealname",
  "amount",
  "deal_currency_code",
  "dealstage",
  "pipeline",
  "closedate",
  "dealtype",
];
const COMPANY_READ = ["name", "industry", "numberofemployees"];
const CONTACT_READ = ["firstname", "lastname", "jobtitle", "hs_buying_role"];
const OBJECT_KEYS = [
  "id",
  "properties",
  "createdAt",
  "updatedAt",
  "archived",
  "associations",
  "propertiesWithHistory",
  "archivedAt",
  "url",
];
const MEETING_READ = [
  "hs_timestamp",
  "hs_meeting_title",
  "hs_meeting_outcome",
  "hs_meeting_start_time",
  "hs_meeting_end_time",
];
const CALL_READ = ["hs_timestamp", "hs_call_title", "hs_call_status", "hs_call_disposition"];
const EMAIL_READ = ["hs_timestamp", "hs_email_direction", "hs_email_subject"];

/**
 * A deal from HubSpot records, with every field left out and why (`warnings`). Only a completed meeting
 * or a connected call makes a contact engaged; `closedate` is not the decision date unless
 * `options.closeDate` says so. Never throws: records that are not what HubSpot returns give issues with
 * their paths.
 */
export function safeFromHubSpot(records: unknown, options?: CrmOptions): SafeParseResult<CrmResult> {
  return runAdapter(records, options, HUBSPOT_MAPPING, readHubSpot);
}

/** {@link safeFromHubSpot}, throwing a `QualifyError` with every problem when the records are not usable. */
export function fromHubSpot(records: HubSpotRecords | unknown, options?: CrmOptions): CrmResult {
  return orThrow(safeFromHubSpot(records, options), "HubSpot records");
}

function readHubSpot(root: Rec, tables: Tables, unread: Unread): Draft | undefined {
  const notes = tables.notes;
  if (
    root.opportunity !== undefined ||
    root.contactRoles !== undefined ||
    (isRec(root.deal) && root.deal.attributes !== undefined)
  ) {
    notes.error(
      "",
      "wrong-crm",
      "these look like Salesforce records (opportunity, contactRoles): read them with fromSalesforce (qualify import salesforce)",
    );
    return undefined;
  }
  const deal = objectAt(root.deal, "deal", "deal", notes, true);
  const company = objectAt(root.company, "company", "company", notes, false);
  const contactList = listAt(root, "contacts", "contact", notes, { required: true });
  const contacts = contactList?.filter(
    (c, i) => objectAt(c, `contacts[${i}]`, "contact", notes, true) !== undefined,
  );
  const labels = readLabels(root.associations, notes);
  const engagements = readEngagementLists(root.engagements, notes);
  if (!deal || !contacts) return undefined;
  const props = deal.properties as Rec;
  const name = text(props.dealname);
  if (name === undefined) {
    notes.error(
      "deal.properties.dealname",
      "missing",
      "missing: the deal's name (ask for properties=dealname,amount,dealstage,...)",
    );
    return undefined;
  }
  unread.record("deal", deal, OBJECT_KEYS);
  unread.record("deal.properties", props, [...DEAL_READ, ...tables.customFields("deal.properties")]);
  const out: Draft["deal"] & Record<string, unknown> = { id: String(deal.id), name };
  const stageId = text(props.dealstage);
  if (stageId !== undefined) {
    const pipeline = text(props.pipeline);
    const stage = tables.stage(
      stageId,
      "deal.properties.dealstage",
      pipeline && pipeline !== "default" ? ` (pipeline ${show(pipeline)}: map its stage ids)` : "",
    );
    if (stage) out.stage = stage;
  }
  const type = text(props.dealtype);
  if (type !== undefined) {
    const t = tables.dealType(type, "deal.properties.dealtype");
    if (t) out.type = t;
  }
  const amount = moneyFrom(props.amount, props.deal_currency_code, "deal.properties.amount", notes);
  if (amount) out.amount = amount;
  if (company) {
    const account = readCompany(company, tables, unread);
    if (account) out.account = account;
  }
  const custom = tables.custom(root);
  if (custom) out.custom = custom;
  const people = readContacts(contacts, labels, tables, unread);
  const activities = engagements ? readEngagements(engagements, tables, unread) : [];
  const closeDay = dayFrom(props.closedate, "deal.properties.closedate", notes);
  const history = isRec(deal.propertiesWithHistory) ? deal.propertiesWithHistory.closedate : undefined;
  const changes = Array.isArray(history)
    ? history.flatMap((h, i) =>
        isRec(h)
          ? [{ value: h.value, at: h.timestamp, path: `deal.propertiesWithHistory.closedate[${i}].value` }]
          : [],
      )
    : [];
  return {
    deal: out as Draft["deal"],
    closeDay,
    closeDatePath: "deal.properties.closedate",
    closeHistory: earlierCloseDates(changes, closeDay, notes),
    people,
    activities,
    activitiesGiven: engagements !== undefined,
  };
}

/** A v3 object: an `id` and a `properties` object; errors name what is missing. */
function objectAt(
  value: unknown,
  path: string,
  what: string,
  notes: Notes,
  required: boolean,
): Rec | undefined {
  if (value === undefined || value === null) {
    if (required) notes.error(path, "missing", `missing: the ${what} object ({ id, properties })`);
    return undefined;
  }
  if (!recordOf(value, path, what, notes)) return undefined;
  let ok = true;
  if (
    !(typeof value.id === "string" && value.id !== "") &&
    !(typeof value.id === "number" && Number.isFinite(value.id))
  ) {
    notes.error(
      `${path}.id`,
      "missing",
      value.id === undefined ? "missing" : `expected the object's id; got ${describeValue(value.id)}`,
    );
    ok = false;
  }
  if (!isRec(value.properties)) {
    notes.error(
      `${path}.properties`,
      "missing",
      value.properties === undefined
        ? "missing: a CRM v3 object carries its fields in properties"
        : `expected an object; got ${describeValue(value.properties)}`,
    );
    ok = false;
  }
  return ok ? value : undefined;
}

function readCompany(company: Rec, tables: Tables, unread: Unread): Deal["account"] {
  const p = company.properties as Rec;
  unread.record("company", company, OBJECT_KEYS);
  unread.record("company.properties", p, [...COMPANY_READ, ...tables.customFields("company.properties")]);
  return accountFrom(
    p.name,
    p.industry,
    p.numberofemployees,
    "company.properties.numberofemployees",
    tables.notes,
  );
}

/** Association labels per contact id, from the deal's v4 contact associations. */
function readLabels(value: unknown, notes: Notes): Map<string, { label: string; path: string }[]> {
  const out = new Map<string, { label: string; path: string }[]>();
  if (value === undefined || value === null) return out;
  if (!isRec(value)) {
    notes.error(
      "associations",
      "not-a-record",
      `expected the deal's associations by object type ({ contacts: { results } }); got ${describeValue(value)}`,
    );
    return out;
  }
  if (value.contacts === undefined) return out;
  const results = recordsOf(value.contacts);
  if (!results) {
    notes.error(
      "associations.contacts",
      "not-a-list",
      `expected v4 association results; got ${describeValue(value.contacts)}`,
    );
    return out;
  }
  // A batch read (POST /crm/v4/associations/deals/contacts/batch/read) nests them: { from, to: [...] }.
  const flat = results.flatMap((r, i) =>
    isRec(r) && Array.isArray(r.to)
      ? r.to.map((t, j) => ({ r: t, at: `[${i}].to[${j}]` }))
      : [{ r, at: `[${i}]` }],
  );
  flat.forEach(({ r, at }) => {
    const path = `associations.contacts${Array.isArray(value.contacts) ? "" : ".results"}${at}`;
    if (!isRec(r) || (typeof r.toObjectId !== "number" && typeof r.toObjectId !== "string")) {
      notes.error(
        path,
        "not-an-association",
        "expected a v4 association result { toObjectId, associationTypes }",
      );
      return;
    }
    const types = Array.isArray(r.associationTypes) ? r.associationTypes : [];
    types.forEach((t, j) => {
      const label = isRec(t) ? text(t.label) : undefined;
      if (label === undefined) return;
      const id = String(r.toObjectId);
      out.set(id, [...(out.get(id) ?? []), { label, path: `${path}.associationTypes[${j}].label` }]);
    });
  });
  return out;
}

function readContacts(
  contacts: readonly Rec[],
  labels: Map<string, { label: string; path: string }[]>,
  tables: Tables,
  unread: Unread,
): DraftPerson[] {
  const notes = tables.notes;
  const people: DraftPerson[] = [];
  const seen = new Set<string>();
  const departmentField = tables.mapping.contactDepartment;
  const archived: string[] = [];
  const archivedIds = new Set<string>();
  // Role values, with the roles list of the person they belong to: believed or not once all are read.
  const contactValues: (RoleValue & { roles: Role[] })[] = [];
  const labelValues: (RoleValue & { roles: Role[] })[] = [];
  contacts.forEach((c, i) => {
    const path = `contacts[${i}]`;
    const id = String(c.id);
    // An archived (deleted) contact is not evidence of anything: not engaged, not a decider, not a champion.
    if (c.archived === true) {
      archived.push(`${recordName(c) ?? "a contact"} (${id})`);
      archivedIds.add(id);
      return;
    }
    if (seen.has(id)) {
      notes.warn(
        `${path}.id`,
        "duplicate-record",
        `a second record for contact ${JSON.stringify(id)}: left out`,
      );
      return;
    }
    seen.add(id);
    const p = c.properties as Rec;
    unread.record("contacts", c, OBJECT_KEYS);
    unread.record("contacts.properties", p, [...CONTACT_READ, ...(departmentField ? [departmentField] : [])]);
    const roles: Role[] = [];
    // hs_buying_role is a multiple checkbox: its values come joined by ";".
    const own = (text(p.hs_buying_role) ?? "")
      .split(";")
      .map((v) => v.trim())
      .filter(Boolean)
      .map((value) => ({ value, path: `${path}.properties.hs_buying_role` }));
    const labelled = (labels.get(id) ?? []).map(({ label, path: at }) => ({ value: label, path: at }));
    const organisation = [...own, ...labelled]
      .map((v) => tables.organisation(v.value))
      .find((o) => o !== undefined);
    const isRole = (v: RoleValue) => tables.organisation(v.value) === undefined;
    contactValues.push(...own.filter(isRole).map((v) => ({ ...v, roles })));
    labelValues.push(...labelled.filter(isRole).map((v) => ({ ...v, roles })));
    let name = [text(p.firstname), text(p.lastname)].filter(Boolean).join(" ") || text(p.email);
    if (name === undefined) {
      name = `Contact ${id}`;
      notes.warn(path, "no-name", `no firstname, lastname or email: called "${name}"`);
    }
    people.push({
      id,
      name,
      title: text(p.jobtitle),
      department: departmentField ? text(p[departmentField]) : undefined,
      roles,
      organisation,
      path,
    });
  });
  believeRoles(contactValues, labelValues, tables);
  if (archived.length > 0)
    notes.warn(
      "contacts",
      "archived-record",
      `${archived.length} archived contact(s) left out: ${archived.join(", ")}`,
    );
  const ids = new Set(people.map((p) => p.id));
  for (const [id, list] of labels)
    if (!ids.has(id) && !archivedIds.has(id))
      notes.warn(
        list[0]?.path.replace(/\.associationTypes.*$/, "") ?? "associations",
        "no-contact-record",
        `no contact record for ${JSON.stringify(id)}: its labels are left out`,
      );
  return people;
}

type Lists = { meetings: Rec[]; calls: Rec[]; emails: Rec[]; notes: Rec[] };

function readEngagementLists(value: unknown, notes: Notes): Lists | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRec(value)) {
    notes.error(
      "engagements",
      "not-a-record",
      `expected { meetings, calls, emails, notes }; got ${describeValue(value)}`,
    );
    return undefined;
  }
  const lists: Lists = { meetings: [], calls: [], emails: [], notes: [] };
  for (const key of ["meetings", "calls", "emails", "notes"] as const) {
    const list = listAt(value, key, key.slice(0, -1), notes, { required: false });
    list?.forEach((o, i) => {
      if (objectAt(o, `engagements.${key}[${i}]`, key.slice(0, -1), notes, true)) lists[key].push(o);
    });
  }
  for (const key of Object.keys(value))
    if (!["meetings", "calls", "emails", "notes"].includes(key))
      notes.warn(
        `engagements.${key}`,
        "unmapped-field",
        `not read: only meetings, calls, emails and notes are`,
      );
  return lists;
}

/**
 * Turns role values into roles, except what is not evidence: the contact-level `hs_buying_role` unless
 * the mapping trusts it (a property of the contact, not of this deal: stale, often set in bulk), and a set
 * of values that are all the same (a default).
 */
function believeRoles(
  contactValues: readonly (RoleValue & { roles: Role[] })[],
  labelValues: readonly (RoleValue & { roles: Role[] })[],
  tables: Tables,
): void {
  const notes = tables.notes;
  const believe = (values: readonly (RoleValue & { roles: Role[] })[]) => {
    for (const v of values) v.roles.push(...tables.roles(v.value, v.path));
  };
  if (contactValues.length > 0 && !tables.mapping.trustContactRoles) {
    const people = new Set(contactValues.map((v) => v.roles)).size;
    notes.warn(
      "contacts",
      "untrusted-role",
      `hs_buying_role is a property of the contact, not of this deal (stale across deals, often set in bulk): its ${contactValues.length} value(s) on ${people} contact(s) are not taken as roles. Label the deal's contact associations instead, or set mapping.trustContactRoles: true to believe them`,
    );
  } else if (!isCrmDefault(contactValues, "contacts", notes)) believe(contactValues);
  if (!isCrmDefault(labelValues, "associations.contacts", notes)) believe(labelValues);
}

/** A contact's name as the CRM holds it (first and last name, or email), when it has one. */
function recordName(c: Rec): string | undefined {
  const p = isRec(c.properties) ? c.properties : {};
  return [text(p.firstname), text(p.lastname)].filter(Boolean).join(" ") || text(p.email);
}

/** The contact ids an engagement is associated with (`associations.contacts.results[].id`). */
function contactIds(o: Rec): string[] {
  const a = isRec(o.associations) ? recordsOf(o.associations.contacts) : undefined;
  return (a ?? []).flatMap((r) =>
    isRec(r) && (typeof r.id === "string" || typeof r.id === "number")
      ? [String(r.id)]
      : isRec(r) && r.toObjectId !== undefined
        ? [String(r.toObjectId)]
        : [],
  );
}

function readEngagements(lists: Lists, tables: Tables, unread: Unread): DraftActivity[] {
  const notes = tables.notes;
  const out: DraftActivity[] = [];
  const archived = new Map<string, number>();
  const base = (o: Rec, path: string, dateKeys: readonly string[]) => {
    const p = o.properties as Rec;
    if (o.archived === true) {
      const list = path.replace(/\[\d+\]$/, "");
      archived.set(list, (archived.get(list) ?? 0) + 1);
      return { p, day: undefined, archived: true };
    }
    let day: string | undefined;
    for (const k of dateKeys) day ??= dayFrom(p[k], `${path}.properties.${k}`, notes);
    if (day === undefined) notes.warn(path, "no-date", "no date (hs_timestamp): left out");
    return { p, day, archived: false };
  };
  lists.meetings.forEach((o, i) => {
    const path = `engagements.meetings[${i}]`;
    const { p, day, archived: gone } = base(o, path, ["hs_meeting_start_time", "hs_timestamp"]);
    if (gone) return;
    unread.record("engagements.meetings.properties", p, MEETING_READ);
    if (day === undefined) return;
    // Only a meeting marked COMPLETED was held; SCHEDULED (the default), NO_SHOW, CANCELED, RESCHEDULED were not.
    const held = (text(p.hs_meeting_outcome) ?? "").toUpperCase() === "COMPLETED";
    out.push({
      day,
      kind: "meeting",
      conversation: held,
      participantIds: contactIds(o),
      summary: text(p.hs_meeting_title),
      path,
    });
  });
  lists.calls.forEach((o, i) => {
    const path = `engagements.calls[${i}]`;
    const { p, day, archived: gone } = base(o, path, ["hs_timestamp"]);
    if (gone) return;
    unread.record("engagements.calls.properties", p, CALL_READ);
    if (day === undefined) return;
    const status = (text(p.hs_call_status) ?? "COMPLETED").toUpperCase();
    const connected =
      status === "COMPLETED" &&
      tables.callConnected(text(p.hs_call_disposition), `${path}.properties.hs_call_disposition`);
    out.push({
      day,
      kind: "call",
      conversation: connected,
      participantIds: contactIds(o),
      summary: text(p.hs_call_title),
      path,
    });
  });
  lists.emails.forEach((o, i) => {
    const path = `engagements.emails[${i}]`;
    const { p, day, archived: gone } = base(o, path, ["hs_timestamp"]);
    if (gone) return;
    unread.record("engagements.emails.properties", p, EMAIL_READ);
    if (day === undefined) return;
    const inbound = (text(p.hs_email_direction) ?? "").toUpperCase() === "INCOMING_EMAIL";
    out.push({
      day,
      kind: "email",
      conversation: false,
      inbound,
      participantIds: contactIds(o),
      summary: text(p.hs_email_subject),
      path,
    });
  });
  for (const [list, n] of archived)
    notes.warn(
      list,
      "archived-record",
      `${n} archived engagement(s) left out: an archived record is not evidence`,
    );
  if (lists.notes.length > 0)
    notes.warn(
      "engagements.notes",
      "note-not-conversation",
      `${lists.notes.length} note(s) left out: a note is not a conversation`,
    );
  return out;
}
