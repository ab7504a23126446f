import { readFileSync } from "node:fs";
import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { describe, expect, it } from "vitest";
import { compileLogic } from "../src/index.js";
import { dataArb, rule } from "./support/logic-arbitraries.js";

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
