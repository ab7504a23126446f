// Writes the generated files that are committed: JSON Schemas and the framework reference pages.
// Run with `npm run generate` (it builds first). Tests fail when these files are stale.
import { mkdirSync, writeFileSync } from "node:fs";
import {
  createQualifier,
  dealJsonSchema,
  frameworkIndex,
  frameworkJsonSchema,
  frameworkPage,
  reportJsonSchema,
} from "../dist/index.js";

const json = (v) => `${JSON.stringify(v, null, 2)}\n`;
mkdirSync("schema", { recursive: true });
writeFileSync("schema/deal.schema.json", json(dealJsonSchema()));
writeFileSync("schema/framework.schema.json", json(frameworkJsonSchema()));
writeFileSync("schema/report.schema.json", json(reportJsonSchema()));

const { catalogue } = createQualifier({ frameworks: [] });
mkdirSync("docs/frameworks", { recursive: true });
for (const def of catalogue.values()) writeFileSync(`docs/frameworks/${def.id}.md`, frameworkPage(def));
writeFileSync("docs/frameworks/README.md", frameworkIndex([...catalogue.values()]));
console.log(`wrote 3 schemas and ${catalogue.size + 1} framework pages`);
