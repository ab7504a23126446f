import { readdirSync } from "node:fs";
import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { describe, expect, it } from "vitest";
import { createQualifier } from "../src/index.js";
import { dealArb } from "./support/arbitraries.js";
import { ROOT, readJson } from "./support/helpers.js";

const all = [...createQualifier({ frameworks: [] }).catalogue.keys()];
const compiled = createQualifier({ frameworks: all });
const interpreter = createQualifier({ frameworks: all, mode: "interpreter" });
const asOf = "2026-11-27";
const same = (deal: unknown) =>
  expect(JSON.stringify(interpreter.evaluate(deal, { asOf }))).toBe(
    JSON.stringify(compiled.evaluate(deal, { asOf })),
  );

describe("interpreter mode: every rule through json-logic-js apply, the same reports", () => {
  it.each(readdirSync(`${ROOT}/examples/deals`))("%s under all twelve frameworks", (file) => {
    same(readJson(`examples/deals/${file}`));
  });

  it("on generated deals", () => {
    fc.assert(
      fc.property(dealArb, (deal) => {
        same(deal);
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it("leaves json-logic-js's global operator table as it found it", () => {
    interpreter.evaluate(readJson("examples/deals/story-alice.json"), { asOf });
    expect(() => jsonLogic.apply({ "with-role": ["champion"] } as never, {})).toThrow(
      /Unrecognized operation/,
    );
  });
});
