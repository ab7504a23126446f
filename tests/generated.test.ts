import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { artefacts } from "../scripts/artefacts.mjs";
import * as crm from "../src/crm/index.js";
import * as lib from "../src/index.js";
import { ROOT, readJson } from "./support/helpers.js";

const text = (path: string) => readFileSync(`${ROOT}/${path}`, "utf8");
const STALE = "stale: run npm run generate and commit the result";

describe("generated files are up to date (scripts/artefacts.mjs, the list npm run generate writes)", () => {
  const made = artefacts(lib, crm, text, (dir: string) => readdirSync(`${ROOT}/${dir}`));
  it("the list holds the schemas, the pages, the policy tables and a golden report per example deal", () => {
    const paths = made.map((a) => a.path);
    expect(paths).toContain("schema/policy.schema.json");
    expect(paths).toContain("docs/scoring.md");
    expect(paths.filter((p) => p.startsWith("examples/reports/")).length).toBe(
      readdirSync(`${ROOT}/examples/deals`).filter((f) => f.endsWith(".json")).length,
    );
  });
  it.each(made.map((a) => ({ path: a.path, make: a.make })))("$path", ({ path, make }) => {
    expect(text(path), STALE).toBe(make());
  });

  it("src/frameworks/builtin-defs.generated.ts: the built-ins, validated from frameworks/*.json", async () => {
    const { builtinFiles, coreRuleSet } = await import("../src/frameworks/builtin.js");
    const catalogue = new Map();
    const frameworks = builtinFiles().map((file) => {
      const result = lib.safeParseFramework(file, { frameworks: catalogue });
      if (!result.success) throw new Error(JSON.stringify(result.issues));
      catalogue.set(result.data.id, result.data);
      return result.data;
    });
    const core = lib.safeParseFramework(coreRuleSet(), { frameworks: catalogue });
    expect(core.success).toBe(true);
    const { builtinDefsSource } = await import("../scripts/builtin-defs-source.mjs");
    expect(text("src/frameworks/builtin-defs.generated.ts"), STALE).toBe(
      builtinDefsSource({ frameworks, core: core.success ? core.data : undefined }),
    );
  });

  it("src/version.ts agrees with package.json", async () => {
    const { QUALIFY_VERSION } = await import("../src/version.js");
    expect(QUALIFY_VERSION).toBe((readJson("package.json") as { version: string }).version);
  });

  it("frameworks/policy.json is a valid policy", () => {
    const parsed = lib.Policy.safeParse(readJson("frameworks/policy.json"));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
});

describe("golden reports of the example deals", () => {
  it("there are at least six example deals, the story's among them", () => {
    const files = readdirSync(`${ROOT}/examples/deals`).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(files).toContain("story-alice.json");
  });
});

describe("the deal model's documented interfaces", () => {
  it("src/model/deal-types.generated.ts: what scripts/deal-types.mjs writes from the zod model", async () => {
    const { spawnSync } = await import("node:child_process");
    const run = spawnSync(process.execPath, ["scripts/deal-types.mjs", "--stdout"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout, STALE).toBe(text("src/model/deal-types.generated.ts"));
  });
});
