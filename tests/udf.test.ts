import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createQualifier } from "../src/index.js";
import { ROOT, readJson } from "./support/helpers.js";

// dist/udf.js as warehouses run it: a script in a context with no require, no process, no timers, and
// code generation from strings forbidden.
const code = readFileSync(`${ROOT}/dist/udf.js`, "utf8");
const asOf = "2026-11-27";
function udf() {
  const context = createContext({}, { codeGeneration: { strings: false, wasm: false } });
  runInContext(code, context);
  return (deal: string, options: string) =>
    runInContext(`qualifyJson(${JSON.stringify(deal)}, ${JSON.stringify(options)})`, context) as string;
}

describe("the warehouse UDF (dist/udf.js)", () => {
  it("is at most 100 KB gzipped (Snowflake's recommended limit) and uses no Node API", () => {
    expect(gzipSync(code).length).toBeLessThanOrEqual(100 * 1024);
    expect(code).not.toMatch(/require\(["'](node:|fs|path|os|worker_threads|child_process)/);
  });

  it("gives the library's report for every example deal, with no code generation allowed", () => {
    const qualifyJson = udf();
    const library = createQualifier({ frameworks: ["bant", "meddpicc", "spiced"] });
    for (const file of readdirSync(`${ROOT}/examples/deals`)) {
      const deal = readJson(`examples/deals/${file}`);
      const out = JSON.parse(
        qualifyJson(
          JSON.stringify(deal),
          JSON.stringify({ frameworks: ["bant", "meddpicc", "spiced"], asOf }),
        ),
      );
      expect(out, file).toEqual(JSON.parse(JSON.stringify(library.evaluate(deal, { asOf }))));
    }
  });

  it.each([
    ["a deal that is not JSON", "{not json", "{}", "the deal is not valid JSON"],
    ["an invalid deal", JSON.stringify({ id: 1 }), "{}", "invalid deal"],
    ["options that are not JSON", "{}", "{nope", "options are not valid JSON"],
    [
      "an unknown framework",
      JSON.stringify({ id: "d", name: "D" }),
      JSON.stringify({ frameworks: ["medpicc"] }),
      "invalid options",
    ],
  ])("%s: an error object, never a throw", (_, deal, options, message) => {
    const out = JSON.parse(udf()(deal, options));
    expect(out.error.message).toContain(message);
  });

  it("words what is wrong with a deal exactly as the library does (the UDF asks zod; the library does not)", () => {
    const qualifyJson = udf();
    const library = createQualifier();
    const story = readJson("examples/deals/story-alice.json") as Record<string, unknown>;
    for (const deal of [
      { id: 1 },
      { ...story, stage: "proposl", stakeholdrs: [], amount: { value: -5, currency: "eur" } },
      { ...story, metrics: [{ description: "x", baseline: true }], account: { employees: 2.5 } },
      { ...story, timeline: { decisionBy: "2026-02-30" }, custom: [] },
    ]) {
      const out = JSON.parse(qualifyJson(JSON.stringify(deal), JSON.stringify({ asOf })));
      const expected = library.safeEvaluate(deal, { asOf });
      expect(expected.success).toBe(false);
      if (!expected.success) expect(out.error.issues).toEqual(JSON.parse(JSON.stringify(expected.issues)));
    }
  });

  it("takes a framework file inline, as the library does; a wrong one is an error object with its problems", () => {
    const qualifyJson = udf();
    const fw = {
      kind: "framework",
      id: "acme-fit",
      name: "ACME fit",
      summary: "s",
      criteria: [
        {
          id: "tier",
          name: "Tier",
          description: "d",
          weight: 1,
          questions: [],
          status: [{ when: { "==": [{ var: "stage" }, "proposal"] }, status: "met", reason: "At proposal" }],
          unknown: "Not yet",
        },
      ],
    };
    const deal = { id: "d", name: "D", stage: "proposal" as const };
    const out = JSON.parse(
      qualifyJson(JSON.stringify(deal), JSON.stringify({ frameworks: ["bant", fw], asOf })),
    );
    const library = createQualifier({ frameworks: ["bant", fw as never] }).evaluate(deal, { asOf });
    expect(out).toEqual(JSON.parse(JSON.stringify(library)));
    const bad = {
      ...fw,
      id: "Bad Id",
      criteria: [
        { ...fw.criteria[0], status: [{ when: { "==": [{ var: "stag" }, 1] }, status: "met", reason: "x" }] },
      ],
    };
    const error = JSON.parse(qualifyJson(JSON.stringify(deal), JSON.stringify({ frameworks: [bad], asOf })));
    expect(error.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["id", "criteria[0].status[0].when.==[0].var"]),
    );
  });

  it("runs under a small memory limit, reusing one qualifier across rows", () => {
    const script = `
      const vm = require("node:vm");
      const context = vm.createContext({});
      vm.runInContext(require("node:fs").readFileSync("dist/udf.js", "utf8"), context);
      const deal = require("node:fs").readFileSync("examples/deals/story-alice.json", "utf8");
      let ok = 0;
      for (let i = 0; i < 2000; i++) {
        const out = vm.runInContext("qualifyJson(d, o)", Object.assign(context, { d: deal, o: '{"asOf":"2026-11-27"}' }));
        if (out.startsWith('{"deal"')) ok++;
      }
      console.log(ok);`;
    const run = spawnSync(process.execPath, ["--max-old-space-size=48", "-e", script], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("2000");
  });
});
