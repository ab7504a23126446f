import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dealJsonSchema, safeParseDeal } from "../src/index.js";
import { dealArb } from "./support/arbitraries.js";

// The published JSON Schema and the library must agree on every deal, except on what a JSON Schema
// cannot say: references between stakeholders (dangling ids, duplicate ids, reportsTo cycles). That
// exception is documented in docs/deal-model.md.
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
const validate = ajv.compile(dealJsonSchema());
const CROSS_REFERENCE = new Set(["dangling-reference", "duplicate-id", "cycle"]);

const replacement = fc.oneof(
  fc.constantFrom(
    "2026-02-30",
    "2024-02-29",
    "2026-02-29",
    "1900-02-29",
    "2000-02-29",
    "0001-01-01",
    "2026-11-27T10:00Z",
    "2026-11-27T24:00:00Z",
    "2026-13-01",
    "26-01-01",
    "proposl",
    "proposal",
    "econmic-buyer",
    "champion",
    "aproved",
    "approved",
    "",
    "x",
  ),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ unknown: 1 }),
);

type Json = Record<string, unknown> | unknown[];
/** Every path to a value inside a JSON value. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== "object" || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths((value as Record<string, unknown>)[k], [...prefix, k]))];
}
function mutate(deal: unknown, at: number, value: unknown, kind: number): unknown {
  const copy = structuredClone(deal) as Json;
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[at % all.length];
  if (!path) return copy;
  let parent: unknown = copy;
  for (const k of path.slice(0, -1)) parent = (parent as Record<string, unknown>)[k as string];
  const key = path[path.length - 1] as string;
  if (kind === 0) (parent as Record<string, unknown>)[key] = value;
  else if (kind === 1 && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key];
  else if (kind === 2 && !Array.isArray(parent)) (parent as Record<string, unknown>)[`${key}x`] = value;
  else (parent as Record<string, unknown>)[key] = value;
  return copy;
}

describe("the published deal schema agrees with safeParseDeal", () => {
  it("on thousands of mutated deals (cross-references aside)", () => {
    fc.assert(
      fc.property(
        dealArb,
        fc.array(fc.tuple(fc.nat(), replacement, fc.nat(2)), { minLength: 1, maxLength: 3 }),
        (deal, edits) => {
          const mutated = edits.reduce((d, [at, value, kind]) => mutate(d, at, value, kind), deal as unknown);
          const ours = safeParseDeal(mutated);
          const onlyReferences = !ours.success && ours.issues.every((i) => CROSS_REFERENCE.has(i.code));
          const theirs = validate(mutated);
          if (onlyReferences) expect(theirs).toBe(true);
          else expect(theirs).toBe(ours.success);
        },
      ),
      { numRuns: 4000, seed: 20261128 },
    );
  });

  it.each([
    ["2026-02-30", false],
    ["2024-02-29", true],
    ["0012-03-04", true],
    ["2026-11-27T10:00Z", true],
    ["2026-11-27T25:00Z", false],
  ])("decisionBy %s: both say %s", (decisionBy, ok) => {
    const deal = { id: "d", name: "D", timeline: { decisionBy } };
    expect(safeParseDeal(deal).success).toBe(ok);
    expect(validate(deal)).toBe(ok);
  });
});
