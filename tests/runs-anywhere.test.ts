import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { ROOT, readJson } from "./support/helpers.js";

describe("a core that runs anywhere", () => {
  // Node's own ESM build (dist/index.js and its chunks) reads dist/builtins.json and loads its on-demand
  // module through node:module; every build another runtime is given (the browser, deno, bun and require
  // conditions, the global script) imports no node: module.
  it("the builds for other runtimes import no node: module", () => {
    for (const file of [
      "dist/full.js",
      "dist/browser.js",
      "dist/score.browser.js",
      "dist/index.cjs",
      "dist/qualify.global.js",
    ]) {
      const code = readFileSync(`${ROOT}/${file}`, "utf8");
      expect(code, file).not.toMatch(/(from\s*|require\()\s*["']node:/);
      expect(code, file).not.toMatch(/require\(["'](fs|path|os|worker_threads|child_process)["']\)/);
    }
  });

  it("the self-contained bundle scores a deal in node:vm with an empty context (no require, no process)", () => {
    const context = createContext({});
    runInContext(readFileSync(`${ROOT}/dist/qualify.global.js`, "utf8"), context);
    const script = `
      const report = qualify.qualify(deal, { asOf: "2026-11-27", frameworks: ["bant", "spin"] });
      JSON.stringify({ findings: report.findings.map((f) => f.id), first: report.questions[0].text, hasProcess: typeof process, hasRequire: typeof require });
    `;
    context.deal = readJson("examples/deals/story-alice.json");
    const out = JSON.parse(runInContext(script, context) as string);
    expect(out).toEqual({
      findings: ["single-threaded", "no-decision-maker", "enthusiasm-gap", "technical-only"],
      first: "Who's involved in making this decision?",
      hasProcess: "undefined",
      hasRequire: "undefined",
    });
  });
});
