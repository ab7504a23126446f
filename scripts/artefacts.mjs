// The one list of generated files that are committed: `npm run generate` (scripts/generate.mjs) writes each
// of them from the built package, and tests/generated.test.ts checks each against the sources. Each entry
// is a path and the function making its text. `lib` is qualify (dist or src), `crm` qualify/crm, `read`
// reads a committed file (for pages with a generated block, and for inputs such as the example deals).
import { acceptorSource, frameworkAcceptorSource } from "./acceptor-source.mjs";
import { explainerSource } from "./explainer-source.mjs";
import { GOLDEN_AS_OF } from "./golden-date.mjs";
import { dealShapeSource } from "./shape-source.mjs";

const json = (v) => `${JSON.stringify(v, null, 2)}\n`;

/** @returns {Array<{ path: string, make: () => string }>} */
export function artefacts(lib, crm, read, list) {
  const out = [];
  const add = (path, make) => out.push({ path, make });
  for (const [name, make] of [
    ["deal", lib.dealJsonSchema],
    ["framework", lib.frameworkJsonSchema],
    ["report", lib.reportJsonSchema],
    ["comparison", lib.comparisonJsonSchema],
    ["calibration", lib.calibrationJsonSchema],
    ["policy", lib.policyJsonSchema],
    ["crm-mapping", crm.crmMappingJsonSchema],
  ])
    add(`schema/${name}.schema.json`, () => json(make()));

  add("src/validation/deal-acceptor.generated.ts", () => acceptorSource(lib.Deal));
  add("src/validation/deal-explainer.generated.ts", () => explainerSource(lib.Deal));
  add("src/frameworks/framework-acceptor.generated.ts", () => frameworkAcceptorSource(lib));
  add("src/model/deal-shape.generated.ts", () => dealShapeSource(lib.Deal));

  const { catalogue } = lib.createQualifier({ frameworks: [] });
  for (const def of catalogue.values()) add(`docs/frameworks/${def.id}.md`, () => lib.frameworkPage(def));
  add("docs/frameworks/README.md", () => lib.frameworkIndex([...catalogue.values()]));
  add("docs/deal-model.md", () => lib.dealModelPage());
  add("docs/issue-codes.md", () => lib.issueCodesPage());
  add("docs/findings.md", () => {
    const everything = lib.createQualifier();
    return lib.findingsPage([...everything.ruleSets, ...catalogue.values()], [...everything.rules.values()]);
  });
  add("docs/scoring.md", () => lib.withPolicyTables(read("docs/scoring.md"), lib.DEFAULT_POLICY, "ranking"));
  add("docs/judgement.md", () =>
    lib.withPolicyTables(read("docs/judgement.md"), lib.DEFAULT_POLICY, "people"),
  );

  const snapshot = (f) => JSON.parse(read(`examples/snapshots/${f}`));
  add("examples/snapshots/diff.json", () =>
    json(lib.compare(snapshot("story-alice-2026-11-13.json"), snapshot("story-alice-2026-11-27.json"))),
  );
  const qualifier = lib.createQualifier();
  for (const file of list("examples/deals").filter((f) => f.endsWith(".json")))
    add(`examples/reports/${file}`, () =>
      json(qualifier.evaluate(JSON.parse(read(`examples/deals/${file}`)), { asOf: GOLDEN_AS_OF })),
    );
  return out;
}
