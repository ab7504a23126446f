// Part of `npm run typecheck`: every code sample of the docs compiles against the public API (the sources,
// through the package names) with the project's strict settings. The samples also run, against the built
// package, in tests/doc-samples.test.ts.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { docSamples } from "./doc-samples.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dir = join(mkdtempSync(join(tmpdir(), "qualify-samples-")), "typed");
mkdirSync(dir, { recursive: true });
const names = docSamples(ROOT).map(([name, source]) => {
  const file = join(dir, `${name.replace(/[^\w]+/g, "_")}.mts`);
  writeFileSync(file, `${source}\nexport {};\n`);
  return file;
});
const program = ts.createProgram(names, {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ["node"],
  typeRoots: [join(ROOT, "node_modules/@types")],
  baseUrl: ROOT,
  paths: {
    qualify: ["src/index.ts"],
    "qualify/node": ["src/node/index.ts"],
    "qualify/crm": ["src/crm/index.ts"],
  },
});
const errors = ts
  .getPreEmitDiagnostics(program)
  .map(
    (d) => `${d.file?.fileName.split("/").pop()}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
  );
if (errors.length > 0) {
  console.error(`Doc samples that do not type-check:\n${errors.join("\n")}`);
  process.exit(1);
}
console.log(`${names.length} doc samples type-check`);
