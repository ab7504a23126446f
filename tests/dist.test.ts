import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { node, ROOT } from "./support/helpers.js";

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

describe("one core: qualify/node uses qualify's own, not a copy", () => {
  it.each([
    [
      "ESM",
      [
        "--input-type=module",
        "-e",
        'import { createWorkerPool } from "qualify/node"; import { QualifyError } from "qualify"; try { createWorkerPool({ workers: 1, frameworks: ["nope"] }); } catch (e) { console.log(e instanceof QualifyError); }',
      ],
    ],
    [
      "CJS",
      [
        "-e",
        'const { createWorkerPool } = require("qualify/node"); const { QualifyError } = require("qualify"); try { createWorkerPool({ workers: 1, frameworks: ["nope"] }); } catch (e) { console.log(e instanceof QualifyError); }',
      ],
    ],
  ])("%s: errors from qualify/node are instanceof qualify's QualifyError", (_kind, args) => {
    const run = node(args);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("true");
  });

  it("the data files are importable: frameworks and schemas", () => {
    const run = node([
      "--input-type=module",
      "-e",
      'import bant from "qualify/frameworks/bant.json" with { type: "json" }; import schema from "qualify/schema/deal.schema.json" with { type: "json" }; console.log(bant.id, schema.title);',
    ]);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("bant qualify deal, version 1");
  });
});

describe("the built-ins' hashes worked out by the build (tsup.config.ts `builtinHashes`)", () => {
  it("are the hashes the engine works out itself, for every built-in and the core rules", async () => {
    const src = await import("../src/index.js");
    const dist = await import("../dist/index.js");
    const all = [...src.createQualifier({ frameworks: [] }).catalogue.keys()];
    const meta = (q: typeof src) =>
      q.createQualifier({ frameworks: all }).evaluate({ id: "d", name: "D" }, { asOf: "2026-11-27" }).meta
        .frameworks;
    expect(meta(dist as typeof src)).toEqual(meta(src));
    expect(meta(src).length).toBe(all.length + 1);
    // And the build did work them out: the built-ins a qualifier loads carry them (dist/builtins.json in Node).
    const built = readdirSync(`${ROOT}/dist`).filter((f) =>
      /^(chunk-.*\.js|index\.cjs|full\.js|builtins\.json)$/.test(f),
    );
    const withHashes = built.filter((f) =>
      readFileSync(`${ROOT}/dist/${f}`, "utf8").match(/"hashes":\s*\{\s*"frameworks"/),
    );
    expect(withHashes.length).toBeGreaterThanOrEqual(3);
  });
});

describe("runtimes other than Node get the portable build", () => {
  it.each(["deno", "bun"])(
    "the %s condition: dist/full.js (no node: module, nothing loaded on demand)",
    (runtime) => {
      const run = node([
        `--conditions=${runtime}`,
        "--input-type=module",
        "-e",
        'import * as q from "qualify"; import * as s from "qualify/score"; console.log(import.meta.resolve("qualify").split("/").pop(), import.meta.resolve("qualify/score").split("/").pop(), q.createQualifier().evaluate({ id: "d", name: "D" }, { asOf: "2026-11-27" }).frameworks.length, typeof s.createQualifier);',
      ]);
      expect(run.stderr).toBe("");
      expect(run.stdout.trim()).toBe("full.js score.browser.js 2 function");
    },
  );
});
