import { describe, expect, it } from "vitest";
import { node } from "./support/helpers.js";

// tsc and vitest accept imports that crash in plain Node; only loading the built files proves they work.
const script = (load: string) => `${load}
const deal = { id: "story", name: "Story", stakeholders: [{ id: "alice", name: "Alice Moreno", technical: true, engaged: true, sentiment: "positive" }] };
const parsed = q.parseDeal(deal);
const report = q.qualify(parsed, { asOf: "2026-11-27" });
const bad = q.safeParseDeal({ id: 1 });
console.log(JSON.stringify({ findings: report.findings.map((f) => f.id), bad: bad.success, logic: q.compileLogic({ "+": [1, 2] })({}) }));`;

describe("the built package in plain Node", () => {
  it.each([
    ["ESM", ["--input-type=module", "-e", script('import * as q from "./dist/index.js";')]],
    ["CJS", ["-e", script('const q = require("./dist/index.cjs");')]],
  ])("loads as %s and scores a deal", (_kind, args) => {
    const run = node(args);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({
      findings: ["single-threaded", "no-decision-maker", "enthusiasm-gap", "technical-only"],
      bad: false,
      logic: 3,
    });
  });
});
