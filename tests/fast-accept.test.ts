import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Deal } from "../src/index.js";
import { compileAcceptor } from "../src/validation/fast-accept.js";
import { dealArb } from "./support/arbitraries.js";
import { readJson } from "./support/helpers.js";

// The fast path may send a valid deal to zod (slower), but must never accept what zod rejects.
const accept = compileAcceptor(Deal);
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

function apply(deal: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(deal) as Record<string, unknown>;
  const parts = path.split(".");
  let at: Record<string, unknown> | undefined = copy;
  for (const part of parts.slice(0, -1)) {
    const next: unknown = at?.[part];
    at = typeof next === "object" && next !== null ? (next as Record<string, unknown>) : undefined;
  }
  if (at) at[parts[parts.length - 1] as string] = value;
  return copy;
}

describe("the fast acceptance check agrees with zod", () => {
  it("exists for the Deal schema", () => expect(accept).toBeTypeOf("function"));

  it("accepts every example deal, and every generated one", () => {
    for (const file of ["story-alice", "acme-negotiation", "northwind-blocker", "contoso-stalled"])
      expect(accept?.(readJson(`examples/deals/${file}.json`))).toBe(true);
    fc.assert(
      fc.property(dealArb, (deal) => {
        expect(accept?.(deal)).toBe(true);
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it("never accepts what zod rejects: mutated deals", () => {
    fc.assert(
      fc.property(dealArb, mutation, (deal, m) => {
        const changed = apply(deal, m.path, m.value);
        if (accept?.(changed)) expect(zodAccepts(changed)).toBe(true);
      }),
      { seed: 2, numRuns: 2000 },
    );
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
