import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GOLDEN_AS_OF } from "../scripts/golden-date.mjs";
import {
  type CrmOptions,
  fromHubSpot,
  fromSalesforce,
  HUBSPOT_MAPPING,
  SALESFORCE_MAPPING,
  safeFromHubSpot,
  safeFromSalesforce,
} from "../src/crm/index.js";
import { createQualifier, QualifyError, safeParseDeal } from "../src/index.js";
import { cli, node, ROOT, readJson } from "./support/helpers.js";
import { salesforceBuilders } from "./support/salesforce-records.js";

const AS_OF = "2026-11-27";
const CRMS = { salesforce: safeFromSalesforce, hubspot: safeFromHubSpot } as const;
const fixtures = (Object.keys(CRMS) as (keyof typeof CRMS)[]).flatMap((crm) =>
  readdirSync(`${ROOT}/examples/crm/${crm}`)
    .filter((f) => f.endsWith(".records.json"))
    .map((f) => [crm, f.replace(".records.json", "")] as const),
);
const mappingOf = (crm: string, name: string) => {
  try {
    return readJson(`examples/crm/${crm}/${name}.mapping.json`) as CrmOptions["mapping"];
  } catch {
    return undefined;
  }
};

// --- Salesforce records, built small -----------------------------------------------------------------
const { sfAttr, opp, contact, role } = salesforceBuilders("006A", { IsPrimary: false });
const event = (who: string, start: string, extra: Record<string, unknown> = {}) => ({
  attributes: sfAttr("Event", `00U${who}${start}`),
  WhoId: who,
  Subject: "Meeting",
  Type: "Meeting",
  StartDateTime: start,
  ...extra,
});
const task = (who: string, day: string, extra: Record<string, unknown>) => ({
  attributes: sfAttr("Task", `00T${who}${day}`),
  WhoId: who,
  Subject: "Task",
  ActivityDate: day,
  ...extra,
});
const sf = (parts: Record<string, unknown> = {}) => ({
  opportunity: opp(),
  contactRoles: [],
  contacts: [contact("003A")],
  ...parts,
});

// --- HubSpot records, built small -----------------------------------------------------------------------
const hsObject = (id: string, properties: Record<string, string | null>, contacts?: string[]) => ({
  id,
  properties,
  createdAt: "2026-10-01T00:00:00Z",
  updatedAt: "2026-10-01T00:00:00Z",
  archived: false,
  ...(contacts
    ? { associations: { contacts: { results: contacts.map((c) => ({ id: c, type: "x_to_contact" })) } } }
    : {}),
});
const hsContact = (id: string, properties: Record<string, string | null> = {}) =>
  hsObject(id, { firstname: "Person", lastname: id, ...properties });
const hs = (parts: Record<string, unknown> = {}, dealProps: Record<string, string | null> = {}) => ({
  deal: hsObject("1", { dealname: "Deal", ...dealProps }),
  contacts: [hsContact("501")],
  ...parts,
});

const person = (deal: { stakeholders?: readonly { id: string }[] | undefined }, id: string) =>
  deal.stakeholders?.find((s) => s.id === id) as Record<string, unknown>;
const codes = (warnings: readonly { code: string }[]) => warnings.map((w) => w.code);

describe("golden imports: each fixture, in the exact API shapes, gives its committed deal and warnings", () => {
  it("there are at least three fixtures per CRM", () => {
    expect(fixtures.filter(([c]) => c === "salesforce").length).toBeGreaterThanOrEqual(3);
    expect(fixtures.filter(([c]) => c === "hubspot").length).toBeGreaterThanOrEqual(3);
  });
  it.each(fixtures)("%s %s", (crm, name) => {
    const mapping = mappingOf(crm, name);
    const result = CRMS[crm](readJson(`examples/crm/${crm}/${name}.records.json`), {
      asOf: GOLDEN_AS_OF,
      ...(mapping ? { mapping } : {}),
    });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(`${JSON.stringify(result.data, null, 2)}\n`, "stale: run npm run generate").toBe(
      readFileSync(`${ROOT}/examples/crm/${crm}/${name}.expected.json`, "utf8"),
    );
    expect(safeParseDeal(result.data.deal).success).toBe(true);
    // Every warning names where it is, what kind it is, and why.
    for (const w of result.data.warnings) {
      expect(w.severity).toBe("warning");
      expect(w.message.length).toBeGreaterThan(10);
    }
  });
  it.each(fixtures)("%s %s: round trip, qualify import | qualify score", (crm, name) => {
    const mapping = mappingOf(crm, name);
    const imported = cli([
      "import",
      crm,
      `examples/crm/${crm}/${name}.records.json`,
      "--as-of",
      AS_OF,
      ...(mapping ? ["--mapping", `examples/crm/${crm}/${name}.mapping.json`] : []),
    ]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain("warning(s)");
    const scored = cli(["score", "-", "--as-of", AS_OF, "--format", "json"], { input: imported.stdout });
    expect(scored.stderr).toBe("");
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.stdout).deal.id).toBe(JSON.parse(imported.stdout).id);
  });
});

describe("the story, from Salesforce: the default Decision Maker role is not believed", () => {
  it("Alice is not the decision maker, and qualify asks who decides", () => {
    const { deal } = fromSalesforce(readJson("examples/crm/salesforce/guild-hosting.records.json"), {
      asOf: AS_OF,
      mapping: mappingOf("salesforce", "guild-hosting") as never,
    });
    expect(person(deal, "003Hp00002AliceAAA").roles).toBeUndefined();
    const report = createQualifier().evaluate(deal, { asOf: AS_OF });
    expect(report.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(["no-decision-maker", "technical-only"]),
    );
    expect(report.questions[0]?.topic).toBe("authority");
  });
  it("the default mapping does not believe it either; trusting it again names her decision maker (which is why the mark exists)", () => {
    const records = readJson("examples/crm/salesforce/guild-hosting.records.json");
    expect(person(fromSalesforce(records, { asOf: AS_OF }).deal, "003Hp00002AliceAAA").roles).toBeUndefined();
    const trusted = fromSalesforce(records, { asOf: AS_OF, mapping: { untrustedRoles: [] } });
    expect(person(trusted.deal, "003Hp00002AliceAAA").roles).toEqual(["decision-maker"]);
  });
});

describe("mapping: stages", () => {
  it.each(Object.entries(SALESFORCE_MAPPING.stages))("Salesforce %s -> %s", (name, stage) => {
    const r = fromSalesforce(sf({ opportunity: opp({ StageName: name }) }), { asOf: AS_OF });
    expect(r.deal.stage).toBe(stage);
    expect(codes(r.warnings)).not.toContain("unmapped-stage");
  });
  it.each(Object.entries(HUBSPOT_MAPPING.stages))("HubSpot %s -> %s", (id, stage) => {
    expect(fromHubSpot(hs({}, { dealstage: id }), { asOf: AS_OF }).deal.stage).toBe(stage);
  });
  it.each([
    [
      "salesforce",
      () => fromSalesforce(sf({ opportunity: opp({ StageName: "Technical Win" }) }), { asOf: AS_OF }),
    ],
    ["hubspot", () => fromHubSpot(hs({}, { dealstage: "104857621", pipeline: "87654321" }), { asOf: AS_OF })],
  ])("%s: an unknown stage is a warning and no stage, never a guess", (_crm, run) => {
    const r = run();
    expect(r.deal.stage).toBeUndefined();
    expect(r.warnings.find((w) => w.code === "unmapped-stage")?.path).toMatch(/StageName|dealstage/);
  });
  it("Salesforce: an unknown stage on a closed opportunity takes IsClosed and IsWon, and says so", () => {
    const won = fromSalesforce(
      sf({ opportunity: opp({ StageName: "Signed", IsClosed: true, IsWon: true }) }),
      { asOf: AS_OF },
    );
    expect(won.deal.stage).toBe("closed-won");
    expect(won.warnings.find((w) => w.code === "unmapped-stage")?.message).toContain("IsClosed and IsWon");
    const lost = fromSalesforce(
      sf({ opportunity: opp({ StageName: "Dead", IsClosed: true, IsWon: false }) }),
      { asOf: AS_OF },
    );
    expect(lost.deal.stage).toBe("closed-lost");
  });
  it("an override adds a stage, matching case and spacing loosely; null removes a default", () => {
    const mapping = { stages: { "technical win": "evaluation" as const, Qualification: null } };
    expect(
      fromSalesforce(sf({ opportunity: opp({ StageName: "Technical  Win" }) }), { asOf: AS_OF, mapping }).deal
        .stage,
    ).toBe("evaluation");
    expect(
      fromSalesforce(sf({ opportunity: opp({ StageName: "Qualification" }) }), { asOf: AS_OF, mapping }).deal
        .stage,
    ).toBeUndefined();
  });
});

describe("mapping: roles", () => {
  // The tables as mapped, trusted: the defaults also distrust Salesforce's pre-filled "Decision Maker" and
  // HubSpot's contact-level hs_buying_role (see "CRM defaults are not facts").
  it.each(Object.entries(SALESFORCE_MAPPING.roles))("Salesforce role %s -> %j", (value, roles) => {
    const r = fromSalesforce(sf({ contactRoles: [role("003A", value)] }), {
      asOf: AS_OF,
      mapping: { untrustedRoles: [] },
    });
    expect(person(r.deal, "003A").roles).toEqual(roles && roles.length > 0 ? roles : undefined);
  });
  it.each(Object.entries(HUBSPOT_MAPPING.roles))("HubSpot hs_buying_role %s -> %j", (value, roles) => {
    const r = fromHubSpot(hs({ contacts: [hsContact("501", { hs_buying_role: value })] }), {
      asOf: AS_OF,
      mapping: { trustContactRoles: true },
    });
    expect(person(r.deal, "501").roles).toEqual(roles && roles.length > 0 ? roles : undefined);
  });
  it("HubSpot: a multi-value hs_buying_role (;) gives every role; association labels add theirs", () => {
    const r = fromHubSpot(
      hs({
        contacts: [hsContact("501", { hs_buying_role: "DECISION_MAKER;BUDGET_HOLDER" }), hsContact("502")],
        associations: {
          contacts: {
            results: [
              {
                toObjectId: 502,
                associationTypes: [
                  { category: "HUBSPOT_DEFINED", typeId: 3, label: null },
                  { category: "USER_DEFINED", typeId: 37, label: "Champion" },
                ],
              },
            ],
          },
        },
      }),
      { asOf: AS_OF, mapping: { trustContactRoles: true } },
    );
    expect(person(r.deal, "501").roles).toEqual(["decision-maker", "economic-buyer"]);
    expect(person(r.deal, "502").roles).toEqual(["champion"]);
  });
  it.each([
    [
      "salesforce",
      () => fromSalesforce(sf({ contactRoles: [role("003A", "Chief Yes Officer")] }), { asOf: AS_OF }),
    ],
    [
      "hubspot",
      () =>
        fromHubSpot(hs({ contacts: [hsContact("501", { hs_buying_role: "GATEKEEPER" })] }), {
          asOf: AS_OF,
          mapping: { trustContactRoles: true },
        }),
    ],
  ])("%s: an unknown role value is a warning with its path, and no role", (_crm, run) => {
    const r = run();
    expect(r.deal.stakeholders?.[0]?.roles).toBeUndefined();
    expect(r.warnings.find((w) => w.code === "unmapped-role")?.path).toMatch(/Role|hs_buying_role/);
  });
  it("an untrusted value is never a role, with a warning; other values still count", () => {
    const r = fromSalesforce(
      sf({
        contacts: [contact("003A"), contact("003B")],
        contactRoles: [role("003A", "Decision Maker"), role("003B", "Economic Buyer")],
      }),
      {
        asOf: AS_OF,
        mapping: { untrustedRoles: ["decision maker"] },
      },
    );
    expect(person(r.deal, "003A").roles).toBeUndefined();
    expect(person(r.deal, "003B").roles).toEqual(["economic-buyer"]);
    expect(r.warnings.find((w) => w.code === "untrusted-role")?.path).toBe("contactRoles[0].Role");
  });
  it("a role for a contact with no Contact record, or for another opportunity, is a warning", () => {
    const other = { ...role("003A", "Influencer"), OpportunityId: "006Z" };
    const r = fromSalesforce(sf({ contactRoles: [role("003Q", "Influencer"), other] }), { asOf: AS_OF });
    expect(codes(r.warnings)).toEqual(expect.arrayContaining(["no-contact-record", "other-opportunity"]));
    expect(person(r.deal, "003A").roles).toBeUndefined();
  });
});

describe("other shapes the APIs return", () => {
  it("Salesforce: contact roles as a subquery of the opportunity (SELECT ..., (SELECT ... FROM OpportunityContactRoles))", () => {
    const records = {
      opportunity: opp({
        OpportunityContactRoles: { totalSize: 1, done: true, records: [role("003A", "Economic Buyer")] },
      }),
      contacts: [contact("003A")],
    };
    const r = fromSalesforce(records, { asOf: AS_OF });
    expect(person(r.deal, "003A").roles).toEqual(["economic-buyer"]);
    const bad = safeFromSalesforce({
      ...records,
      opportunity: opp({
        OpportunityContactRoles: { totalSize: 1, done: true, records: [{ Role: "Influencer" }] },
      }),
    });
    // A role without a contact is one bad row: left out with a warning, the rest imports.
    expect(bad.success && bad.data.warnings.map((w) => w.path)).toContain(
      "opportunity.OpportunityContactRoles[0].ContactId",
    );
  });
  it("HubSpot: associations from a v4 batch read ({ from, to: [...] })", () => {
    const r = fromHubSpot(
      hs({
        associations: {
          contacts: {
            status: "COMPLETE",
            results: [
              {
                from: { id: "1" },
                to: [
                  {
                    toObjectId: 501,
                    associationTypes: [{ category: "USER_DEFINED", typeId: 37, label: "Decision maker" }],
                  },
                ],
              },
            ],
          },
        },
      }),
      { asOf: AS_OF },
    );
    expect(person(r.deal, "501").roles).toEqual(["decision-maker"]);
  });
  it("HubSpot: engagements as a search response ({ total, results })", () => {
    const meeting = hsObject("m", { hs_timestamp: "2026-11-20T10:00:00Z", hs_meeting_outcome: "COMPLETED" }, [
      "501",
    ]);
    const r = fromHubSpot(hs({ engagements: { meetings: { total: 1, results: [meeting] } } }), {
      asOf: AS_OF,
    });
    expect(person(r.deal, "501").engaged).toBe(true);
  });
});

describe("mapping: amounts, dates, account, type, people", () => {
  it.each([
    [72000, 72000],
    ["72000.00", 72000],
    [" 1500.5 ", 1500.5],
  ])("amount %j -> %j", (amount, value) => {
    expect(fromHubSpot(hs({}, { amount: String(amount) }), { asOf: AS_OF }).deal.amount?.value).toBe(value);
    expect(
      fromSalesforce(sf({ opportunity: opp({ Amount: amount }) }), { asOf: AS_OF }).deal.amount?.value,
    ).toBe(value);
  });
  it.each([["seventy"], ["-5"]])("amount %j is a warning and left out", (amount) => {
    const r = fromHubSpot(hs({}, { amount }), { asOf: AS_OF });
    expect(r.deal.amount).toBeUndefined();
    expect(r.warnings.find((w) => w.path === "deal.properties.amount")?.code).toBe("not-a-number");
  });
  it("null and empty values are simply not filled in: no warning", () => {
    const r = fromHubSpot(hs({}, { amount: "", closedate: null, dealtype: null }), { asOf: AS_OF });
    expect(r.deal.amount).toBeUndefined();
    expect(r.warnings.filter((w) => w.path.startsWith("deal.properties."))).toEqual([]);
  });
  it("the currency: the record's, else options.currency", () => {
    expect(
      fromSalesforce(sf({ opportunity: opp({ Amount: 10, CurrencyIsoCode: "EUR" }) }), {
        asOf: AS_OF,
        currency: "USD",
      }).deal.amount,
    ).toEqual({ value: 10, currency: "EUR" });
    expect(
      fromSalesforce(sf({ opportunity: opp({ Amount: 10 }) }), { asOf: AS_OF, currency: "USD" }).deal.amount,
    ).toEqual({ value: 10, currency: "USD" });
  });
  it.each([
    ["2026-11-20", "2026-11-20"],
    ["2026-11-20T23:30:00.000+0000", "2026-11-20"],
    ["2026-11-20T23:30:00.000-0200", "2026-11-21"],
    ["2026-11-20T10:00:00Z", "2026-11-20"],
    ["1795510800000", "2026-11-24"],
  ])("close date %s -> decisionBy %s (with closeDate: decisionBy)", (closedate, day) => {
    expect(
      fromHubSpot(hs({}, { closedate }), { asOf: AS_OF, closeDate: "decisionBy" }).deal.timeline?.decisionBy,
    ).toBe(day);
  });
  it("the forecast close date is not the decision date by default: a warning says so", () => {
    const r = fromSalesforce(sf({ opportunity: opp({ CloseDate: "2026-12-18" }) }), { asOf: AS_OF });
    expect(r.deal.timeline).toBeUndefined();
    expect(r.warnings.find((w) => w.code === "close-date-not-decision")?.path).toBe("opportunity.CloseDate");
  });
  it.each([["2026-02-30"], ["yesterday"], ["2026-13-01T00:00:00Z"]])(
    "a date %j that is not a date is a warning",
    (closedate) => {
      const r = fromHubSpot(hs({}, { closedate }), { asOf: AS_OF, closeDate: "decisionBy" });
      expect(r.deal.timeline).toBeUndefined();
      expect(codes(r.warnings)).toContain("not-a-date");
    },
  );
  it("account from the SOQL relationship and from the HubSpot company (string numbers converted)", () => {
    const a = fromSalesforce(
      sf({
        opportunity: opp({
          Account: {
            attributes: sfAttr("Account", "001"),
            Name: "Acme",
            Industry: "Retail",
            NumberOfEmployees: 120,
          },
        }),
      }),
      { asOf: AS_OF },
    );
    expect(a.deal.account).toEqual({ name: "Acme", industry: "Retail", employees: 120 });
    const b = fromHubSpot(
      hs({ company: hsObject("9", { name: "Acme", industry: "RETAIL", numberofemployees: "120" }) }),
      { asOf: AS_OF },
    );
    expect(b.deal.account).toEqual({ name: "Acme", industry: "RETAIL", employees: 120 });
  });
  it.each([
    ["New Customer", "new-business"],
    ["Existing Customer - Upgrade", "expansion"],
  ])("Salesforce Type %s -> %s; an unknown type is a warning", (type, expected) => {
    expect(fromSalesforce(sf({ opportunity: opp({ Type: type }) }), { asOf: AS_OF }).deal.type).toBe(
      expected,
    );
    const r = fromSalesforce(sf({ opportunity: opp({ Type: "Existing Customer - Downgrade" }) }), {
      asOf: AS_OF,
    });
    expect(r.deal.type).toBeUndefined();
    expect(codes(r.warnings)).toContain("unmapped-type");
  });
  it("reporting lines from ReportsToId, only to people of the deal; departments say who is technical", () => {
    const r = fromSalesforce(
      sf({
        contacts: [
          contact("003A", { ReportsToId: "003B", Department: "Engineering" }),
          contact("003B", { ReportsToId: "003Z", Department: "Finance" }),
          contact("003C"),
        ],
      }),
      { asOf: AS_OF },
    );
    expect(person(r.deal, "003A")).toMatchObject({
      reportsTo: "003B",
      technical: true,
      department: "Engineering",
    });
    expect(person(r.deal, "003B")).toMatchObject({ technical: false });
    expect(person(r.deal, "003B").reportsTo).toBeUndefined();
    expect(person(r.deal, "003C").technical).toBeUndefined();
    expect(r.warnings.find((w) => w.code === "reports-to-outside")?.path).toBe("contacts[1]");
  });
  it("names: Name, else first and last name, else the email, else the id with a warning", () => {
    const r = fromSalesforce(
      sf({
        contacts: [
          { attributes: sfAttr("Contact", "1"), Id: "1", FirstName: "Ada", LastName: "Byron" },
          { attributes: sfAttr("Contact", "2"), Id: "2", Email: "x@y.example" },
          { attributes: sfAttr("Contact", "3"), Id: "3" },
        ],
      }),
      { asOf: AS_OF },
    );
    expect(r.deal.stakeholders?.map((s) => s.name)).toEqual(["Ada Byron", "x@y.example", "Contact 3"]);
    expect(r.warnings.find((w) => w.code === "no-name")?.path).toBe("contacts[2]");
  });
});

describe("mapping: custom fields and the fields nothing reads", () => {
  it("mapping.custom copies a field into deal.custom; a missing one is a warning", () => {
    const r = fromSalesforce(sf({ opportunity: opp({ Budget_Status__c: "Approved" }) }), {
      asOf: AS_OF,
      mapping: { custom: { budgetStatus: "opportunity.Budget_Status__c", tier: "opportunity.Tier__c" } },
    });
    expect(r.deal.custom).toEqual({ budgetStatus: "Approved" });
    expect(r.warnings.find((w) => w.code === "custom-not-found")?.path).toBe("mapping.custom.tier");
  });
  it("a filled-in field nothing maps is listed, never silently dropped; mapping.ignore silences it", () => {
    const records = sf({ opportunity: opp({ Budget_Status__c: "Approved", NextStep: "Call" }) });
    const r = fromSalesforce(records, { asOf: AS_OF });
    const w = r.warnings.find((x) => x.code === "unmapped-field" && x.path === "opportunity");
    expect(w?.message).toContain("Budget_Status__c");
    expect(w?.message).toContain("NextStep");
    const quiet = fromSalesforce(records, {
      asOf: AS_OF,
      mapping: { ignore: ["Budget_Status__c", "NextStep", "attributes"] },
    });
    expect(quiet.warnings.filter((x) => x.code === "unmapped-field")).toEqual([]);
  });
  it("HubSpot deal properties too", () => {
    const r = fromHubSpot(hs({}, { renewal_risk: "high" }), { asOf: AS_OF });
    expect(r.warnings.find((w) => w.code === "unmapped-field")?.message).toContain("renewal_risk");
    const kept = fromHubSpot(hs({}, { renewal_risk: "high" }), {
      asOf: AS_OF,
      mapping: { custom: { risk: "deal.properties.renewal_risk" } },
    });
    expect(kept.deal.custom).toEqual({ risk: "high" });
    expect(codes(kept.warnings)).not.toContain("unmapped-field");
  });
});

describe("the confidence policy: only a conversation makes a contact engaged", () => {
  const sfPeople = { contacts: [contact("003A")] };
  it.each([
    [
      "a past meeting (an Event)",
      { events: [event("003A", "2026-11-20T10:00:00.000+0000")] },
      true,
      "2026-11-20",
    ],
    [
      "a meeting after as-of: not held yet",
      { events: [event("003A", "2026-12-03T10:00:00.000+0000")] },
      false,
      undefined,
    ],
    [
      "a completed call, connected",
      {
        tasks: [
          task("003A", "2026-11-21", {
            TaskSubtype: "Call",
            Status: "Completed",
            CallDisposition: "Connected",
          }),
        ],
      },
      true,
      "2026-11-21",
    ],
    [
      "a completed call with no outcome recorded",
      { tasks: [task("003A", "2026-11-21", { TaskSubtype: "Call", Status: "Completed" })] },
      true,
      "2026-11-21",
    ],
    [
      "a call that left a voicemail",
      {
        tasks: [
          task("003A", "2026-11-21", {
            TaskSubtype: "Call",
            Status: "Completed",
            CallDisposition: "Left Voicemail",
          }),
        ],
      },
      false,
      undefined,
    ],
    [
      "a call not made yet (open)",
      {
        tasks: [task("003A", "2026-11-21", { TaskSubtype: "Call", Status: "Not Started", IsClosed: false })],
      },
      false,
      undefined,
    ],
    [
      "a call with an outcome nobody mapped",
      {
        tasks: [
          task("003A", "2026-11-21", {
            TaskSubtype: "Call",
            Status: "Completed",
            CallDisposition: "Spoke with assistant",
          }),
        ],
      },
      false,
      undefined,
    ],
    [
      "an email",
      { tasks: [task("003A", "2026-11-21", { TaskSubtype: "Email", Status: "Completed" })] },
      false,
      undefined,
    ],
    [
      "a to-do",
      { tasks: [task("003A", "2026-11-21", { TaskSubtype: "Task", Status: "Completed" })] },
      false,
      undefined,
    ],
  ])("Salesforce: %s", (_what, parts, engaged, lastContact) => {
    const r = fromSalesforce(sf({ ...sfPeople, ...parts }), { asOf: AS_OF });
    expect(person(r.deal, "003A").engaged).toBe(engaged);
    expect(person(r.deal, "003A").lastContact).toBe(lastContact);
  });
  const meeting = (outcome: string | null, day = "2026-11-20") =>
    hsObject(
      `m${outcome}`,
      { hs_timestamp: `${day}T10:00:00Z`, hs_meeting_title: "M", hs_meeting_outcome: outcome },
      ["501"],
    );
  const call = (status: string | null, disposition: string | null) =>
    hsObject(
      `c${status}${disposition}`,
      { hs_timestamp: "2026-11-21T10:00:00Z", hs_call_status: status, hs_call_disposition: disposition },
      ["501"],
    );
  const email = (direction: string) =>
    hsObject(`e${direction}`, { hs_timestamp: "2026-11-22T10:00:00Z", hs_email_direction: direction }, [
      "501",
    ]);
  it.each([
    ["a meeting marked COMPLETED", { meetings: [meeting("COMPLETED")] }, true, "2026-11-20"],
    [
      "a past meeting still SCHEDULED (outcome never set)",
      { meetings: [meeting("SCHEDULED")] },
      false,
      undefined,
    ],
    ["a NO_SHOW", { meetings: [meeting("NO_SHOW")] }, false, undefined],
    ["a CANCELED meeting", { meetings: [meeting("CANCELED")] }, false, undefined],
    [
      "a COMPLETED meeting dated after as-of",
      { meetings: [meeting("COMPLETED", "2026-12-01")] },
      false,
      undefined,
    ],
    [
      "a call: Connected",
      { calls: [call("COMPLETED", "f240bbac-87c9-4f6e-bf70-924b57d47db7")] },
      true,
      "2026-11-21",
    ],
    [
      "a call: Left voicemail",
      { calls: [call("COMPLETED", "b2cf5968-551e-4856-9783-52b3da59a7d0")] },
      false,
      undefined,
    ],
    [
      "a call: No answer",
      { calls: [call("COMPLETED", "73a0d17f-1163-4015-bdd5-ec830791da20")] },
      false,
      undefined,
    ],
    [
      "a call: Left live message",
      { calls: [call("COMPLETED", "a4c4c377-d246-4b32-a13b-75a56a4cd0ff")] },
      false,
      undefined,
    ],
    ["a call that failed", { calls: [call("FAILED", null)] }, false, undefined],
    ["a call with an unknown outcome", { calls: [call("COMPLETED", "not-a-known-id")] }, false, undefined],
    ["an email we sent", { emails: [email("EMAIL")] }, false, undefined],
    ["an email they wrote", { emails: [email("INCOMING_EMAIL")] }, false, undefined],
    [
      "a note",
      { notes: [hsObject("n1", { hs_timestamp: "2026-11-22T10:00:00Z", hs_note_body: "x" }, ["501"])] },
      false,
      undefined,
    ],
  ])("HubSpot: %s", (_what, engagements, engaged, lastContact) => {
    const r = fromHubSpot(hs({ engagements }), { asOf: AS_OF });
    expect(person(r.deal, "501").engaged).toBe(engaged);
    expect(person(r.deal, "501").lastContact).toBe(lastContact);
  });
  it("lastContact is the latest conversation, never a later email", () => {
    const r = fromHubSpot(
      hs({ engagements: { meetings: [meeting("COMPLETED", "2026-10-01")], emails: [email("EMAIL")] } }),
      { asOf: AS_OF },
    );
    expect(person(r.deal, "501").lastContact).toBe("2026-10-01");
    expect(r.deal.interactions).toHaveLength(1);
  });
  it("emails: inbound keeps emails the buyer wrote as interactions (hearing from them), never as engagement", () => {
    const r = fromHubSpot(hs({ engagements: { emails: [email("INCOMING_EMAIL"), email("EMAIL")] } }), {
      asOf: AS_OF,
      emails: "inbound",
    });
    expect(r.deal.interactions).toEqual([{ date: "2026-11-22", kind: "email", stakeholderIds: ["501"] }]);
    expect(person(r.deal, "501").engaged).toBe(false);
  });
  it("every activity left out is accounted for in the warnings", () => {
    const r = fromHubSpot(
      hs({
        engagements: {
          meetings: [meeting("NO_SHOW"), meeting("COMPLETED", "2026-12-01")],
          calls: [call("COMPLETED", "zzz")],
          emails: [email("EMAIL")],
          notes: [hsObject("n", { hs_timestamp: "2026-11-01T00:00:00Z" }, ["501"])],
        },
      }),
      { asOf: AS_OF },
    );
    expect(codes(r.warnings)).toEqual(
      expect.arrayContaining([
        "not-a-conversation",
        "not-yet-held",
        "unknown-call-outcome",
        "email-not-conversation",
        "note-not-conversation",
      ]),
    );
  });
  it("without any activity records, engagement is unknown (absent), and a warning says so", () => {
    const r = fromSalesforce(sf(), { asOf: AS_OF });
    expect(person(r.deal, "003A").engaged).toBeUndefined();
    expect(codes(r.warnings)).toContain("no-activities");
  });
  it("event invitees (EventRelations) who are contacts of the deal took part; users and strangers do not", () => {
    const r = fromSalesforce(
      sf({
        contacts: [contact("003A"), contact("003B")],
        events: {
          totalSize: 1,
          done: true,
          records: [
            event("003A", "2026-11-20T10:00:00.000+0000", {
              EventRelations: {
                totalSize: 3,
                done: true,
                records: [{ RelationId: "003B" }, { RelationId: "005USER" }, { RelationId: "003A" }],
              },
            }),
          ],
        },
      }),
      { asOf: AS_OF },
    );
    expect(r.deal.interactions?.[0]?.stakeholderIds).toEqual(["003A", "003B"]);
    expect(person(r.deal, "003B").engaged).toBe(true);
  });
  it("an activity with someone not on the deal is a warning; with nobody of the deal, it is left out", () => {
    const r = fromSalesforce(sf({ events: [event("00QLEAD", "2026-11-20T10:00:00.000+0000")] }), {
      asOf: AS_OF,
    });
    expect(r.deal.interactions).toBeUndefined();
    expect(codes(r.warnings)).toEqual(expect.arrayContaining(["unknown-participant", "no-participant"]));
  });
});

describe("wrong input: issues with paths, never a guess, never a throw from safe*", () => {
  const issueOf = (r: {
    success: boolean;
    issues?: readonly { path: string; code: string; message: string }[];
  }) => {
    expect(r.success).toBe(false);
    return r.issues ?? [];
  };
  it("HubSpot records given to the Salesforce adapter, and the other way round, say which adapter to use", () => {
    const a = issueOf(safeFromSalesforce(readJson("examples/crm/hubspot/acme-platform.records.json")));
    expect(a[0]).toMatchObject({ code: "wrong-crm" });
    expect(a[0]?.message).toContain("fromHubSpot");
    const b = issueOf(safeFromHubSpot(readJson("examples/crm/salesforce/guild-hosting.records.json")));
    expect(b[0]?.message).toContain("fromSalesforce");
  });
  it.each([
    ["no opportunity", { contactRoles: [], contacts: [] }, "opportunity", "missing"],
    ["no contacts", { opportunity: opp(), contactRoles: [] }, "contacts", "missing"],
    ["no contact roles", { opportunity: opp(), contacts: [] }, "contactRoles", "missing"],
    [
      "contacts not a list",
      { opportunity: opp(), contactRoles: [], contacts: "x" },
      "contacts",
      "not-a-list",
    ],
    [
      "a contact without Id",
      { opportunity: opp(), contactRoles: [], contacts: [{ attributes: sfAttr("Contact", "1"), Name: "X" }] },
      "contacts[0].Id",
      "missing",
    ],
    [
      "a Contact where the Opportunity goes",
      { opportunity: contact("003A"), contactRoles: [], contacts: [] },
      "opportunity.attributes.type",
      "wrong-object",
    ],
    [
      "an opportunity without Name",
      { opportunity: { Id: "006A" }, contactRoles: [], contacts: [] },
      "opportunity.Name",
      "missing",
    ],
    [
      "a task that is not a record",
      { opportunity: opp(), contactRoles: [], contacts: [], tasks: [7] },
      "tasks[0]",
      "not-a-record",
    ],
  ])("Salesforce: %s", (_what, records, path, code) => {
    const issues = issueOf(safeFromSalesforce(records, { asOf: AS_OF }));
    expect(issues).toContainEqual(expect.objectContaining({ path, code }));
  });
  it.each([
    ["no deal", { contacts: [] }, "deal", "missing"],
    ["a deal without properties", { deal: { id: "1" }, contacts: [] }, "deal.properties", "missing"],
    [
      "a deal without dealname",
      { deal: hsObject("1", { amount: "5" }), contacts: [] },
      "deal.properties.dealname",
      "missing",
    ],
    ["no contacts", { deal: hsObject("1", { dealname: "D" }) }, "contacts", "missing"],
    [
      "a contact without id",
      { deal: hsObject("1", { dealname: "D" }), contacts: [{ properties: {} }] },
      "contacts[0].id",
      "missing",
    ],
    [
      "engagements not an object",
      { deal: hsObject("1", { dealname: "D" }), contacts: [], engagements: [] },
      "engagements",
      "not-a-record",
    ],
    [
      "an association without toObjectId",
      {
        deal: hsObject("1", { dealname: "D" }),
        contacts: [],
        associations: { contacts: { results: [{ id: 5 }] } },
      },
      "associations.contacts.results[0]",
      "not-an-association",
    ],
  ])("HubSpot: %s", (_what, records, path, code) => {
    const issues = issueOf(safeFromHubSpot(records, { asOf: AS_OF }));
    expect(issues).toContainEqual(expect.objectContaining({ path, code }));
  });
  it.each([[null], [[]], ["text"], [42]])("not an object of records: %j", (records) => {
    expect(issueOf(safeFromSalesforce(records))[0]?.code).toBe("not-records");
    expect(issueOf(safeFromHubSpot(records))[0]?.code).toBe("not-records");
  });
  it("a mapping that is wrong: every problem with its path", () => {
    const issues = issueOf(
      safeFromSalesforce(sf(), {
        mapping: { stages: { Won: "won" }, roles: { Boss: ["boss"] }, colour: "red" } as never,
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["mapping.stages.Won", "mapping.roles.Boss[0]", "mapping.colour"]),
    );
    const typo = issueOf(safeFromSalesforce(sf(), { mapping: { stagez: {} } as never }));
    expect(typo[0]).toMatchObject({ path: "mapping.stagez" });
    expect(typo[0]?.message).toContain('did you mean "stages"');
  });
  it("bad options are issues too", () => {
    const issues = issueOf(
      safeFromHubSpot(hs(), { asOf: "2026-02-30", closeDate: "maybe", emails: "all" } as never),
    );
    expect(issues.map((i) => i.path)).toEqual(["options.asOf", "options.closeDate", "options.emails"]);
  });
  it("fromSalesforce and fromHubSpot throw a QualifyError carrying the issues", () => {
    expect(() => fromSalesforce({})).toThrow(QualifyError);
    expect(() => fromHubSpot({ deal: {} })).toThrow(/HubSpot records: \d+ problem/);
  });
  it("property: any JSON is either issues or a valid deal, never a throw", () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    const records = fc.record({
      opportunity: fc.oneof(
        value,
        fc.record({
          Id: fc.string(),
          Name: fc.string(),
          StageName: value,
          Amount: value,
          CloseDate: value,
          Account: value,
        }),
      ),
      contactRoles: fc.oneof(
        value,
        fc.array(fc.record({ ContactId: fc.constantFrom("a", "b"), Role: value })),
      ),
      contacts: fc.oneof(
        value,
        fc.array(
          fc.record({ Id: fc.constantFrom("a", "b"), Name: value, ReportsToId: value, Department: value }),
        ),
      ),
      events: fc.oneof(value, fc.array(fc.record({ WhoId: value, StartDateTime: value, Type: value }))),
      deal: fc.option(fc.record({ id: value, properties: fc.dictionary(fc.string(), value) }), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(records, (r) => {
        for (const adapt of [safeFromSalesforce, safeFromHubSpot]) {
          const out = adapt(r, { asOf: AS_OF });
          if (out.success) expect(safeParseDeal(out.data.deal).success).toBe(true);
          else expect(out.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("qualify import", () => {
  it("prints the deal as JSON and the warnings on stderr with their paths", () => {
    const run = cli([
      "import",
      "hubspot",
      "examples/crm/hubspot/acme-platform.records.json",
      "--as-of",
      AS_OF,
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).name).toBe("Acme: data platform");
    expect(run.stderr).toContain("engagements.meetings[2]: warning:");
    expect(run.stderr).toContain("[close-date-not-decision]");
  });
  it("--close-date decisionBy and --emails inbound", () => {
    const run = cli([
      "import",
      "hubspot",
      "examples/crm/hubspot/acme-platform.records.json",
      "--as-of",
      AS_OF,
      "--close-date",
      "decisionBy",
      "--emails",
      "inbound",
    ]);
    const deal = JSON.parse(run.stdout);
    expect(deal.timeline.decisionBy).toBe("2026-12-31");
    expect(deal.interactions.some((i: { kind: string }) => i.kind === "email")).toBe(true);
  });
  it("a list of record sets, or NDJSON, prints one line per set; a bad one is reported and keeps its line as an error record (exit 1)", () => {
    const good = readJson("examples/crm/salesforce/guild-hosting.records.json");
    const input = `${JSON.stringify(good)}\n${JSON.stringify({ opportunity: null, contactRoles: [], contacts: [] })}\n${JSON.stringify(good)}\n`;
    const run = cli(["import", "salesforce", "-", "--ndjson", "--as-of", AS_OF], { input });
    expect(run.code).toBe(1);
    const out = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[1]).toMatchObject({ line: 2, error: { message: "not Salesforce records" } });
    expect(out[2].id).toBe(out[0].id);
    expect(run.stderr).toContain("-:2: not Salesforce records");
    expect(run.stderr).toContain("opportunity: missing");
  });
  it.each([
    [["import", "zoho", "x.json"], 2, "salesforce or hubspot"],
    [["import", "salesforce"], 2, "takes a CRM"],
    [
      ["import", "salesforce", "examples/crm/salesforce/guild-hosting.records.json", "--close-date", "soon"],
      2,
      "--close-date",
    ],
    [["import", "salesforce", "nope.json"], 1, "no such file"],
    [["import", "salesforce", "examples/crm/hubspot/acme-platform.records.json"], 1, "fromHubSpot"],
  ])("%j exits %i", (args, code, text) => {
    const run = cli(args);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(text);
  });
  it("a mapping file with a mistake names the file and the path", () => {
    const run = cli(
      ["import", "salesforce", "examples/crm/salesforce/guild-hosting.records.json", "--mapping", "-"],
      {
        input: JSON.stringify({ stages: { Qualification: "qualified" } }),
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("-: invalid mapping");
    expect(run.stderr).toContain("mapping.stages.Qualification");
  });
});

describe("qualify/crm in plain Node", () => {
  it.each([
    [
      "ESM",
      [
        "--input-type=module",
        "-e",
        'import { fromHubSpot } from "qualify/crm"; import { QualifyError } from "qualify"; try { fromHubSpot({}); } catch (e) { console.log(e instanceof QualifyError, fromHubSpot({ deal: { id: "1", properties: { dealname: "D" } }, contacts: [] }).deal.name); }',
      ],
    ],
    [
      "CJS",
      [
        "-e",
        'const { fromHubSpot } = require("qualify/crm"); const { QualifyError } = require("qualify"); try { fromHubSpot({}); } catch (e) { console.log(e instanceof QualifyError, fromHubSpot({ deal: { id: "1", properties: { dealname: "D" } }, contacts: [] }).deal.name); }',
      ],
    ],
  ])("%s: loads, shares the core's QualifyError", (_kind, args) => {
    const run = node(args);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("true D");
  });
});

describe("docs/crm-mapping.md documents the default tables", () => {
  const page = readFileSync(`${ROOT}/docs/crm-mapping.md`, "utf8").toLowerCase().replace(/_/g, " ");
  const keys = [
    ...Object.keys(SALESFORCE_MAPPING.stages),
    ...Object.keys(HUBSPOT_MAPPING.stages),
    ...Object.keys(SALESFORCE_MAPPING.roles),
    ...Object.keys(HUBSPOT_MAPPING.roles),
    ...Object.keys(SALESFORCE_MAPPING.dealTypes),
    ...Object.keys(HUBSPOT_MAPPING.dealTypes),
    ...Object.keys(SALESFORCE_MAPPING.callOutcomes),
  ];
  it.each(keys)("%s", (key) => {
    expect(page).toContain(key.toLowerCase().replace(/_/g, " "));
  });
});

describe("property: the real fixtures, mutated anywhere, give a valid deal or issues, never a throw", () => {
  // Every path of a value, as key lists.
  const pathsOf = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
    if (typeof value !== "object" || value === null) return [prefix];
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    return [
      prefix,
      ...keys.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], [...prefix, k])),
    ];
  };
  const mutate = (value: unknown, path: (string | number)[], replacement: unknown): unknown => {
    const copy = structuredClone(value);
    if (path.length === 0) return replacement;
    let holder = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (replacement === "<delete>") delete holder[last];
    else holder[last] = replacement;
    return copy;
  };
  const replacement = fc.oneof(
    fc.constantFrom(
      "<delete>",
      null,
      "",
      "not a date",
      "-5",
      "12,000",
      0,
      -1,
      true,
      [],
      {},
      "__proto__",
      "Closed Won",
    ),
    fc.jsonValue({ maxDepth: 2 }),
  );
  it.each(fixtures)("%s %s", (crm, name) => {
    const records = readJson(`examples/crm/${crm}/${name}.records.json`);
    const paths = pathsOf(records);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(paths.length - 1), replacement), { minLength: 1, maxLength: 3 }),
        (edits) => {
          let mutated: unknown = records;
          for (const [i, value] of edits) {
            const path = paths[i] as (string | number)[];
            try {
              mutated = mutate(mutated, path, value);
            } catch {
              // An earlier edit removed this path: skip it.
            }
          }
          const out = CRMS[crm](mutated, { asOf: AS_OF, mapping: mappingOf(crm, name) as never });
          if (out.success) {
            expect(safeParseDeal(out.data.deal).success).toBe(true);
            for (const w of out.data.warnings) expect(typeof w.path).toBe("string");
          } else {
            expect(out.issues.length).toBeGreaterThan(0);
            for (const i of out.issues) expect(i.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300, seed: 20261128 },
    );
  });
});
