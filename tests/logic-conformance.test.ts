import { readFileSync } from "node:fs";
import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { describe, expect, it } from "vitest";
import { compileLogic } from "../src/index.js";

const suite = JSON.parse(
  readFileSync(new URL("./fixtures/jsonlogic/jsonlogic-tests.json", import.meta.url), "utf8"),
) as unknown[];
const cases = suite.filter((c): c is [unknown, unknown, unknown] => Array.isArray(c));

describe("JsonLogic conformance (json-logic-js is the reference)", () => {
  it("has all 278 cases", () => expect(cases).toHaveLength(278));

  it.each(cases.map((c, i) => [i, ...c] as const))("case %i: %j on %j", (_i, rule, data, expected) => {
    const reference = jsonLogic.apply(rule as never, data);
    const compiled = compileLogic(rule)(data);
    expect(compiled).toEqual(reference);
    expect(compiled).toEqual(expected);
  });
});

// Random rules over a small vocabulary of operators, keys and values, compared with json-logic-js.
const key = fc.constantFrom("a", "b", "c", "a.b", "list", "n", "s", "0", "", "missing");
const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0, 1, 2.5, -1, "", "a", "b", "1", "abc", true, false, null),
);
const dataArb = fc.record({
  a: fc.oneof(scalar, fc.record({ b: scalar })),
  b: scalar,
  c: fc.array(scalar, { maxLength: 4 }),
  list: fc.array(fc.oneof(scalar, fc.record({ a: scalar, n: scalar })), { maxLength: 5 }),
  n: fc.integer({ min: -3, max: 10 }),
  s: fc.string({ maxLength: 4 }),
});
const eager = [
  "==",
  "===",
  "!=",
  "!==",
  ">",
  ">=",
  "<",
  "<=",
  "!!",
  "!",
  "%",
  "in",
  "cat",
  "substr",
  "+",
  "-",
  "/",
  "min",
  "max",
  "merge",
];
// missing / missing_some re-apply their (already evaluated) keys as rules in json-logic-js; rules pass them literal keys.
const missingRule = fc.oneof(
  fc.array(key, { maxLength: 3 }).map((keys) => ({ missing: keys })),
  fc
    .tuple(fc.integer({ min: 0, max: 3 }), fc.array(key, { maxLength: 3 }))
    .map(([n, keys]) => ({ missing_some: [n, keys] })),
);
const { rule } = fc.letrec((tie) => ({
  rule: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.record({ var: fc.oneof(key, fc.tuple(key, scalar)) }),
    missingRule,
    fc
      .tuple(fc.constantFrom(...eager), fc.array(tie("rule"), { minLength: 1, maxLength: 3 }))
      .map(([op, args]) => ({ [op]: args })),
    fc
      .tuple(fc.constantFrom("if", "?:", "and", "or"), fc.array(tie("rule"), { maxLength: 4 }))
      .map(([op, args]) => ({ [op]: args })),
    fc
      .tuple(fc.constantFrom("filter", "map", "all", "some", "none"), tie("rule"), tie("rule"))
      .map(([op, a, b]) => ({ [op]: [a, b] })),
    fc.tuple(tie("rule"), tie("rule"), tie("rule")).map(([a, b, c]) => ({ reduce: [a, b, c] })),
    fc.array(tie("rule"), { maxLength: 3 }),
  ),
}));

function outcome(f: () => unknown): { value: unknown } | { threw: true } {
  try {
    return { value: f() };
  } catch {
    return { threw: true };
  }
}

describe("compiled evaluator against json-logic-js on random rules", () => {
  // Where json-logic-js throws (it calls toString on an object without one, reads .length of an absent
  // list), ours is total and gives a value: it never throws on JSON data.
  it("agrees on value wherever json-logic-js gives one, and never throws", () => {
    fc.assert(
      fc.property(rule, dataArb, (r, data) => {
        const reference = outcome(() => jsonLogic.apply(r as never, data));
        const compiled = outcome(() => compileLogic(r)(data));
        expect(compiled).not.toEqual({ threw: true });
        if (!("threw" in reference)) expect(compiled).toEqual(reference);
      }),
      { seed: 20261127, numRuns: 10000 },
    );
  });
});
