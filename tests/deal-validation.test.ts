import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDeal, QualifyError, safeParseDeal } from "../src/index.js";

const base = { id: "d1", name: "Deal" };
const alice = { id: "alice", name: "Alice" };
const bob = { id: "bob", name: "Bob" };

type Case = [
  label: string,
  input: unknown,
  expected: Array<{ path: string; code: string; suggestion?: string }>,
];

const cases: Case[] = [
  ["not an object at all", 42, [{ path: "", code: "invalid-type" }]],
  ["null", null, [{ path: "", code: "invalid-type" }]],
  ["an array", [], [{ path: "", code: "invalid-type" }]],
  [
    "missing required fields",
    {},
    [
      { path: "id", code: "invalid-type" },
      { path: "name", code: "invalid-type" },
    ],
  ],
  ["wrong type", { ...base, amount: { value: "lots" } }, [{ path: "amount.value", code: "invalid-type" }]],
  [
    "bad enum with a suggestion",
    { ...base, stage: "negociation" },
    [{ path: "stage", code: "invalid-value", suggestion: "negotiation" }],
  ],
  [
    "bad role inside a stakeholder",
    { ...base, stakeholders: [{ ...alice, roles: ["champion", "economic_buyer"] }] },
    [{ path: "stakeholders[0].roles[1]", code: "invalid-value", suggestion: "economic-buyer" }],
  ],
  [
    "unknown field with did you mean",
    { ...base, stakeholder: [alice] },
    [{ path: "stakeholder", code: "unknown-field", suggestion: "stakeholders" }],
  ],
  [
    "unknown nested field",
    { ...base, stakeholders: [{ ...alice, reportTo: "bob" }, bob] },
    [{ path: "stakeholders[0].reportTo", code: "unknown-field", suggestion: "reportsTo" }],
  ],
  [
    "dangling reportsTo",
    { ...base, stakeholders: [{ ...alice, reportsTo: "bobb" }, bob] },
    [{ path: "stakeholders[0].reportsTo", code: "dangling-reference", suggestion: "bob" }],
  ],
  [
    "dangling budget owner, need owner, metric and interaction",
    {
      ...base,
      stakeholders: [alice],
      budget: { ownerId: "carol" },
      needs: [{ description: "x", ownerId: "dave" }],
      metrics: [{ description: "m", agreedBy: "erin" }],
      interactions: [{ date: "2026-01-02", stakeholderIds: ["alice", "frank"] }],
    },
    [
      { path: "budget.ownerId", code: "dangling-reference" },
      { path: "needs[0].ownerId", code: "dangling-reference" },
      { path: "metrics[0].agreedBy", code: "dangling-reference" },
      { path: "interactions[0].stakeholderIds[1]", code: "dangling-reference" },
    ],
  ],
  [
    "duplicate stakeholder id",
    { ...base, stakeholders: [alice, { ...alice, name: "Alice 2" }] },
    [{ path: "stakeholders[1].id", code: "duplicate-id" }],
  ],
  [
    "impossible date",
    { ...base, timeline: { decisionBy: "2026-02-30" } },
    [{ path: "timeline.decisionBy", code: "invalid-date" }],
  ],
  [
    "malformed date",
    { ...base, timeline: { startBy: "next week" } },
    [{ path: "timeline.startBy", code: "invalid-date" }],
  ],
  [
    "reportsTo cycle",
    {
      ...base,
      stakeholders: [
        { ...alice, reportsTo: "bob" },
        { ...bob, reportsTo: "alice" },
      ],
    },
    [{ path: "stakeholders[0].reportsTo", code: "cycle" }],
  ],
  [
    "self-report is a cycle",
    { ...base, stakeholders: [{ ...alice, reportsTo: "alice" }] },
    [{ path: "stakeholders[0].reportsTo", code: "cycle" }],
  ],
  [
    "every problem at once",
    {
      id: 7,
      name: "x",
      stage: "won",
      stakeholders: [{ ...alice, reportsTo: "zed" }, alice, { id: "c" }],
      timeline: { decisionBy: "2026-13-01" },
      budgett: {},
    },
    [
      { path: "id", code: "invalid-type" },
      { path: "stage", code: "invalid-value" },
      { path: "stakeholders[2].name", code: "invalid-type" },
      { path: "timeline.decisionBy", code: "invalid-date" },
      { path: "budgett", code: "unknown-field", suggestion: "budget" },
      { path: "stakeholders[1].id", code: "duplicate-id" },
      { path: "stakeholders[0].reportsTo", code: "dangling-reference" },
    ],
  ],
];

describe("safeParseDeal", () => {
  it.each(cases)("%s", (_label, input, expected) => {
    const result = safeParseDeal(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    const got = result.issues.map((i) => ({
      path: i.path,
      code: i.code,
      ...(i.suggestion ? { suggestion: i.suggestion } : {}),
    }));
    for (const e of expected) expect(got).toContainEqual(expect.objectContaining(e));
    expect(got).toHaveLength(expected.length);
    for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(5);
  });

  it("accepts a minimal deal and a full one", () => {
    expect(safeParseDeal(base).success).toBe(true);
    const full = {
      ...base,
      stage: "negotiation",
      amount: { value: 120000, currency: "EUR" },
      account: { name: "Acme", industry: "Retail", employees: 800, technicalMaturity: "medium" },
      stakeholders: [
        {
          ...alice,
          roles: ["champion"],
          reportsTo: "bob",
          engaged: true,
          lastContact: "2026-11-01T10:00:00Z",
        },
        { ...bob, roles: ["economic-buyer"], seniority: "executive", technical: false, influence: "high" },
      ],
      budget: { status: "approved", amount: { value: 150000, currency: "EUR" }, ownerId: "bob" },
      timeline: { decisionBy: "2026-12-15", startBy: "2027-01-10", compellingEvent: "Contract renewal" },
      needs: [{ description: "Cut churn", impact: "high", quantified: true, ownerId: "bob" }],
      metrics: [{ description: "Churn", baseline: "8%", target: 5, agreedBy: "bob" }],
      decision: {
        criteria: [{ description: "SSO", kind: "technical" }],
        process: "mapped",
        processSteps: ["a"],
      },
      competition: [{ name: "BigCo", kind: "brand-leader", position: "level" }],
      interactions: [{ date: "2026-11-01", kind: "call", stakeholderIds: ["alice", "bob"] }],
      custom: { anything: [1, { deep: true }] },
    };
    const result = safeParseDeal(full);
    expect(result).toEqual({ success: true, data: full });
  });

  it("parseDeal throws one QualifyError carrying every issue", () => {
    try {
      parseDeal({ id: 1, name: 2 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QualifyError);
      expect((e as QualifyError).issues.map((i) => i.path)).toEqual(["id", "name"]);
      expect((e as QualifyError).message).toContain("2 problems");
    }
  });

  it("never throws, whatever JSON it is given", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ id: fc.string(), name: fc.string(), stakeholders: fc.jsonValue() }),
        ),
        (value) => {
          const result = safeParseDeal(value);
          if (!result.success) {
            expect(result.issues.length).toBeGreaterThan(0);
            for (const issue of result.issues) expect(typeof issue.path).toBe("string");
          }
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});
