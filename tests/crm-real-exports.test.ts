import { describe, expect, it } from "vitest";
import { fromHubSpot, fromSalesforce, safeFromSalesforce } from "../src/crm/index.js";
import { readNumber } from "../src/crm/numbers.js";
import { createQualifier } from "../src/index.js";
import { salesforceBuilders } from "./support/salesforce-records.js";

// What real exports contain (#25): paged query responses, archived records, another opportunity's
// activity, CRM defaults, numbers as people write them, localised values, one bad row.
const AS_OF = "2026-11-27";
const { sfAttr, opp, contact, role } = salesforceBuilders("006A00000000001");
const event = (who: string, day: string, extra: Record<string, unknown> = {}) => ({
  attributes: sfAttr("Event", `00U${who}`),
  WhoId: who,
  Type: "Meeting",
  StartDateTime: `${day}T10:00:00.000+0000`,
  ...extra,
});
const sf = (parts: Record<string, unknown> = {}) => ({
  opportunity: opp(),
  contactRoles: [],
  contacts: [],
  ...parts,
});
const hsObject = (id: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id,
  properties,
  archived: false,
  ...extra,
});
const hsContact = (id: string, props: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  hsObject(id, { firstname: "Person", lastname: id, ...props }, extra);
const hsMeeting = (id: string, contacts: string[], extra: Record<string, unknown> = {}) =>
  hsObject(
    id,
    { hs_meeting_start_time: "2026-11-20T10:00:00Z", hs_meeting_outcome: "COMPLETED" },
    { associations: { contacts: { results: contacts.map((c) => ({ id: c })) } }, ...extra },
  );
const label = (contactId: string, value: string) => ({
  toObjectId: Number(contactId),
  associationTypes: [{ category: "USER_DEFINED", typeId: 40, label: value }],
});
const hs = (parts: Record<string, unknown> = {}, dealProps: Record<string, unknown> = {}) => ({
  deal: hsObject("1", { dealname: "Deal", ...dealProps }),
  contacts: [],
  ...parts,
});
const person = (deal: { stakeholders?: readonly { id: string }[] | undefined }, id: string) =>
  deal.stakeholders?.find((s) => s.id === id) as Record<string, unknown> | undefined;
const warning = (warnings: readonly { code: string; path: string; message: string }[], code: string) =>
  warnings.find((w) => w.code === code);

describe("paging: a list the CRM says is longer is never silently cut short", () => {
  const page = (records: unknown[], extra: Record<string, unknown>) => ({ totalSize: 5, records, ...extra });
  it("Salesforce: a list of page responses is read in order, every record", () => {
    const r = fromSalesforce(
      sf({
        contacts: [
          page([contact("003A"), contact("003B")], { done: false, nextRecordsUrl: "/query/01gA-2000" }),
          page([contact("003C")], { done: true }),
        ],
      }),
      { asOf: AS_OF },
    );
    expect(r.deal.stakeholders?.map((s) => s.id)).toEqual(["003A", "003B", "003C"]);
    expect(warning(r.warnings, "incomplete-list")).toBeUndefined();
  });
  it.each([
    [
      "one page that says done: false",
      page([contact("003A")], { done: false, nextRecordsUrl: "/query/01gA-2000" }),
      "contacts",
      "4 of 5",
    ],
    [
      "the last of several pages names a next one",
      [
        page([contact("003A")], { done: false, nextRecordsUrl: "/q-2" }),
        page([contact("003B")], { done: false, nextRecordsUrl: "/q-3" }),
      ],
      "contacts[1]",
      "3 of 5",
    ],
  ])(
    "Salesforce: %s: a warning with its path and the missing count; --strict fails",
    (_, contacts, path, missing) => {
      const r = fromSalesforce(sf({ contacts }), { asOf: AS_OF });
      const w = warning(r.warnings, "incomplete-list");
      expect(w?.path).toBe(path);
      expect(w?.message).toContain(`${missing} records are missing`);
      const strict = safeFromSalesforce(sf({ contacts }), { asOf: AS_OF, strict: true });
      expect(strict.success).toBe(false);
      if (!strict.success) expect(strict.issues[0]).toMatchObject({ path, code: "incomplete-list" });
    },
  );
  it("HubSpot: paging.next on the contacts (or any list) is said, with the cursor", () => {
    const r = fromHubSpot(
      hs({
        contacts: {
          results: [hsContact("501")],
          paging: { next: { after: "501", link: "https://api.hubapi.com/..." } },
        },
      }),
      { asOf: AS_OF },
    );
    expect(warning(r.warnings, "incomplete-list")?.message).toMatch(/paging\.next \(after 501\)/);
    expect(r.deal.stakeholders?.map((s) => s.id)).toEqual(["501"]);
  });
});

describe("archived records are not evidence", () => {
  it("an archived HubSpot contact marked economic buyer, and an archived meeting: neither counts, one warning each, naming them", () => {
    const r = fromHubSpot(
      hs({
        contacts: [
          hsContact("501", { firstname: "Cora", lastname: "Finch" }, { archived: true }),
          hsContact("502"),
        ],
        associations: { contacts: { results: [label("501", "Economic buyer"), label("502", "Champion")] } },
        engagements: {
          meetings: [hsMeeting("m1", ["501", "502"]), hsMeeting("m2", ["502"], { archived: true })],
        },
      }),
      { asOf: AS_OF },
    );
    expect(person(r.deal, "501")).toBeUndefined();
    expect(warning(r.warnings, "archived-record")?.message).toContain("Cora Finch (501)");
    expect(r.warnings.filter((w) => w.code === "archived-record").map((w) => w.path)).toEqual([
      "contacts",
      "engagements.meetings",
    ]);
    expect(r.warnings.map((w) => w.code)).not.toContain("no-contact-record");
    const report = createQualifier({ frameworks: ["meddpicc"] }).evaluate(r.deal, { asOf: AS_OF });
    expect(report.frameworks[0]?.criteria.find((c) => c.id === "economic-buyer")?.status).toBe("unknown");
  });
});

describe("another opportunity's activity is not this deal's evidence", () => {
  it.each([
    ["another opportunity (15-character id)", "006A00000000009", false],
    ["this opportunity, written with 18 characters", "006A00000000001AAA", true],
    ["the account", "001A00000000001", true],
  ])("an Event whose WhatId is %s: counted %s", (_, whatId, counted) => {
    const r = fromSalesforce(
      sf({ contacts: [contact("003A")], events: [event("003A", "2026-11-20", { WhatId: whatId })] }),
      { asOf: AS_OF },
    );
    expect(person(r.deal, "003A")?.engaged).toBe(counted);
    expect(warning(r.warnings, "other-opportunity") !== undefined).toBe(!counted);
  });
});

describe("CRM defaults are not facts", () => {
  it("every contact role the same value: none believed, one warning", () => {
    const r = fromSalesforce(
      sf({
        contacts: [contact("003A"), contact("003B"), contact("003C")],
        contactRoles: [
          role("003A", "Economic Buyer"),
          role("003B", "Economic Buyer"),
          role("003C", "Economic Buyer"),
        ],
      }),
      { asOf: AS_OF },
    );
    expect(r.deal.stakeholders?.every((s) => s.roles === undefined)).toBe(true);
    expect(warning(r.warnings, "crm-default-role")?.message).toContain(
      'every one of the 3 contact roles is "Economic Buyer"',
    );
  });
  it("Salesforce's pre-filled Decision Maker is untrusted by default; untrustedRoles: [] trusts it again", () => {
    const records = sf({
      contacts: [contact("003A"), contact("003B")],
      contactRoles: [role("003A", "Decision Maker"), role("003B", "Economic Buyer")],
    });
    expect(person(fromSalesforce(records, { asOf: AS_OF }).deal, "003A")?.roles).toBeUndefined();
    const trusted = fromSalesforce(records, { asOf: AS_OF, mapping: { untrustedRoles: [] } });
    expect(person(trusted.deal, "003A")?.roles).toEqual(["decision-maker"]);
  });
  it("HubSpot's contact-level hs_buying_role is not believed by default (association labels are); trustContactRoles believes it", () => {
    const records = hs({
      contacts: [hsContact("501", { hs_buying_role: "BUDGET_HOLDER" }), hsContact("502")],
      associations: { contacts: { results: [label("502", "Champion")] } },
    });
    const r = fromHubSpot(records, { asOf: AS_OF });
    expect(person(r.deal, "501")?.roles).toBeUndefined();
    expect(person(r.deal, "502")?.roles).toEqual(["champion"]);
    expect(warning(r.warnings, "untrusted-role")?.message).toMatch(/trustContactRoles: true/);
    expect(
      person(fromHubSpot(records, { asOf: AS_OF, mapping: { trustContactRoles: true } }).deal, "501")?.roles,
    ).toEqual(["economic-buyer"]);
  });
});

describe("numbers as CRMs and people write them", () => {
  it.each([
    ["72000", 72000, undefined, false],
    ["72000.00", 72000, undefined, false],
    ["1,250.00", 1250, undefined, false],
    ["1.250,00", 1250, undefined, false],
    ["1 200", 1200, undefined, false],
    ["1\u00a0200,50", 1200.5, undefined, false],
    ["€72,000", 72000, "EUR", true],
    ["72.000 €", 72000, "EUR", true],
    ["£1,250,000", 1250000, "GBP", false],
    ["$5,000", 5000, undefined, true],
    ["1.200", 1200, undefined, true],
    ["12,5", 12.5, undefined, false],
    ["0.125", 0.125, undefined, false],
  ])("%j reads as %d (%s), said in a warning: %s", (written, value, currency, said) => {
    const read = readNumber(written);
    expect(read && "value" in read ? read.value : read).toBe(value);
    expect(read && "value" in read ? read.currency : "?").toBe(currency);
    expect(read && "value" in read && read.note !== undefined).toBe(said);
  });
  it.each([["1,2,3"], ["1.250.00,00,0"]])("%j reads two ways: ambiguous, named, left out", (written) => {
    expect(readNumber(written)).toHaveProperty("ambiguous");
    const r = fromHubSpot(hs({}, { amount: written }), { asOf: AS_OF });
    expect(r.deal.amount).toBeUndefined();
    expect(warning(r.warnings, "ambiguous-number")?.message).toContain(JSON.stringify(written));
  });
  it.each([["seventy"], ["12 34"], ["1,"]])("%j is no number: named, left out", (written) => {
    expect(readNumber(written)).toBeUndefined();
  });
  it("an amount written with a currency symbol keeps the currency; a record that names another is said", () => {
    const r = fromHubSpot(hs({}, { amount: "€72,000" }), { asOf: AS_OF });
    expect(r.deal.amount).toEqual({ value: 72000, currency: "EUR" });
    const clash = fromSalesforce(sf({ opportunity: opp({ Amount: "£5,000", CurrencyIsoCode: "EUR" }) }), {
      asOf: AS_OF,
    });
    expect(clash.deal.amount).toEqual({ value: 5000, currency: "EUR" });
    expect(warning(clash.warnings, "invalid-currency")?.message).toContain("written in GBP");
  });
});

describe("localised values and departments", () => {
  it.each([
    ["IT", true, false],
    ["Finance", false, false],
    ["Finanzen", undefined, true],
    ["Direction financière", undefined, true],
  ])("department %j: technical %s, warned %s", (department, technical, warned) => {
    const r = fromSalesforce(sf({ contacts: [contact("003A", { Department: department })] }), {
      asOf: AS_OF,
    });
    expect(person(r.deal, "003A")?.technical).toBe(technical);
    const w = warning(r.warnings, "unmapped-department");
    expect(w !== undefined).toBe(warned);
    if (warned) expect(w?.message).toContain(department);
  });
  it("a French stage no table maps is named in a warning", () => {
    const r = fromSalesforce(sf({ opportunity: opp({ StageName: "Négociation" }) }), { asOf: AS_OF });
    expect(r.deal.stage).toBeUndefined();
    expect(warning(r.warnings, "unmapped-stage")?.message).toContain("Négociation");
  });
});

describe("one bad row does not reject the record set, and no noise", () => {
  it("a contact role with a null ContactId is left out with a warning; the rest imports", () => {
    const r = fromSalesforce(
      sf({
        contacts: [contact("003A")],
        contactRoles: [{ ...role("003A", "Economic Buyer"), ContactId: null }, role("003A", "Influencer")],
      }),
      { asOf: AS_OF },
    );
    expect(person(r.deal, "003A")?.roles).toEqual(["influencer"]);
    expect(warning(r.warnings, "no-contact-record")?.path).toBe("contactRoles[0].ContactId");
  });
  it("CurrencyIsoCode on a contact role is a standard field: no warning", () => {
    const r = fromSalesforce(
      sf({
        contacts: [contact("003A")],
        contactRoles: [{ ...role("003A", "Influencer"), CurrencyIsoCode: "EUR" }],
      }),
      { asOf: AS_OF },
    );
    expect(r.warnings.map((w) => w.path)).not.toContain("contactRoles[0].CurrencyIsoCode");
  });
  it("a closed opportunity's CloseDate is when it was decided, not the seller's guess", () => {
    const r = fromSalesforce(
      sf({ opportunity: opp({ StageName: "Closed Lost", IsClosed: true, CloseDate: "2026-10-30" }) }),
      { asOf: AS_OF },
    );
    expect(r.deal.timeline?.decisionBy).toBe("2026-10-30");
    expect(warning(r.warnings, "close-date-not-decision")).toBeUndefined();
  });
});
