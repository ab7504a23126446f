import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { compileLogic, createQualifier, safeParseDeal, safeParseFramework } from "../src/index.js";
import { readJson } from "./support/helpers.js";

const { operators, catalogue } = createQualifier({ frameworks: [] });
const parse = (input: unknown) => safeParseFramework(input, { operators, frameworks: catalogue });
const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  key: fc.oneof(
    fc.string(),
    fc.constantFrom("__proto__", "constructor", "prototype", "var", "some", "criteria"),
  ),
});
const criterion = (when: unknown) => ({
  id: "c",
  name: "C",
  description: "D",
  weight: 1,
  status: [{ when, status: "met", reason: "R" }],
  unknown: "U",
  questions: [{ id: "q", text: "Q?", topic: "need", settles: "S" }],
});

function expectIssuesOrFramework(result: ReturnType<typeof parse>) {
  if (!result.success) {
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) expect(typeof issue.path).toBe("string");
  }
}

describe("hostile framework files yield issues, never crashes", () => {
  it("any value as a whole file", () => {
    fc.assert(
      fc.property(anything, (value) => expectIssuesOrFramework(parse(value))),
      { seed: 3, numRuns: 400 },
    );
  });

  it("any value as a rule", () => {
    fc.assert(
      fc.property(anything, (when) =>
        expectIssuesOrFramework(parse({ id: "x", name: "X", criteria: [criterion(when)] })),
      ),
      { seed: 4, numRuns: 400 },
    );
  });

  it("a rule that refers to itself", () => {
    const loop: Record<string, unknown[]> = { and: [] };
    loop.and?.push(loop);
    const result = parse({ id: "x", name: "X", criteria: [criterion(loop)] });
    expect(result.success ? [] : result.issues.map((i) => i.code)).toContain("too-deep");
  });

  it("huge arrays are bounded", () => {
    const result = parse({
      id: "x",
      name: "X",
      criteria: [criterion({ in: ["a", Array.from({ length: 200_000 }, (_, i) => i)] })],
    });
    expect(result.success ? [] : result.issues.map((i) => i.code)).toContain("too-large");
  });

  it("valid rules never throw on any deal", () => {
    const rule =
      catalogue.get("meddpicc")?.criteria.flatMap((c) => (c.status ?? []).map((s) => s.when)) ?? [];
    const fns = rule.map((r) => compileLogic(r, { operators }));
    fc.assert(
      fc.property(fc.jsonValue(), (data) => {
        for (const f of fns) f(data, { asOf: "2026-11-27" });
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});

describe("bad deals yield issues, never exceptions", () => {
  it("any value at all, not only JSON", () => {
    fc.assert(
      fc.property(anything, (value) => {
        const result = safeParseDeal(value);
        if (!result.success) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { seed: 6, numRuns: 400 },
    );
  });

  it("evaluate on anything gives a report or issues", () => {
    const q = createQualifier();
    fc.assert(
      fc.property(anything, (value) => {
        const result = q.safeEvaluate(value, { asOf: "2026-11-27" });
        expect(typeof result.success).toBe("boolean");
      }),
      { seed: 8, numRuns: 200 },
    );
  });
});

describe("evaluation reads no clock", () => {
  it("the same report whatever the time, when asOf is given", () => {
    const q = createQualifier();
    const deal = readJson("examples/deals/contoso-stalled.json");
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2020-01-01T00:00:00Z"));
      const early = JSON.stringify(q.evaluate(deal, { asOf: "2026-11-27" }));
      vi.setSystemTime(new Date("2031-06-30T12:00:00Z"));
      const late = JSON.stringify(q.evaluate(deal, { asOf: "2026-11-27" }));
      expect(late).toBe(early);
      expect(q.evaluate(deal).asOf).toBe("2031-06-30");
    } finally {
      vi.useRealTimers();
    }
  });
});
