import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createQualifier } from "../src/index.js";
import { deal12Arb, dealArb } from "./support/arbitraries.js";

// Every sentence a report shows a person: explanations, finding messages, question texts and whys,
// collateral. None may show a template's seams: an empty list, undefined, null, NaN, "()".
const all = createQualifier({
  frameworks: [
    "bant",
    "anum",
    "champ",
    "faint",
    "meddic",
    "meddpicc",
    "gpctba-ci",
    "spiced",
    "neat",
    "scotsman",
    "buying-influences",
    "spin",
  ],
});
const SEAMS: ReadonlyArray<[RegExp, string]> = [
  [/\bundefined\b/, "undefined"],
  [/\bnull\b/, "null"],
  [/\bNaN\b/, "NaN"],
  [/\(\s*\)/, "empty brackets"],
  [/:\s*[.,;)]/, "an empty list after a colon"],
  [/\s[.,;:]/, "a space before punctuation"],
  [/ {2}/, "a double space"],
  [/\[object Object\]/, "an object"],
  [/\{[a-zA-Z.]+\}/, "an unfilled placeholder"],
];

describe("no sentence shows a template's seams", () => {
  it.each([
    ["generated deals", dealArb, 600],
    ["generated deals with the deal model 1.2 fields", deal12Arb, 300],
  ] as const)("on %s, with every framework", (_, arb, numRuns) => {
    fc.assert(
      fc.property(arb, fc.constantFrom("2026-06-01", "2026-11-27", "2027-06-01"), (deal, asOf) => {
        const report = all.evaluate(deal as unknown, { asOf });
        const sentences = [
          ...report.frameworks.flatMap((f) => f.criteria.map((c) => c.explanation)),
          ...report.findings.map((f) => f.message),
          ...report.questions.flatMap((q) => [q.text, q.why]),
          ...report.collateral.flatMap((c) => [c.title, c.why]),
        ];
        for (const sentence of sentences)
          for (const [seam, what] of SEAMS) expect(sentence, `${what} in: ${sentence}`).not.toMatch(seam);
      }),
      { numRuns, seed: 20261128 },
    );
  });
});
