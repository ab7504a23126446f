import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileLogic,
  createQualifier,
  defineOperator,
  definePlugin,
  defineRule,
  domainOperators,
  QualifyError,
  safeParseDeal,
} from "../src/index.js";
import { createOperatorSet } from "../src/logic/operator-set.js";
import { readJson } from "./support/helpers.js";

// Keys that shadow the methods JavaScript calls implicitly: data may carry any of them.
const oddKey = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom("toString", "valueOf", "indexOf", "length", "join", "__proto__", "constructor", "then"),
);
const json = fc
  .jsonValue({ maxDepth: 4 })
  .chain((v) =>
    fc.oneof(
      fc.constant(v),
      fc.dictionary(oddKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
      fc.array(fc.dictionary(oddKey, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }), { maxLength: 3 }),
    ),
  );
const operators = createOperatorSet(domainOperators);
const names = [...operators.keys()].filter((n) => !["var", "missing", "missing_some"].includes(n));

describe("operators are total over JSON values (no implicit toString/valueOf/indexOf on data)", () => {
  const cases: Array<[string, unknown, unknown]> = [
    ["== on an object with toString: 1", { "==": [{ var: "custom.tier" }, "gold"] }, { toString: 1 }],
    ["< on an object with valueOf", { "<": [{ var: "custom.tier" }, 3] }, { valueOf: "x" }],
    ["in with an object where a list is expected", { in: ["a", { var: "custom.tier" }] }, { indexOf: 1 }],
    ["cat of an object with toString", { cat: ["a", { var: "custom.tier" }] }, { toString: {} }],
    ["+ of a list holding such an object", { "+": [{ var: "custom.tier" }, 1] }, [{ toString: 1 }]],
    ["missing_some over an absent list", { missing_some: [1, { var: "custom.nothing" }] }, 1],
    ["var with a computed path that is an object", { var: { var: "custom.tier" } }, { toString: 2 }],
    ["substr with object arguments", { substr: [{ var: "custom.tier" }, { var: "custom.tier" }] }, {}],
  ];
  it.each(cases)("%s", (_, rule, tier) => {
    expect(() => compileLogic(rule, { operators })({ custom: { tier } })).not.toThrow();
  });

  it("every operator, on any JSON arguments (odd keys included), returns a JSON value, the same each time", () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(json, { minLength: 1, maxLength: 3 }), (op, args) => {
        const rule = { [op]: args.map((_, i) => ({ var: `a.${i}` })) };
        const fn = compileLogic(rule, { operators });
        const value = fn({ a: args }, { asOf: "2026-01-01" });
        // A value a rule can hold: JSON, with no undefined or function inside (NaN is JsonLogic's own
        // answer to arithmetic on text, as in json-logic-js).
        const asJson = (x: unknown) =>
          JSON.stringify(x, (_, v) => {
            if (v === undefined || typeof v === "function")
              throw new Error(`${op} gave ${String(v)} inside its value`);
            return typeof v === "number" && !Number.isFinite(v) ? String(v) : v;
          });
        const text = asJson(value);
        expect(text, `${op} gave undefined`).toBeTypeOf("string");
        // Pure: the same arguments give the same value.
        expect(asJson(fn({ a: args }, { asOf: "2026-01-01" }))).toBe(text);
      }),
      { numRuns: 3000, seed: 20261128 },
    );
  });
});

/** A copy of `list` with a hole at `at` (as `[1, , 3]` makes). */
function holey(list: unknown[], at: number): unknown[] {
  const out = [...list];
  delete out[at];
  return out;
}

const story = readJson("examples/deals/story-alice.json") as Record<string, unknown>;

describe("data under custom never crashes an evaluation", () => {
  const readsCustom = {
    id: "acme",
    name: "Acme",
    criteria: [
      {
        id: "tier",
        name: "Tier",
        description: "D",
        weight: 1,
        status: [
          { when: { "==": [{ var: "custom.tier" }, "gold"] }, status: "met", reason: "gold" },
          { when: { in: ["x", { var: "custom.tier" }] }, status: "partial", reason: "x" },
          { when: { "!!": { var: "custom.deep" } }, status: "unmet", reason: "deep" },
        ],
        unknown: "U",
        questions: [],
      },
    ],
  };
  const q = createQualifier({ frameworks: [readsCustom] });
  let deep: unknown = "bottom";
  for (let i = 0; i < 5000; i++) deep = { d: deep };
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;

  it.each<[string, unknown]>([
    ["an object with toString: 1", { tier: { toString: 1 } }],
    ["an object with indexOf", { tier: { indexOf: 1, length: 3 } }],
    ["a list of hostile objects", { tier: [{ toString: 1 }, { valueOf: 1 }] }],
  ])("%s: a report", (_, custom) => {
    const result = q.safeEvaluate({ ...story, custom }, { asOf: "2026-11-27" });
    expect(result.success).toBe(true);
  });

  it.each([
    ["nested 5,000 deep", { deep }, "custom.deep", "too-deep"],
    ["a cycle", { cycle }, "custom.cycle.self", "cycle"],
    ["a BigInt", { big: 10n }, "custom.big", "not-json"],
    ["a function", { f: () => 1 }, "custom.f", "not-json"],
    ["NaN", { n: Number.NaN }, "custom.n", "not-json"],
    ["a Date object", { when: new Date(0) }, "custom.when", "not-json"],
    ["an array hole", { list: holey([1, 2, 3], 1) }, "custom.list[1]", "not-json"],
  ])("%s: an issue with its path, never a throw", (_, custom, path, code) => {
    const result = q.safeEvaluate({ ...story, custom }, { asOf: "2026-11-27" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toContainEqual(
      expect.objectContaining({ path: expect.stringMatching(`^${path.replace(/[.[\]]/g, "\\$&")}`), code }),
    );
  });

  it("an array hole in a typed list is an issue, not a crash", () => {
    const stakeholders = holey([0, ...(story.stakeholders as unknown[])], 0);
    expect(safeParseDeal({ ...story, stakeholders }).success).toBe(false);
    const result = q.safeEvaluate({ ...story, stakeholders }, { asOf: "2026-11-27" });
    expect(result.success).toBe(false);
  });

  it("evidence copied from a huge value is bounded", () => {
    const wide = Array.from({ length: 50_000 }, (_, i) => ({ i }));
    const result = createQualifier({
      frameworks: [
        {
          ...readsCustom,
          criteria: [
            {
              ...readsCustom.criteria[0],
              status: [{ when: { "!!": { var: "custom.wide" } }, status: "met", reason: "R" }],
            },
          ],
        },
      ],
    }).safeEvaluate({ ...story, custom: { wide } }, { asOf: "2026-11-27" });
    expect(result.success).toBe(true);
    if (!result.success) return;
    const evidence = result.data.frameworks[0]?.criteria[0]?.evidence[0];
    expect(JSON.stringify(evidence).length).toBeLessThan(100_000);
  });
});

describe("a throwing or misbehaving plugin is an issue naming it; batches go on", () => {
  const framework = (rule: Record<string, unknown>) => ({
    id: "acme",
    name: "Acme",
    criteria: [{ id: "c", name: "C", description: "D", weight: 1, ...rule, unknown: "U", questions: [] }],
  });
  const boom = defineOperator({
    name: "boom",
    description: "Throws when asked about a deal named Boom.",
    evaluate: (_, { root }) => {
      if ((root as { name?: string }).name === "Boom") throw new Error("kaboom");
      return true;
    },
  });
  const withOperator = createQualifier({
    plugins: [definePlugin({ name: "p", operators: [boom] })],
    frameworks: [framework({ status: [{ when: { boom: [] }, status: "met", reason: "R" }] })],
  });

  it("a throwing operator: safeEvaluate returns an issue naming the criterion and the deal", () => {
    const result = withOperator.safeEvaluate(
      { id: "d1", name: "Boom" },
      { asOf: "2026-01-01", errorDetails: true },
    );
    expect(result).toEqual({
      success: false,
      kind: "rule-failed",
      cause: expect.objectContaining({ message: "kaboom" }),
      issues: [
        {
          path: "frameworks.acme.criteria.c",
          segments: ["frameworks", "acme", "criteria", "c"],
          code: "rule-failed",
          message: 'Criterion acme/c failed on deal "d1": kaboom',
        },
      ],
    });
  });

  it("a plugin's error text is not echoed to the caller unless asked: the cause keeps it", () => {
    const result = withOperator.safeEvaluate({ id: "d1", name: "Boom" }, { asOf: "2026-01-01" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.kind).toBe("rule-failed");
    expect(result.issues[0]?.message).not.toContain("kaboom");
    expect(result.issues[0]?.message).toContain('Criterion acme/c failed on deal "d1"');
    expect((result.cause as Error).message).toBe("kaboom");
    let thrown: unknown;
    try {
      withOperator.evaluate({ id: "d1", name: "Boom" }, { asOf: "2026-01-01" });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(QualifyError);
    expect((thrown as QualifyError).kind).toBe("rule-failed");
    expect((thrown as QualifyError).message).toMatch(/^Evaluation failed/);
    expect(((thrown as QualifyError).cause as Error).message).toBe("kaboom");
  });

  it("evaluateMany goes on after a failing deal", async () => {
    const deals = [
      { id: "a", name: "A" },
      { id: "b", name: "Boom" },
      { id: "c", name: "C" },
    ];
    const out = [];
    for await (const r of withOperator.evaluateMany(deals, { asOf: "2026-01-01" }))
      out.push([r.index, r.success]);
    expect(out).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
  });

  const badRule = (evaluate: () => unknown, findings?: string[]) =>
    createQualifier({
      plugins: [
        definePlugin({
          name: "p",
          rules: [
            defineRule({
              id: "r",
              description: "D",
              ...(findings ? { findings } : {}),
              evaluate: evaluate as never,
            }),
          ],
        }),
      ],
      frameworks: [framework({ rule: "r" })],
    }).safeEvaluate({ id: "d", name: "D" }, { asOf: "2026-01-01", errorDetails: true });

  it.each([
    [
      "throws",
      () => {
        throw new Error("no");
      },
      "rule-failed",
      /Rule "r" failed on deal "d": no/,
    ],
    [
      "throws a non-error",
      () => {
        throw 42;
      },
      "rule-failed",
      /non-error value/,
    ],
    ["returns a status outside the enum", () => ({ status: "great" }), "bad-rule-outcome", /status "great"/],
    ["returns a non-string reason", () => ({ status: "met", reason: 5 }), "bad-rule-outcome", /reason 5/],
    ["returns a string", () => "met", "bad-rule-outcome", /not an outcome/],
    [
      "reports a finding it did not declare",
      () => ({ findings: [{ id: "other", severity: "info", message: "m" }] }),
      "bad-rule-outcome",
      /does not declare/,
    ],
    [
      "reports a severity outside the enum",
      () => ({ findings: [{ id: "f", severity: "fatal", message: "m" }] }),
      "bad-rule-outcome",
      /severity "fatal"/,
    ],
  ])("a rule that %s: an issue, never a throw or a broken report", (_, evaluate, code, message) => {
    const result = badRule(evaluate, ["f"]);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]?.code).toBe(code);
    expect(result.issues[0]?.path).toBe("rules.r");
    expect(result.issues[0]?.message).toMatch(message);
  });

  it("safeEvaluate never throws, whatever the input (a proxy that throws on every read)", () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
        ownKeys: () => {
          throw new Error("trap");
        },
      },
    );
    expect(() => withOperator.safeEvaluate(hostile)).not.toThrow();
    expect(withOperator.safeEvaluate(hostile).success).toBe(false);
  });
});

describe("plugins get a read-only deal", () => {
  it("an operator that mutates the deal can change neither the caller's deal nor later criteria", () => {
    const mutate = defineOperator({
      name: "mutate",
      description: "Tries to change the deal.",
      evaluate: (_, { root }) => {
        try {
          (root as { stage?: string }).stage = "closed-won";
          (
            (root as { stakeholders: Array<{ roles: string[] }> }).stakeholders[0] as { roles: string[] }
          ).roles.push("economic-buyer");
        } catch {}
        return false;
      },
    });
    const q = createQualifier({
      plugins: [definePlugin({ name: "p", operators: [mutate] })],
      frameworks: [
        {
          id: "acme",
          name: "Acme",
          criteria: [
            {
              id: "a",
              name: "A",
              description: "D",
              weight: 1,
              status: [{ when: { mutate: [] }, status: "met", reason: "R" }],
              unknown: "U",
              questions: [],
            },
            {
              id: "b",
              name: "B",
              description: "D",
              weight: 1,
              status: [{ when: { "==": [{ var: "stage" }, "closed-won"] }, status: "met", reason: "R" }],
              unknown: "U",
              questions: [],
            },
          ],
        },
      ],
    });
    const deal = structuredClone(story);
    const before = JSON.stringify(deal);
    const report = q.evaluate(deal as unknown, { asOf: "2026-11-27" });
    expect(JSON.stringify(deal)).toBe(before);
    expect(report.frameworks[0]?.criteria[1]?.status).toBe("unknown");
  });
});
