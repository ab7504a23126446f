// Writes the generated files that are committed: JSON Schemas, the framework reference pages and the
// golden reports of the example deals. Run with `npm run generate` (it builds first). Tests fail when
// these files are stale.
import { execFileSync, execSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { crmMappingJsonSchema, safeFromHubSpot, safeFromSalesforce } from "../dist/crm.js";
import * as lib from "../dist/index.js";
import { acceptorSource, frameworkAcceptorSource } from "./acceptor-source.mjs";
import { artefacts } from "./artefacts.mjs";
import { builtinDefsSource } from "./builtin-defs-source.mjs";
import { explainerSource } from "./explainer-source.mjs";
import { GOLDEN_AS_OF } from "./golden-date.mjs";
import { dealShapeSource } from "./shape-source.mjs";

const json = (v) => `${JSON.stringify(v, null, 2)}\n`;

// The built-in frameworks as validated definitions (src/frameworks/builtin-defs.generated.ts), parsed from the
// files in the order frameworks/index.json lists them (each after the one it extends). The build
// embeds them, so a change rebuilds before anything below reads dist.
{
  const names = JSON.parse(readFileSync("frameworks/index.json", "utf8")).frameworks;
  const file = (name) => JSON.parse(readFileSync(`frameworks/${name}.json`, "utf8"));
  const catalogue = new Map();
  const frameworks = names.map((name) => {
    const result = lib.safeParseFramework(file(name), { frameworks: catalogue });
    if (!result.success) throw new Error(`${name}: ${JSON.stringify(result.issues)}`);
    catalogue.set(result.data.id, result.data);
    return result.data;
  });
  const core = lib.safeParseFramework(file("core.rules"), { frameworks: catalogue });
  if (!core.success) throw new Error(`core.rules: ${JSON.stringify(core.issues)}`);
  const text = builtinDefsSource({ frameworks, core: core.data });
  // The deal acceptor (src/validation/deal-acceptor.generated.ts), from the zod Deal schema: built in too.
  const acceptor = acceptorSource(lib.Deal);
  const stale = [
    ["src/frameworks/builtin-defs.generated.ts", text],
    ["src/validation/deal-acceptor.generated.ts", acceptor],
    ["src/validation/deal-explainer.generated.ts", explainerSource(lib.Deal)],
    ["src/frameworks/framework-acceptor.generated.ts", frameworkAcceptorSource(lib)],
    ["src/model/deal-shape.generated.ts", dealShapeSource(lib.Deal)],
  ].filter(([path, made]) => made !== readFileSync(path, "utf8"));
  if (stale.length > 0) {
    for (const [path, made] of stale) writeFileSync(path, made);
    execSync("npm run build --silent", { stdio: "inherit" });
    console.log(
      `wrote ${stale.map(([path]) => path).join(" and ")} and rebuilt; generating the rest with the new build`,
    );
    // This process holds the old build: the rest runs in a fresh one.
    execSync(`"${process.execPath}" scripts/generate.mjs`, { stdio: "inherit" });
    process.exit(0);
  }
}
mkdirSync("schema", { recursive: true });
mkdirSync("docs/frameworks", { recursive: true });
mkdirSync("examples/reports", { recursive: true });
const made = artefacts(
  lib,
  { crmMappingJsonSchema },
  (p) => readFileSync(p, "utf8"),
  (d) => readdirSync(d),
);
for (const { path, make } of made) writeFileSync(path, make());
console.log(
  `wrote ${made.length} files: the schemas, the reference pages, the policy tables, the golden reports`,
);

// The deal model's documented interfaces (src/model/deal-types.generated.ts), from the zod descriptions.
execFileSync(process.execPath, ["scripts/deal-types.mjs"], { stdio: "ignore" });

// The built-ins as the HTML site `qualify docs --format html` writes (tests/generated.test.ts checks it).
rmSync("docs/site", { recursive: true, force: true });
execFileSync(process.execPath, ["dist/cli.js", "docs", "docs/site", "--format", "html"], { stdio: "ignore" });
console.log("wrote the HTML site of the built-ins to docs/site");

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
