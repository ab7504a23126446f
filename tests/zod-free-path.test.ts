import { readdirSync, readFileSync } from "node:fs";
import { build } from "esbuild";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createQualifier, Deal, Role, Severity, Stage, Status } from "../src/index.js";
import { OPEN_STAGES, ROLES, SEVERITIES, STAGES, STATUSES } from "../src/model/values.js";
import { ROOT, readJson } from "./support/helpers.js";

// Scoring a deal runs no zod: the generated acceptor accepts a valid one, the generated explainer words
// what is wrong with an invalid one, and the values code needs at run time (stages, roles, statuses,
// severities) are plain lists.

describe("the value lists are the enums' values", () => {
  it.each([
    ["stages", STAGES, Stage.options],
    ["roles", ROLES, Role.options],
    ["statuses", STATUSES, Status.options],
    ["severities", SEVERITIES, Severity.options],
  ] as const)("%s", (_, list, options) => {
    expect([...list]).toEqual([...options]);
  });

  it("the open stages are every stage but the closed ones, in order", () => {
    expect([...OPEN_STAGES]).toEqual(STAGES.filter((s) => !s.startsWith("closed-")));
  });
});

describe("zod does not run for a deal", () => {
  afterEach(() => vi.restoreAllMocks());
  const q = createQualifier();
  const asOf = "2026-11-27";

  it("every example deal is scored without a call to the Deal schema", () => {
    const safeParse = vi.spyOn(Deal, "safeParse");
    const parse = vi.spyOn(Deal, "parse");
    for (const file of readdirSync(`${ROOT}/examples/deals`).filter((f) => f.endsWith(".json")))
      expect(q.safeEvaluate(readJson(`examples/deals/${file}`), { asOf }).success, file).toBe(true);
    expect(safeParse).not.toHaveBeenCalled();
    expect(parse).not.toHaveBeenCalled();
  });

  it("an invalid deal is explained without the schema, every problem with its path", () => {
    const safeParse = vi.spyOn(Deal, "safeParse");
    const result = q.safeEvaluate({ id: "d", name: "D", stage: "proposl", amount: { value: -1 } }, { asOf });
    expect(result.success).toBe(false);
    expect(safeParse).not.toHaveBeenCalled();
    if (!result.success)
      expect(result.issues.map((i) => i.message)).toEqual([
        'Expected one of prospecting, discovery, evaluation, proposal, negotiation, closed-won, closed-lost; received the text "proposl"; did you mean "proposal"?',
        "Must be at least 0; received -1",
      ]);
  });

  it("a deal of another class than Object (which the acceptor leaves to the explainer) is accepted without the schema", () => {
    class Imported {
      id = "d";
      name = "D";
    }
    const safeParse = vi.spyOn(Deal, "safeParse");
    expect(q.safeEvaluate(new Imported(), { asOf }).success).toBe(true);
    expect(safeParse).not.toHaveBeenCalled();
  });
});

describe("what scoring imports reaches zod and json-logic-js only through the lazy-side files", () => {
  // The modules src/core.ts (scoring: what the Node build loads at import) imports, followed from file to
  // file but not past a file marked `// lazy-side:` (in the Node ESM build, a load on first call).
  const reached = async (entry: string) => {
    const { metafile } = await build({
      entryPoints: [`${ROOT}/${entry}`],
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "neutral",
      mainFields: ["module", "main"],
      logLevel: "silent",
      absWorkingDir: ROOT,
    });
    const isSide = (file: string) =>
      file.startsWith("src/") && readFileSync(`${ROOT}/${file}`, "utf8").includes("// lazy-side:");
    const seen = new Set([entry]);
    const queue = [entry];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      if (isSide(file)) continue;
      for (const next of metafile.inputs[file]?.imports ?? [])
        if (!seen.has(next.path)) {
          seen.add(next.path);
          queue.push(next.path);
        }
    }
    return [...seen];
  };
  const outside = (files: string[]) =>
    files.filter((f) => /node_modules[\\/](zod|json-logic-js)[\\/]/.test(f));

  it("src/core.ts: neither", async () => {
    const files = await reached("src/core.ts");
    expect(files.filter((f) => f.startsWith("src/")).length).toBeGreaterThan(40);
    expect(outside(files)).toEqual([]);
  });

  it("src/on-demand-setup.ts (checking framework files): neither", async () => {
    const files = await reached("src/on-demand-setup.ts");
    expect(files).toContain("src/frameworks/check-framework.ts");
    expect(outside(files)).toEqual([]);
  });

  it("the check is not blind: src/on-demand.ts (what loads on demand) reaches both", async () => {
    const found = outside(await reached("src/on-demand.ts")).map(
      (f) => f.match(/node_modules[\\/]([^\\/]+)/)?.[1],
    );
    expect(new Set(found)).toEqual(new Set(["zod", "json-logic-js"]));
  });
});
