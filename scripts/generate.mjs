// Writes the generated files that are committed: JSON Schemas, the framework reference pages and the
// golden reports of the example deals. Run with `npm run generate` (it builds first). Tests fail when
// these files are stale.
import { execFileSync, execSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { crmMappingJsonSchema, safeFromHubSpot, safeFromSalesforce } from "../dist/crm.js";
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
  safeParseFramework,
} from "../dist/index.js";
import { builtinDefsSource } from "./builtin-defs-source.mjs";
import { GOLDEN_AS_OF } from "./golden-date.mjs";

const json = (v) => `${JSON.stringify(v, null, 2)}\n`;

// The built-in frameworks as validated definitions (src/frameworks/builtin-defs.generated.ts), parsed from the
// files in the order src/frameworks/builtin.ts lists them (each after the one it extends). The build
// embeds them, so a change rebuilds before anything below reads dist.
{
  const listed = readFileSync("src/frameworks/builtin.ts", "utf8").match(/return \[([\s\S]*?)\];/)[1];
  const names = listed
    .split(",")
    .map((n) => n.trim().replace(/_/g, "-"))
    .filter(Boolean);
  const file = (name) => JSON.parse(readFileSync(`frameworks/${name}.json`, "utf8"));
  const catalogue = new Map();
  const frameworks = names.map((name) => {
    const result = safeParseFramework(file(name), { frameworks: catalogue });
    if (!result.success) throw new Error(`${name}: ${JSON.stringify(result.issues)}`);
    catalogue.set(result.data.id, result.data);
    return result.data;
  });
  const core = safeParseFramework(file("core.rules"), { frameworks: catalogue });
  if (!core.success) throw new Error(`core.rules: ${JSON.stringify(core.issues)}`);
  const text = builtinDefsSource({ frameworks, core: core.data });
  if (text !== readFileSync("src/frameworks/builtin-defs.generated.ts", "utf8")) {
    writeFileSync("src/frameworks/builtin-defs.generated.ts", text);
    execSync("npm run build --silent", { stdio: "inherit" });
    console.log(
      "wrote src/frameworks/builtin-defs.generated.ts and rebuilt; generating the rest with the new build",
    );
    // This process holds the old build: the rest runs in a fresh one.
    execSync(`"${process.execPath}" scripts/generate.mjs`, { stdio: "inherit" });
    process.exit(0);
  }
}
mkdirSync("schema", { recursive: true });
writeFileSync("schema/deal.schema.json", json(dealJsonSchema()));
writeFileSync("schema/framework.schema.json", json(frameworkJsonSchema()));
writeFileSync("schema/report.schema.json", json(reportJsonSchema()));
writeFileSync("schema/comparison.schema.json", json(comparisonJsonSchema()));
writeFileSync("schema/calibration.schema.json", json(calibrationJsonSchema()));
writeFileSync("schema/crm-mapping.schema.json", json(crmMappingJsonSchema()));

const { catalogue } = createQualifier({ frameworks: [] });
mkdirSync("docs/frameworks", { recursive: true });
for (const def of catalogue.values()) writeFileSync(`docs/frameworks/${def.id}.md`, frameworkPage(def));
writeFileSync("docs/frameworks/README.md", frameworkIndex([...catalogue.values()]));
writeFileSync("docs/deal-model.md", dealModelPage());
writeFileSync("docs/issue-codes.md", issueCodesPage());
const everything = createQualifier();
writeFileSync(
  "docs/findings.md",
  findingsPage([...everything.ruleSets, ...catalogue.values()], [...everything.rules.values()]),
);
console.log(`wrote 3 schemas, the deal model page and ${catalogue.size + 1} framework pages`);

// The deal model's documented interfaces (src/model/deal-types.generated.ts), from the zod descriptions.
execFileSync(process.execPath, ["scripts/deal-types.mjs"], { stdio: "ignore" });

// The built-ins as the HTML site `qualify docs --format html` writes (tests/generated.test.ts checks it).
rmSync("docs/site", { recursive: true, force: true });
execFileSync(process.execPath, ["dist/cli.js", "docs", "docs/site", "--format", "html"], { stdio: "ignore" });
console.log("wrote the HTML site of the built-ins to docs/site");

// Golden reports: every example deal scored with the default frameworks as of a fixed date.
mkdirSync("examples/reports", { recursive: true });
const qualifier = createQualifier();
const deals = readdirSync("examples/deals").filter((f) => f.endsWith(".json"));
for (const file of deals) {
  const deal = JSON.parse(readFileSync(`examples/deals/${file}`, "utf8"));
  writeFileSync(`examples/reports/${file}`, json(qualifier.evaluate(deal, { asOf: GOLDEN_AS_OF })));
}
console.log(`wrote ${deals.length} golden reports`);

// The golden comparison of the example snapshots (examples/snapshots), as qualify diff writes it.
const snapshot = (f) => JSON.parse(readFileSync(`examples/snapshots/${f}`, "utf8"));
writeFileSync(
  "examples/snapshots/diff.json",
  json(compare(snapshot("story-alice-2026-11-13.json"), snapshot("story-alice-2026-11-27.json"))),
);
console.log("wrote the golden comparison of the example snapshots");

// Golden CRM imports: each fixture's records (with its mapping, when it has one) as the deal and the
// warnings the adapter gives, as of the golden date.
const adapters = { salesforce: safeFromSalesforce, hubspot: safeFromHubSpot };
for (const [crm, adapt] of Object.entries(adapters)) {
  for (const file of readdirSync(`examples/crm/${crm}`).filter((f) => f.endsWith(".records.json"))) {
    const base = `examples/crm/${crm}/${file.replace(".records.json", "")}`;
    const records = JSON.parse(readFileSync(`examples/crm/${crm}/${file}`, "utf8"));
    const mappingFile = readdirSync(`examples/crm/${crm}`).includes(
      `${file.replace(".records.json", "")}.mapping.json`,
    )
      ? `${base}.mapping.json`
      : undefined;
    const mapping = mappingFile ? JSON.parse(readFileSync(mappingFile, "utf8")) : undefined;
    const result = adapt(records, { asOf: GOLDEN_AS_OF, ...(mapping ? { mapping } : {}) });
    if (!result.success) throw new Error(`${file}: ${JSON.stringify(result.issues)}`);
    writeFileSync(`${base}.expected.json`, json(result.data));
  }
}
console.log("wrote the golden CRM imports");
