import { describe, expect, it } from "vitest";
import { createQualifier, LIMITS, safeParseFramework } from "../src/index.js";

const { operators, catalogue } = createQualifier({ frameworks: [] });
const parse = (input: unknown) => safeParseFramework(input, { operators, frameworks: catalogue });
const criterion = (overrides: Record<string, unknown> = {}) => ({
  id: "c",
  name: "C",
  description: "A criterion.",
  weight: 1,
  status: [{ when: { var: "budget.status" }, status: "met", reason: "Budget is {budget.status}." }],
  unknown: "Not known.",
  questions: [{ id: "q", text: "Q?", topic: "budget", settles: "It" }],
  ...overrides,
});
const framework = (c: unknown[] = [criterion()], extra: Record<string, unknown> = {}) => ({
  id: "mine",
  name: "Mine",
  criteria: c,
  ...extra,
});
const when = (rule: unknown) =>
  framework([criterion({ status: [{ when: rule, status: "met", reason: "ok" }] })]);

type Row = [
  label: string,
  input: unknown,
  expected: { path: string; code: string; suggestion?: string; message?: string },
];
const rows: Row[] = [
  [
    "an id not in kebab case, in the schema's own words",
    framework([criterion({ id: "Bad Id" })]),
    {
      path: "criteria[0].id",
      code: "invalid-format",
      message: `Expected a lower-case kebab-case id such as 'economic-buyer'; received the text "Bad Id"`,
    },
  ],
  [
    "unknown operator, with did you mean",
    when({ "with-rol": ["champion"] }),
    { path: "criteria[0].status[0].when.with-rol", code: "unknown-operator", suggestion: "with-role" },
  ],
  [
    "typo in a var path",
    when({ var: "stakeholder.roles" }),
    { path: "criteria[0].status[0].when.var", code: "unknown-path", suggestion: "stakeholders" },
  ],
  [
    "nested typo",
    when({ var: "budget.staus" }),
    { path: "criteria[0].status[0].when.var", code: "unknown-path", suggestion: "budget.status" },
  ],
  [
    "a path inside some is relative to the item",
    when({ some: [{ var: "stakeholders" }, { "==": [{ var: "sentimnt" }, "positive"] }] }),
    { path: "criteria[0].status[0].when.some[1].==[0].var", code: "unknown-path", suggestion: "sentiment" },
  ],
  [
    "a path inside some over an operator's result is checked too",
    when({ some: [{ "with-role": ["champion"] }, { var: "influense" }] }),
    { path: "criteria[0].status[0].when.some[1].var", code: "unknown-path", suggestion: "influence" },
  ],
  [
    "reading a list's field without some/filter",
    when({ var: "stakeholders.name" }),
    { path: "criteria[0].status[0].when.var", code: "unknown-path" },
  ],
  [
    "wrong number of arguments",
    when({ "==": [1] }),
    { path: "criteria[0].status[0].when.==", code: "arity" },
  ],
  [
    "prototype keys",
    when({ var: "custom.__proto__" }),
    { path: "criteria[0].status[0].when.var", code: "forbidden-key" },
  ],
  [
    "a template placeholder that is no field",
    framework([criterion({ unknown: "No {budgt.status}" })]),
    { path: "criteria[0].unknown{budgt.status}.var", code: "unknown-path", suggestion: "budget.status" },
  ],
  [
    "unknown field in the file",
    { ...framework(), critera: [] },
    { path: "critera", code: "unknown-field", suggestion: "criteria" },
  ],
  [
    "a bad topic",
    framework([criterion({ questions: [{ id: "q", text: "Q?", topic: "money", settles: "It" }] })]),
    { path: "criteria[0].questions[0].topic", code: "invalid-value" },
  ],
  [
    "extends an unknown framework",
    framework([], { extends: "medpicc" }),
    { path: "extends", code: "unknown-framework", suggestion: "meddpicc" },
  ],
  [
    "drops an unknown criterion",
    framework([], { extends: "bant", drop: ["budgett"] }),
    { path: "drop[0]", code: "unknown-criterion", suggestion: "budget" },
  ],
  [
    "duplicate criterion ids",
    framework([criterion(), criterion()]),
    { path: "criteria[1].id", code: "duplicate-id" },
  ],
  [
    "a TypeScript rule nobody registered",
    framework([criterion({ status: undefined, rule: "my-rule" })]),
    { path: "criteria[0].rule", code: "unknown-rule" },
  ],
  [
    "status and rule together",
    framework([criterion({ rule: "enthusiasm-gap" })]),
    { path: "criteria[0]", code: "status-or-rule" },
  ],
];

describe("framework files are validated on load, with paths", () => {
  it.each(rows)("%s", (_label, input, expected) => {
    const result = parse(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toContainEqual(expect.objectContaining(expected));
  });

  it("custom.* paths are free", () => {
    expect(parse(when({ var: "custom.anything.at.all" })).success).toBe(true);
  });

  it("reports every problem at once", () => {
    const result = parse(
      framework([
        criterion({
          status: [{ when: { and: [{ var: "budgt" }, { nope: [] }] }, status: "met", reason: "{x}" }],
        }),
      ]),
    );
    expect(result.success ? 0 : result.issues.length).toBe(3);
  });

  it.each([
    [
      "too deep",
      (() => {
        let rule: unknown = { var: "stage" };
        for (let i = 0; i < LIMITS.maxDepth + 5; i++) rule = { "!": [rule] };
        return rule;
      })(),
      "too-deep",
    ],
    ["too large", { cat: Array.from({ length: LIMITS.maxNodes + 10 }, () => "x") }, "too-large"],
    ["not JSON", { "==": [() => 1, 1] }, "not-json"],
  ])("rejects a rule that is %s, without running it", (_label, rule, code) => {
    const result = parse(when(rule));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => i.code)).toContain(code);
  });

  it("a rule nested 100,000 deep is an issue, not a RangeError", () => {
    let rule: unknown = { var: "stage" };
    for (let i = 0; i < 100_000; i++) rule = { "!": [rule] };
    const result = parse(when(rule));
    expect(result.success ? [] : result.issues.map((i) => i.code)).toContain("too-deep");
  });

  it("a parsed JSON __proto__ key is an unknown operator, and pollutes nothing", () => {
    const rule = JSON.parse('{"__proto__": {"polluted": true}}');
    const result = parse(when(rule));
    expect(result.success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("extends", () => {
  it("changes weights, adds a criterion, adds questions and drops criteria", () => {
    const result = parse({
      id: "my-bant",
      name: "My BANT",
      extends: "bant",
      drop: ["timeline"],
      criteria: [
        {
          id: "budget",
          weight: 40,
          questions: [
            {
              id: "procurement-cap",
              text: "What can you sign without procurement?",
              topic: "budget",
              settles: "The sign-off limit",
            },
          ],
        },
        criterion({ id: "security", name: "Security review" }),
      ],
    });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.criteria.map((c) => [c.id, c.weight])).toEqual([
      ["budget", 40],
      ["authority", 25],
      ["need", 25],
      ["security", 1],
    ]);
    expect(result.data.criteria[0]?.questions.map((q) => q.id)).toEqual([
      "how-funded",
      "budget-range",
      "budget-owner",
      "budget-covers",
      "procurement-cap",
    ]);
    // Origin is not inherited: a company's framework was not made by the authors of the one it extends.
    expect(result.data.origin).toBeUndefined();
  });

  it("a new criterion must be complete", () => {
    const result = parse({ id: "x", name: "X", extends: "bant", criteria: [{ id: "extra", weight: 5 }] });
    expect(result.success ? [] : result.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        "criteria[0].name",
        "criteria[0].description",
        "criteria[0].unknown",
        "criteria[0].questions",
      ]),
    );
  });
});
