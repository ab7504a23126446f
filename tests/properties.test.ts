import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createQualifier, type Report, safeParseDeal, scoreOf } from "../src/index.js";
import { dealArb } from "./support/arbitraries.js";

const qualifier = createQualifier({ frameworks: ["bant", "meddpicc"] });
const asOf = "2026-11-27";
const run = (deal: unknown) => qualifier.evaluate(deal, { asOf });
const RUNS = { seed: 7, numRuns: 200 };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function shuffle<T>(list: readonly T[] | undefined, seed: number): T[] | undefined {
  if (!list) return undefined;
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function invariants(report: Report, deal: { stakeholders?: { id: string }[] }) {
  const ids = new Set((deal.stakeholders ?? []).map((s) => s.id));
  const criteria = new Set(report.frameworks.flatMap((f) => f.criteria.map((c) => `${f.id}/${c.id}`)));
  for (const f of report.frameworks) {
    expect(f.score).toBeGreaterThanOrEqual(0);
    expect(f.range.high).toBeLessThanOrEqual(100);
    expect(f.range.low).toBeLessThanOrEqual(f.score);
    expect(f.score).toBeLessThanOrEqual(f.range.high);
    expect(f.confidence).toBeGreaterThanOrEqual(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
  }
  for (const q of report.questions) {
    // Criterion questions cite what they settle; deal-level ones (concerns, introductions, reviews) cite none.
    expect(q.criteria.length > 0 || !(q.why ?? "").includes("Open:")).toBe(true);
    for (const c of q.criteria) expect(criteria.has(c)).toBe(true);
    if (q.askId !== undefined) expect(ids.has(q.askId)).toBe(true);
  }
  for (const f of report.findings) for (const id of f.stakeholderIds ?? []) expect(ids.has(id)).toBe(true);
}

describe("properties of every valid deal", () => {
  it("generated deals are valid", () => {
    fc.assert(
      fc.property(dealArb, (deal) => {
        const result = safeParseDeal(deal);
        expect(result.success ? [] : result.issues).toEqual([]);
      }),
      RUNS,
    );
  });

  it("reports hold their invariants, and evaluation never mutates the deal", () => {
    fc.assert(
      fc.property(dealArb, (deal) => {
        const frozen = deepFreeze(structuredClone(deal));
        const report = run(frozen);
        invariants(report, deal);
        expect(frozen).toEqual(deal);
      }),
      RUNS,
    );
  });

  it("is deterministic: the same input gives byte-identical JSON", () => {
    fc.assert(
      fc.property(dealArb, (deal) => {
        expect(JSON.stringify(run(deal))).toBe(JSON.stringify(run(structuredClone(deal))));
      }),
      RUNS,
    );
  });

  it("the order of stakeholders, needs or interactions changes nothing", () => {
    fc.assert(
      fc.property(dealArb, fc.integer({ min: 1, max: 1000 }), (deal, seed) => {
        const d = deal as unknown as Record<string, unknown[] | undefined>;
        const reordered = {
          ...deal,
          stakeholders: shuffle(d.stakeholders, seed),
          needs: shuffle(d.needs, seed + 1),
          interactions: shuffle(d.interactions, seed + 2),
        };
        for (const key of ["stakeholders", "needs", "interactions"])
          if (d[key] === undefined) delete (reordered as Record<string, unknown>)[key];
        expect(JSON.stringify(run(reordered))).toBe(JSON.stringify(run(deal)));
      }),
      RUNS,
    );
  });

  it("turning an unknown criterion into met never lowers a score", () => {
    const status = fc.constantFrom("met", "partial", "unmet", "unknown" as const);
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 1, max: 50 }), status }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.nat(),
        (criteria, pick) => {
          const unknowns = criteria.map((c, i) => (c.status === "unknown" ? i : -1)).filter((i) => i >= 0);
          if (unknowns.length === 0) return;
          const i = unknowns[pick % unknowns.length] as number;
          const after = criteria.map((c, j) => (j === i ? { ...c, status: "met" as const } : c));
          expect(scoreOf(after).score).toBeGreaterThanOrEqual(scoreOf(criteria).score);
          expect(scoreOf(after).confidence).toBeGreaterThanOrEqual(scoreOf(criteria).confidence);
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });

  it("learning a fact that settles a criterion as met never lowers the framework's score", () => {
    const facts: Array<(d: Record<string, unknown>) => Record<string, unknown>> = [
      (d) => ({ ...d, budget: { ...(d.budget as object), status: "approved" } }),
      (d) => ({ ...d, decision: { ...(d.decision as object), process: "mapped" } }),
      (d) => ({ ...d, decision: { ...(d.decision as object), paperProcess: "mapped" } }),
    ];
    fc.assert(
      fc.property(dealArb, fc.nat(facts.length - 1), (deal, k) => {
        const before = run(deal);
        const after = run((facts[k] as (typeof facts)[number])(deal));
        before.frameworks.forEach((f, i) =>
          expect(after.frameworks[i]?.score).toBeGreaterThanOrEqual(f.score),
        );
      }),
      RUNS,
    );
  });
});

describe("a report does not share objects with the deal", () => {
  it("changing the deal afterwards changes nothing in the report", () => {
    fc.assert(
      fc.property(dealArb, (deal) => {
        const input = structuredClone(deal) as Record<string, unknown>;
        const report = run(input);
        const before = JSON.stringify(report);
        for (const value of Object.values(input)) {
          if (Array.isArray(value)) {
            for (const item of value)
              if (item && typeof item === "object") (item as Record<string, unknown>).description = "changed";
          } else if (value && typeof value === "object") {
            (value as Record<string, unknown>).status = "changed";
          }
        }
        expect(JSON.stringify(report)).toBe(before);
      }),
      RUNS,
    );
  });
});
