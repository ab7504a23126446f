import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GOLDEN_AS_OF } from "../scripts/golden-date.mjs";
import { crmMappingJsonSchema } from "../src/crm/index.js";
import {
  calibrationJsonSchema,
  compare,
  comparisonJsonSchema,
  createQualifier,
  dealJsonSchema,
  dealModelPage,
  findingsPage,
  frameworkIndex,
  frameworkJsonSchema,
  frameworkPage,
  issueCodesPage,
  reportJsonSchema,
} from "../src/index.js";
import { ROOT, readJson } from "./support/helpers.js";

const text = (path: string) => readFileSync(`${ROOT}/${path}`, "utf8");
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const STALE = "stale: run npm run generate and commit the result";

describe("generated files are up to date", () => {
  it.each([
    ["schema/deal.schema.json", dealJsonSchema],
    ["schema/framework.schema.json", frameworkJsonSchema],
    ["schema/report.schema.json", reportJsonSchema],
    ["schema/comparison.schema.json", comparisonJsonSchema],
    ["schema/calibration.schema.json", calibrationJsonSchema],
    ["schema/crm-mapping.schema.json", crmMappingJsonSchema],
  ])("%s", (path, make) => {
    expect(text(path), STALE).toBe(json(make()));
  });

  it("src/frameworks/builtin-defs.generated.ts: the built-ins, validated from frameworks/*.json", async () => {
    const { builtinFiles, coreRuleSet } = await import("../src/frameworks/builtin.js");
    const { safeParseFramework } = await import("../src/index.js");
    const catalogue = new Map();
    const frameworks = builtinFiles().map((file) => {
      const result = safeParseFramework(file, { frameworks: catalogue });
      if (!result.success) throw new Error(JSON.stringify(result.issues));
      catalogue.set(result.data.id, result.data);
      return result.data;
    });
    const core = safeParseFramework(coreRuleSet(), { frameworks: catalogue });
    expect(core.success).toBe(true);
    const { builtinDefsSource } = await import("../scripts/builtin-defs-source.mjs");
    expect(text("src/frameworks/builtin-defs.generated.ts"), STALE).toBe(
      builtinDefsSource({ frameworks, core: core.success ? core.data : undefined }),
    );
  });

  it("docs/issue-codes.md", () => {
    expect(text("docs/issue-codes.md"), STALE).toBe(issueCodesPage());
  });

  it("docs/deal-model.md", () => {
    expect(text("docs/deal-model.md"), STALE).toBe(dealModelPage());
  });

  const { catalogue } = createQualifier({ frameworks: [] });
  it.each([...catalogue.keys()])("docs/frameworks/%s.md", (id) => {
    expect(text(`docs/frameworks/${id}.md`), STALE).toBe(frameworkPage(catalogue.get(id) as never));
  });
  it("examples/snapshots/diff.json", () => {
    const snapshot = (f: string) => readJson(`examples/snapshots/${f}`);
    expect(text("examples/snapshots/diff.json"), STALE).toBe(
      `${JSON.stringify(compare(snapshot("story-alice-2026-11-13.json"), snapshot("story-alice-2026-11-27.json")), null, 2)}\n`,
    );
  });

  it("src/version.ts agrees with package.json", async () => {
    const { QUALIFY_VERSION } = await import("../src/version.js");
    expect(QUALIFY_VERSION).toBe((readJson("package.json") as { version: string }).version);
  });

  it("docs/findings.md", () => {
    const q = createQualifier();
    expect(text("docs/findings.md"), STALE).toBe(
      findingsPage([...q.ruleSets, ...catalogue.values()], [...q.rules.values()]),
    );
  });

  it("docs/frameworks/README.md", () => {
    expect(text("docs/frameworks/README.md"), STALE).toBe(frameworkIndex([...catalogue.values()]));
  });
});

describe("golden reports of the example deals", () => {
  const qualifier = createQualifier();
  const files = readdirSync(`${ROOT}/examples/deals`).filter((f) => f.endsWith(".json"));
  it("there are at least six example deals, the story's among them", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(files).toContain("story-alice.json");
  });
  it.each(files)("%s", (file) => {
    const report = qualifier.evaluate(readJson(`examples/deals/${file}`), { asOf: GOLDEN_AS_OF });
    expect(json(report), STALE).toBe(text(`examples/reports/${file}`));
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
