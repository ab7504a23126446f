import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { node, ROOT } from "./support/helpers.js";

// qualify/score: in Node the same core as `qualify` (one QualifyError, zod on first need); in a browser
// bundle dist/score.browser.js, with no zod and no json-logic-js, giving the same reports and the same
// explanations, and a clear `needs-qualify` error for what it leaves out. The bundle is plain ESM with no
// browser API, so Node runs it here; tests/browser-csp.test.ts runs it in Chromium.
const deals = readdirSync(`${ROOT}/examples/deals`).filter((f) => f.endsWith(".json"));

const compare = `import * as lean from "./dist/score.browser.js";
import * as full from "./dist/index.js";
import { readFileSync } from "node:fs";
const deals = ${JSON.stringify(deals)};
const read = (f) => JSON.parse(readFileSync("examples/deals/" + f, "utf8"));
const all = [...full.createQualifier({ frameworks: [] }).catalogue.keys()];
const a = lean.createQualifier({ frameworks: all });
const b = full.createQualifier({ frameworks: all });
const same = deals.filter((f) => JSON.stringify(a.evaluate(read(f))) === JSON.stringify(b.evaluate(read(f))));
const bad = [{ id: 1 }, { id: "d", name: "D", stage: "proposl", amount: { value: -1, currency: "eur" }, stakeholdrs: [] }];
const explained = bad.filter((d) => JSON.stringify(a.safeEvaluate(d)) === JSON.stringify(b.safeEvaluate(d)));
console.log(JSON.stringify({ same: same.length, explained: explained.length }));`;

describe("qualify/score", () => {
  it("in a browser bundle: every example deal's report, and every rejection, as qualify gives them", () => {
    const run = node(["--input-type=module", "-e", compare]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ same: deals.length, explained: 2 });
  });

  it.each([
    [
      "a framework file",
      '{ frameworks: [{ id: "x", name: "X", criteria: [] }] }',
      "Checking framework files",
    ],
    [
      "a plugin's policy",
      '{ plugins: [lean.definePlugin({ name: "p", policy: { lostAfterDays: 30 } })] }',
      "plugin's policy",
    ],
    ["interpreter mode", '{ mode: "interpreter" }', "Interpreter mode"],
  ])("in a browser bundle, %s is a clear needs-qualify error", (_, options, words) => {
    const run = node([
      "--input-type=module",
      "-e",
      `import * as lean from "./dist/score.browser.js";
let out;
try { const q = lean.createQualifier(${options}); q.evaluate({ id: "d", name: "D" }); out = "no error"; }
catch (e) { out = { qualifyError: e instanceof lean.QualifyError, code: e.issues?.[0]?.code, message: e.issues?.[0]?.message }; }
console.log(JSON.stringify(out));`,
    ]);
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ qualifyError: true, code: "needs-qualify" });
    expect(out.message).toContain(words);
    expect(out.message).toContain('import createQualifier from "qualify"');
  });

  it("in Node: the package's own core (one QualifyError), everything available", () => {
    const run = node([
      "--input-type=module",
      "-e",
      `import * as score from "qualify/score";
import * as q from "qualify";
const policy = score.createQualifier({ plugins: [score.definePlugin({ name: "p", policy: { lostAfterDays: 30 } })] });
let same;
try { score.parseDeal({ id: 1 }); } catch (e) { same = e instanceof q.QualifyError; }
console.log(JSON.stringify({ same, policy: typeof policy.evaluate, createQualifier: score.createQualifier === q.createQualifier }));`,
    ]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ same: true, policy: "function", createQualifier: true });
  });
});
