import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Deal } from "../src/index.js";
import { acceptDeal } from "../src/validation/deal-acceptor.generated.js";
import { explainDeal } from "../src/validation/deal-explainer.generated.js";
import { fromZod } from "../src/validation/from-zod.js";
import { deal12Arb, dealArb } from "./support/arbitraries.js";
import { ROOT, readJson } from "./support/helpers.js";
import { withValueAt } from "./support/mutate.js";

// The generated acceptor (src/validation/deal-acceptor.generated.ts, no zod at run time) may send a valid
// deal to zod (slower), but must never accept what zod rejects: the differential tests below.
const accept = acceptDeal;
const zodAccepts = (v: unknown) => Deal.safeParse(v).success;

/** Small changes that often make a valid deal invalid: the places the fast path must get right. */
const mutation = fc.oneof(
  fc.record({
    path: fc.constantFrom(
      "stage",
      "amount.value",
      "account.employees",
      "stakeholders",
      "timeline.decisionBy",
      "needs",
      "custom",
      "budget.status",
    ),
    value: fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(
        -1,
        1.5,
        "",
        "2026-02-30",
        "won",
        Number.NaN,
        Number.POSITIVE_INFINITY,
        null,
        undefined,
        [],
        {},
      ),
    ),
  }),
  fc.record({
    path: fc.constantFrom(
      "extra",
      "stakeholders.0.extra",
      "stakeholders.0.roles",
      "stakeholders.0.name",
      "interactions.0.date",
    ),
    value: fc.oneof(fc.jsonValue(), fc.constantFrom("", ["boss"], "2026-13-01")),
  }),
);

describe("the fast acceptance check agrees with zod", () => {
  it("accepts every example deal, and every generated one (deal model 1 and 1.2)", () => {
    for (const file of readdirSync(`${ROOT}/examples/deals`).filter((f) => f.endsWith(".json")))
      expect(accept(readJson(`examples/deals/${file}`)), file).toBe(true);
    fc.assert(
      fc.property(fc.oneof(dealArb, deal12Arb), (deal) => {
        expect(accept(deal)).toBe(true);
      }),
      { seed: 1, numRuns: 500 },
    );
  });

  it("the same verdict as zod on mutated deals, valid and invalid", () => {
    let invalid = 0;
    fc.assert(
      fc.property(fc.oneof(dealArb, deal12Arb), mutation, (deal, m) => {
        const changed = withValueAt(deal, m.path, m.value);
        const verdict = zodAccepts(changed);
        if (!verdict) invalid++;
        expect(accept(changed), `${m.path} = ${JSON.stringify(m.value)}`).toBe(verdict);
      }),
      { seed: 2, numRuns: 2000 },
    );
    // The mutations make both kinds: the test is not all one verdict.
    expect(invalid).toBeGreaterThan(200);
  });

  it("never accepts what zod rejects: any value at all", () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withDate: true }),
        (value) => {
          if (accept?.(value)) expect(zodAccepts(value)).toBe(true);
        },
      ),
      { seed: 3, numRuns: 2000 },
    );
  });
});

describe("the generated explainer words a rejection exactly as zod does", () => {
  // explainDeal (src/validation/deal-explainer.generated.ts, no zod) against zod itself, both through
  // fromZod: the same issues, paths, messages, codes and suggestions, in the same order.
  const ours = (v: unknown) => fromZod(explainDeal(v), undefined, v);
  const zods = (v: unknown) => {
    const parsed = Deal.safeParse(v);
    return parsed.success ? [] : fromZod(parsed.error.issues, Deal, v);
  };

  it("on mutated deals, each with several changes", () => {
    let invalid = 0;
    fc.assert(
      fc.property(
        fc.oneof(dealArb, deal12Arb),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (deal, ms) => {
          const changed = ms.reduce((d, m) => withValueAt(d, m.path, m.value), deal as unknown);
          const expected = zods(changed);
          if (expected.length > 0) invalid++;
          expect(ours(changed), JSON.stringify(ms)).toEqual(expected);
        },
      ),
      { seed: 4, numRuns: 2000 },
    );
    expect(invalid).toBeGreaterThan(500);
  });

  it("on the values a deal is most often wrong with: typos, wrong types, holes, other classes", () => {
    const deal = readJson("examples/deals/story-alice.json") as Record<string, unknown>;
    class Other {
      id = "d";
      name = "D";
    }
    const inherited = Object.assign(Object.create({ extra: 1 }), { id: "d", name: "D" });
    const cases: unknown[] = [
      null,
      [],
      "deal",
      42,
      {},
      { ...deal, stage: "proposl", amount: { value: -5, currency: "eur" } },
      { ...deal, stakeholdrs: [], timline: {} },
      { ...deal, account: { employees: 12.5 } },
      { ...deal, account: { employees: 2 ** 60 } },
      { ...deal, account: { employees: -(2 ** 60) } },
      { ...deal, metrics: [{ description: "x", baseline: true }] },
      { ...deal, custom: [] },
      { ...deal, custom: new Date(0) },
      { ...deal, custom: { [Symbol("s")]: 1 } },
      { ...deal, stakeholders: [undefined, { id: "", name: 3 }] },
      { ...deal, stakeholders: Object.assign(new Array(2), { 1: { id: "a", name: { length: 0 } } }) },
      { ...deal, name: [], id: [""] },
      { ...deal, timeline: { decisionBy: "2026-02-30", decisionByHistory: ["soon"] } },
      new Other(),
      inherited,
      { ...deal, account: Object.create(null) },
    ];
    for (const value of cases) expect(ours(value), String(cases.indexOf(value))).toEqual(zods(value));
  });

  it("on any value at all", () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withDate: true }),
        (value) => {
          expect(ours(value)).toEqual(zods(value));
        },
      ),
      { seed: 5, numRuns: 2000 },
    );
  });
});
