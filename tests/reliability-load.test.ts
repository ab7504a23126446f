import jsonLogic from "json-logic-js";
import { describe, expect, it } from "vitest";
import { formatMarkdown, formatText } from "../src/cli/format-report.js";
import { makeStyle } from "../src/cli/style.js";
import {
  createQualifier,
  defineOperator,
  definePlugin,
  formatIssues,
  safeParseDeal,
  safeParseFramework,
} from "../src/index.js";
import { formatNumber } from "../src/logic/template.js";
import { readJson } from "./support/helpers.js";

const story = readJson("examples/deals/story-alice.json") as Record<string, unknown>;
const { operators, catalogue } = createQualifier({ frameworks: [] });
const parse = (input: unknown) => safeParseFramework(input, { operators, frameworks: catalogue });
const criterion = (when: unknown, extra: Record<string, unknown> = {}) => ({
  id: "c",
  name: "C",
  description: "D",
  weight: 1,
  status: [{ when, status: "met", reason: "R" }],
  unknown: "U",
  questions: [],
  ...extra,
});
const framework = (...criteria: unknown[]) => ({ id: "acme", name: "Acme", criteria });
const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `P${i}`, engaged: true }));

describe.each([
  ["closures", false],
  ["codegen", true],
])("evaluation budget (%s): a runaway rule stops with an issue naming it", (_mode, codegen) => {
  it.each([
    [
      "three nested loops over 800 stakeholders",
      { some: [{ engaged: [] }, { some: [{ engaged: [] }, { some: [{ engaged: [] }, false] }] }] },
    ],
    [
      "a reduce that merges its accumulator with itself",
      { reduce: [{ engaged: [] }, { merge: [{ var: "accumulator" }, { var: "accumulator" }] }, [1]] },
    ],
    [
      "a reduce that doubles a string",
      { reduce: [{ engaged: [] }, { cat: [{ var: "accumulator" }, { var: "accumulator" }] }, "xy"] },
    ],
  ])("%s", (_, when) => {
    const q = createQualifier({ frameworks: [framework(criterion(when))], codegen });
    // Stopped by its budget of steps (a count, not a clock): it fails with budget-exceeded.
    const result = q.safeEvaluate({ id: "d", name: "D", stakeholders: people(800) }, { asOf: "2026-01-01" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]).toMatchObject({ path: "frameworks.acme.criteria.c", code: "budget-exceeded" });
  });

  it("the budget is configurable, and generous for the built-ins on a large deal", () => {
    const big = {
      ...story,
      stakeholders: [
        ...(story.stakeholders as unknown[]),
        ...people(5000).map((p) => ({ ...p, id: `x${p.id}` })),
      ],
    };
    const all = createQualifier({ frameworks: [...catalogue.keys()] });
    expect(all.safeEvaluate(big, { asOf: "2026-11-27" }).success).toBe(true);
    const tight = createQualifier({ frameworks: ["bant"], budget: { steps: 10, perItem: 0 }, codegen });
    expect(tight.safeEvaluate(big, { asOf: "2026-11-27" }).success).toBe(false);
  });

  it("validate warns about loops over the deal nested in loops", () => {
    const result = parse(
      framework(criterion({ some: [{ engaged: [] }, { some: [{ "with-role": ["champion"] }, true] }] })),
    );
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.warnings?.[0]).toMatchObject({ code: "quadratic", severity: "warning" });
    // A loop over the item's own list is fine.
    const fine = parse(
      framework(criterion({ some: [{ engaged: [] }, { in: ["champion", { var: "roles" }] }] })),
    );
    expect(fine.success && fine.data.warnings).toBeFalsy();
  });
});

describe("limits and numbers in framework files", () => {
  it("100,000 criteria: refused at once with a clean error", () => {
    const result = parse(
      framework(...Array.from({ length: 100_000 }, (_, i) => ({ ...criterion(true), id: `c${i}` }))),
    );
    expect(result.success).toBe(false);
    // At once: the one size issue, before any criterion is read (none of theirs is reported).
    if (!result.success)
      expect(result.issues).toEqual([expect.objectContaining({ path: "criteria", code: "too-large" })]);
  });

  it("weights whose sum is not a finite number are refused", () => {
    const result = parse(
      framework({ ...criterion(true), weight: 1e6 }, { ...criterion(true), id: "d", weight: 1e308 }),
    );
    expect(result.success).toBe(false);
  });

  it.each([
    [1e21, "1,000,000,000,000,000,000,000"],
    [120000, "120,000"],
    [1234.5, "1,234.5"],
    [-2.25, "-2.25"],
    [1e-7, "0"],
    [Number.NaN, "unknown"],
  ])("amount %s reads %s", (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});

describe("values the validator used to miss", () => {
  it.each([
    [{ "with-role": ["econmic-buyer"] }, "economic-buyer"],
    [{ "==": [{ var: "stage" }, "proposl"] }, "proposal"],
    [{ "==": [{ var: "budget.status" }, "aproved"] }, "approved"],
    [{ in: ["econmic-buyer", { var: "stakeholders.0.roles" }] }, "economic-buyer"],
    [{ some: [{ var: "stakeholders" }, { in: ["chmpion", { var: "roles" }] }] }, "champion"],
    [{ "has-role": [{ var: "" }, "cach"] }, "coach"],
  ])("%j: an issue with a suggestion", (when, suggestion) => {
    const result = parse(framework(criterion(when)));
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues).toContainEqual(expect.objectContaining({ code: "invalid-value", suggestion }));
  });

  it("a framework file with a built-in's id is refused unless it replaces it", () => {
    const bant = { ...framework(criterion(true)), id: "bant" };
    expect(() =>
      createQualifier({ plugins: [definePlugin({ name: "p", frameworks: [bant as never] })] }),
    ).toThrow(/already known/);
    const replaced = createQualifier({
      frameworks: ["bant"],
      plugins: [definePlugin({ name: "p", frameworks: [{ ...bant, replaces: true } as never] })],
    });
    expect(replaced.frameworks[0]?.criteria.map((c) => c.id)).toEqual(["c"]);
    expect(() => createQualifier({ frameworks: ["bant", "bant"] })).toThrow(/chosen twice/);
  });

  it("years 0000-0099 are real years, not 19xx", () => {
    expect(safeParseDeal({ id: "d", name: "D", timeline: { decisionBy: "0029-02-29" } }).success).toBe(false);
    expect(safeParseDeal({ id: "d", name: "D", timeline: { decisionBy: "0028-02-29" } }).success).toBe(true);
  });
});

describe("output that cannot be hijacked", () => {
  const hostile = {
    ...story,
    name: "Evil\u001b]0;pwned\u0007\u001b[2J <img src=x onerror=alert(1)> [click](javascript:alert(1))",
  };
  const report = createQualifier().evaluate(hostile as unknown, { asOf: "2026-11-27" });

  it("text output escapes control characters", () => {
    const text = formatText(report, makeStyle({ isTTY: false }, {}));
    expect(text).not.toContain("\u001b");
    expect(text).not.toContain("\u0007");
    expect(text).toContain("Evil\\u001b]0;pwned\\u0007\\u001b[2J");
  });

  it("markdown output escapes HTML and links", () => {
    const md = formatMarkdown(report);
    expect(md).not.toContain("<img");
    expect(md).not.toMatch(/[^\\]\]\(javascript:/); // the brackets are escaped: no link
    expect(md).toContain("\\[click\\](javascript:alert(1))");
    expect(md).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("a key with a newline or a dot cannot forge validate output", () => {
    const result = safeParseDeal({ id: "d", name: "D", budget: { "status.x": 1, "a\nforged: line": 2 } });
    expect(result.success).toBe(false);
    if (result.success) return;
    const text = formatIssues(result.issues);
    expect(text.split("\n")).toHaveLength(result.issues.length);
    expect(text).toContain('budget["status.x"]');
  });

  it("long keys are cut in messages", () => {
    const result = safeParseDeal({ id: "d", name: "D", ["k".repeat(1_000_000)]: 1 });
    expect(result.success).toBe(false);
    if (!result.success) expect(formatIssues(result.issues).length).toBeLessThan(2_000);
  });

  it("at most 100 issues per input, then how many more", () => {
    const result = safeParseDeal({
      id: "d",
      name: "D",
      stakeholders: people(500).map((p) => ({ ...p, reportsTo: "nobody" })),
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toHaveLength(101);
    expect(result.issues[100]).toMatchObject({
      code: "too-many-issues",
      message: expect.stringContaining("and 400 more"),
    });
  });
});

describe("interpreter mode", () => {
  it("reads no JavaScript machinery through computed var paths, like compiled mode", () => {
    const when = { "!!": { var: { cat: ["custom.", { var: "custom.key" }] } } };
    for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const deal = { id: "d", name: "D", custom: { key } };
      const compiled = createQualifier({ frameworks: [framework(criterion(when))] }).evaluate(deal, {
        asOf: "2026-01-01",
      });
      const interpreted = createQualifier({
        frameworks: [framework(criterion(when))],
        mode: "interpreter",
      }).evaluate(deal, { asOf: "2026-01-01" });
      expect(interpreted.frameworks).toEqual(compiled.frameworks);
      expect(compiled.frameworks[0]?.criteria[0]?.status).toBe("unknown");
    }
  });

  it("a plugin operator named log does not break json-logic-js for the rest of the process", () => {
    const log = defineOperator({ name: "log", description: "Mine.", evaluate: () => true });
    createQualifier({
      plugins: [definePlugin({ name: "p", operators: [log] })],
      frameworks: [framework(criterion({ log: [1] }))],
      mode: "interpreter",
    }).evaluate(story as unknown, { asOf: "2026-01-01" });
    expect(() => jsonLogic.apply({ log: ["x"] } as never)).not.toThrow();
    expect(jsonLogic.apply({ var: "a" }, { a: 1 })).toBe(1);
    expect(jsonLogic.apply({ var: "constructor" }, {})).toBe(Object); // json-logic-js as it was
  });
});
