import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { node, ROOT } from "./support/helpers.js";

// dist/index.js (qualify for Node, as an ES module) loads only what scoring needs: zod, json-logic-js and
// the modules that need them come from dist/on-demand.js, on first need. Proved on the built files two
// ways: a module hook fails any \`import\` of them, and the modules loaded by \`require\` (how dist/index.js
// loads dist/on-demand.js) are listed at the end; a plugin's policy, which needs zod to be checked, shows
// the list is not blind.
const dir = mkdtempSync(join(tmpdir(), "qualify-lazy-"));
const hook = join(dir, "hook.mjs");
writeFileSync(
  hook,
  `export async function resolve(specifier, context, next) {
  const found = await next(specifier, context);
  if (/[\\\\/]node_modules[\\\\/](zod|json-logic-js)[\\\\/]|[\\\\/]dist[\\\\/]on-demand\\.js$/.test(found.url))
    throw new Error("loaded at once: " + found.url);
  return found;
}`,
);
const register = join(dir, "register.mjs");
writeFileSync(
  register,
  `import { register } from "node:module"; register(${JSON.stringify(`file://${hook}`)});`,
);

const run = (body: string) =>
  node([
    "--import",
    register,
    "--input-type=module",
    "-e",
    `import * as q from ${JSON.stringify(`${ROOT}/dist/index.js`)};
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const required = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => /on-demand|zod|json-logic/.test(k));
const read = (f) => JSON.parse(readFileSync(${JSON.stringify(`${ROOT}/examples/deals/`)} + f, "utf8"));
${body}`,
  ]);

describe("dist/index.js loads zod and json-logic-js only when first needed", () => {
  it("scoring deals, with every built-in framework and a plugin's rule, and explaining invalid ones, loads neither", () => {
    const out = run(`
const rule = q.defineRule({ id: "quiet", evaluate: () => undefined });
const all = ["bant", "meddpicc", "meddic", "champ", "spiced", "anum", "faint", "neat", "scotsman", "gpctba-ci", "spin", "buying-influences"];
const qualifier = q.createQualifier({ frameworks: all, plugins: [q.definePlugin({ name: "p", rules: [rule] })] });
const before = required();
const report = qualifier.evaluate(read("story-alice.json"), { asOf: "2026-11-27" });
const checked = q.safeParseDeal(read("story-alice.json"));
const batch = q.toBatchResult(0, qualifier.safeEvaluate(read("story-alice.json"), { asOf: "2026-11-27" }));
const rejected = qualifier.safeEvaluate({ id: "d", name: "D", stage: "proposl", stakeholdrs: [] });
if (rejected.success || rejected.issues.length !== 2) throw new Error(JSON.stringify(rejected));
console.log(report.frameworks.length, checked.success, batch.success, q.compileLogic({ "+": [1, 2] })({}), JSON.stringify([...before, ...required()]));`);
    expect(out.stderr).toBe("");
    expect(out.stdout.trim()).toBe("12 true true 3 []");
  });

  it("a valid framework file is checked with no zod (dist/on-demand-setup.js); only an invalid one loads it", () => {
    const out =
      run(`const fw = { kind: "framework", id: "acme-fit", name: "ACME fit", summary: "s", criteria: [{ id: "tier", name: "Tier", description: "d", weight: 1, questions: [], status: [{ when: { "==": [{ var: "stage" }, "proposal"] }, status: "met", reason: "At proposal" }], unknown: "Not yet" }] };
const report = q.createQualifier({ frameworks: ["bant", fw] }).evaluate({ id: "d", name: "D", stage: "proposal" }, { asOf: "2026-11-27" });
const valid = required().map((k) => k.replace(/^.*[\\\\/]/, ""));
let message;
try { q.createQualifier({ frameworks: [{ ...fw, id: "Bad Id" }] }); } catch (e) { message = e.issues[0].path; }
console.log(JSON.stringify({ status: report.frameworks[1].criteria[0].status, valid, message, invalid: required().map((k) => k.replace(/^.*[\\\\/]/, "")) }));`);
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout)).toEqual({
      status: "met",
      valid: ["on-demand-setup.js"],
      message: "id",
      invalid: ["on-demand-setup.js", "on-demand.js", "logic.js"],
    });
  });

  it("the list is not blind: checking a plugin's policy loads dist/on-demand.js, and only then", () => {
    const out = run(`const before = required();
const policy = q.createQualifier({ plugins: [q.definePlugin({ name: "p", policy: { lostAfterDays: 30 } })] });
console.log(JSON.stringify({ before, after: required().map((k) => k.replace(/^.*[\\\\/]/, "")), made: typeof policy.evaluate === "function" }));`);
    expect(out.stderr).toBe("");
    // dist/on-demand.js brings json-logic-js with it (a CommonJS module, so it is listed too).
    expect(JSON.parse(out.stdout)).toEqual({ before: [], after: ["on-demand.js", "logic.js"], made: true });
  });
});

describe("the exports made on first use behave as the real ones", () => {
  const script = `import * as q from "./dist/index.js";
import * as full from "./dist/full.js";
import { z } from "zod";
import { inspect } from "node:util";
const names = (m) => Object.keys(m).sort().join(",");
const wrapped = z.object({ deal: q.Deal });
let frameworkError;
try { q.parseFramework({ id: 1 }); } catch (e) { frameworkError = e instanceof q.QualifyError && e.issues.length > 0; }
console.log(JSON.stringify({
  sameNames: names(q) === names(full),
  schema: q.Deal instanceof z.ZodObject,
  shape: Object.keys(q.Deal.shape).includes("stakeholders"),
  stages: q.Stage.options.includes("proposal"),
  inspected: inspect(q.Stage).startsWith(inspect(full.Stage).split(" ")[0]) && inspect(q.Stage).includes("proposal"),
  nested: wrapped.safeParse({ deal: { id: "d", name: "D" } }).success && !wrapped.safeParse({ deal: {} }).success,
  extended: q.Deal.extend({ extra: z.string() }).safeParse({ id: "d", name: "D", extra: "x" }).success,
  jsonSchema: JSON.stringify(q.dealJsonSchema()) === JSON.stringify(full.dealJsonSchema()),
  described: JSON.stringify(z.toJSONSchema(z.object({ s: q.Stage }))) === JSON.stringify(z.toJSONSchema(z.object({ s: full.Stage }))) && q.Stage.description === full.Stage.description,
  frameworkError,
  invalidDeal: q.safeParseDeal({ id: 1 }).issues.map((i) => i.path).join(","),
}));`;

  it("schemas, functions and errors: one core, the same names as the whole module", () => {
    const out = node(["--input-type=module", "-e", script]);
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout)).toEqual({
      sameNames: true,
      schema: true,
      shape: true,
      stages: true,
      inspected: true,
      nested: true,
      extended: true,
      jsonSchema: true,
      described: true,
      frameworkError: true,
      invalidDeal: "id,name",
    });
  });
});

describe("the CLI loads worker threads only with --workers", () => {
  const hook = join(dir, "threads.cjs");
  writeFileSync(
    hook,
    'process.on("exit", () => process.stderr.write("threads:" + process.moduleLoadList.some((m) => /worker_threads/.test(m)) + "\\n"));',
  );
  const lines = join(dir, "two.ndjson");
  const deal = JSON.stringify({ id: "d", name: "D" });
  writeFileSync(lines, `${deal}\n${deal}\n`);
  it.each([
    ["a deal file", ["examples/deals/story-alice.json"], false],
    ["NDJSON on one thread", ["--ndjson", lines], false],
    ["NDJSON with --workers 2", ["--ndjson", lines, "--workers", "2"], true],
  ])("%s", (_, args, threads) => {
    const out = node(["--require", hook, "dist/cli.js", "score", ...args, "--as-of", "2026-11-27"]);
    expect(out.stderr.trim()).toBe(`threads:${threads}`);
  });
});
