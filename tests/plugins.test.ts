import { describe, expect, it } from "vitest";
import {
  compileLogic,
  createQualifier,
  defineOperator,
  definePlugin,
  defineRule,
  explainLogic,
  type FrameworkInput,
} from "../src/index.js";

const op = (value: string) =>
  defineOperator({
    name: "segment",
    description: "The account's segment.",
    arity: { min: 0, max: 0 },
    evaluate: () => value,
  });
const frameworkUsing = (id: string): FrameworkInput => ({
  id,
  name: id,
  criteria: [
    {
      id: "segment",
      name: "Segment",
      description: "Enterprise accounts only.",
      weight: 1,
      status: [{ when: { "==": [{ segment: [] }, "enterprise"] }, status: "met", reason: "Enterprise." }],
      unknown: "Not enterprise.",
      questions: [{ id: "size", text: "How big are you?", topic: "situation", settles: "The segment" }],
    },
  ],
});

describe("one registry per qualifier", () => {
  it("two qualifiers with different operators of the same name do not affect each other", () => {
    const a = createQualifier({
      frameworks: ["seg"],
      plugins: [
        definePlugin({ name: "a", operators: [op("enterprise")], frameworks: [frameworkUsing("seg")] }),
      ],
    });
    const b = createQualifier({
      frameworks: ["seg"],
      plugins: [definePlugin({ name: "b", operators: [op("smb")], frameworks: [frameworkUsing("seg")] })],
    });
    const deal = { id: "d", name: "D" };
    expect(a.evaluate(deal, { asOf: "2026-01-01" }).frameworks[0]?.criteria[0]?.status).toBe("met");
    expect(b.evaluate(deal, { asOf: "2026-01-01" }).frameworks[0]?.criteria[0]?.status).toBe("unknown");
    expect(a.evaluate(deal, { asOf: "2026-01-01" }).frameworks[0]?.criteria[0]?.status).toBe("met");
  });

  it("a plugin operator is unknown to a qualifier without the plugin", () => {
    expect(() => createQualifier({ frameworks: [frameworkUsing("seg")] })).toThrow(
      /Unknown operator "segment"/,
    );
  });

  it("an operator may not take a built-in's name", () => {
    expect(() =>
      createQualifier({
        plugins: [
          { name: "x", operators: [defineOperator({ name: "var", description: "no", evaluate: () => 1 })] },
        ],
      }),
    ).toThrow(/defined twice/);
  });

  it("a TypeScript rule decides a criterion and reports a finding", () => {
    const bigDeal = defineRule({
      id: "big-deal",
      description: "Deals over 100k need a second approver.",
      findings: ["big-deal"],
      evaluate: (deal) => {
        const value = deal.amount?.value;
        if (value === undefined) return undefined;
        return {
          status: value > 100_000 ? "met" : "unmet",
          reason: `The deal is worth ${value}.`,
          evidence: [{ path: "amount.value", value }],
          findings:
            value > 100_000
              ? [{ id: "big-deal", severity: "info", message: "Over 100k: a second approver signs." }]
              : [],
        };
      },
    });
    const framework = {
      ...frameworkUsing("size"),
      criteria: [{ ...frameworkUsing("size").criteria[0], status: undefined, rule: "big-deal" }],
    };
    const q = createQualifier({
      frameworks: [framework],
      plugins: [definePlugin({ name: "p", rules: [bigDeal] })],
    });
    const report = q.evaluate({ id: "d", name: "D", amount: { value: 250_000 } }, { asOf: "2026-01-01" });
    expect(report.frameworks[0]?.criteria[0]).toMatchObject({
      status: "met",
      explanation: "The deal is worth 250000.",
      evidence: [{ path: "amount.value", value: 250000 }],
    });
    expect(report.findings.map((f) => f.id)).toContain("big-deal");
    expect(
      q.evaluate({ id: "d", name: "D" }, { asOf: "2026-01-01" }).frameworks[0]?.criteria[0]?.status,
    ).toBe("unknown");
  });
});

describe("domain operators", () => {
  const deal = {
    stakeholders: [
      { id: "ceo", name: "Cleo", roles: ["economic-buyer"] },
      { id: "vp", name: "Vic", reportsTo: "ceo", engaged: true },
      { id: "dev", name: "Dee", reportsTo: "vp", engaged: true, roles: ["champion"] },
    ],
    timeline: { decisionBy: "2026-12-01" },
  };
  const { operators } = createQualifier({ frameworks: [] });
  const run = (rule: unknown) => compileLogic(rule, { operators })(deal, { asOf: "2026-11-27" });
  it.each([
    [{ map: [{ "with-role": ["economic-buyer"] }, { var: "id" }] }, ["ceo"]],
    [{ map: [{ engaged: [] }, { var: "id" }] }, ["vp", "dev"]],
    [{ "reports-to-role": ["dev", "economic-buyer"] }, true],
    [{ "reports-to-role": ["ceo", "economic-buyer"] }, false],
    [{ "has-role": [{ stakeholder: ["dev"] }, "champion"] }, true],
    [{ "days-until": [{ var: "timeline.decisionBy" }] }, 4],
    [{ "days-since": ["2026-11-20"] }, 7],
    [{ "days-until": [{ var: "timeline.startBy" }] }, null],
    [{ list: [{ var: "stakeholders" }] }, "Cleo, Vic and Dee"],
    [{ count: [{ var: "stakeholders" }] }, 3],
  ])("%j gives %j", (rule, expected) => {
    expect(run(rule)).toEqual(expected);
  });

  it("var never reaches the prototype: rejected on load, and null at run time", () => {
    expect(() => compileLogic({ var: "a.__proto__" })).toThrow(/may not be read/);
    expect(compileLogic({ var: { cat: ["con", "structor"] } })({})).toBeNull();
    expect(compileLogic({ var: { cat: ["a.__pro", "to__"] } })({ a: {} })).toBeNull();
    expect(compileLogic({ var: "toString" })({})).toBeNull();
  });
});

describe("traces", () => {
  it("keep what each sub-expression saw and returned", () => {
    const { value, trace } = explainLogic(
      { and: [{ ">": [{ var: "n" }, 1] }, { some: [{ var: "xs" }, { "==": [{ var: "" }, 2] }] }] },
      { n: 5, xs: [1, 2] },
    );
    expect(value).toBe(true);
    expect(trace.op).toBe("and");
    expect(trace.children.map((c) => [c.op, c.result])).toEqual([
      [">", true],
      ["some", true],
    ]);
    const some = trace.children[1];
    // Inside some, each item is the data the body saw.
    expect(some?.children.slice(1).map((c) => [c.data, c.result])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it("evaluate({ trace: true }) attaches them to criteria", () => {
    const report = createQualifier({ frameworks: ["bant"] }).evaluate(
      { id: "d", name: "D", budget: { status: "approved" } },
      { asOf: "2026-01-01", trace: true },
    );
    const budget = report.frameworks[0]?.criteria[0] as {
      trace?: Array<{ status: string; when: { result: unknown } }>;
    };
    expect(budget.trace?.map((t) => [t.status, t.when.result])).toEqual([
      ["unmet", false], // no spending freeze
      ["unmet", false], // status is not none
      ["partial", 0], // its owner is not lost (there is none)
      ["partial", null], // no amounts to compare: currencies
      ["partial", null], // no amounts to compare: short
      ["met", null], // no amounts to compare: covers
      ["partial", false], // not late in the deal
      ["met", true], // approved
      ["partial", false],
    ]);
  });
});
