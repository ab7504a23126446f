import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { docSamples } from "../scripts/doc-samples.mjs";
import { node, ROOT } from "./support/helpers.js";

// Every ```ts block in the README and the guides is run, against the built package, as a user would.
// A block fenced as ```ts no-run is a fragment and is skipped. Their type check is part of
// `npm run typecheck` (scripts/typecheck-doc-samples.mjs), over the same list.
const samples = docSamples(ROOT);
const dir = mkdtempSync(join(tmpdir(), "qualify-docs-"));
const dist = join(ROOT, "dist/index.js");

describe("code samples in the docs run", () => {
  it("there are samples", () => expect(samples.length).toBeGreaterThan(2));
  it.each(samples)("%s", (name, source) => {
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const file = join(dir, `${name.replace(/[^\w]+/g, "_")}.mjs`);
    writeFileSync(
      file,
      js
        .replace(/from "qualify\/node"/g, `from ${JSON.stringify(join(ROOT, "dist/node.js"))}`)
        .replace(/from "qualify\/crm"/g, `from ${JSON.stringify(join(ROOT, "dist/crm.js"))}`)
        .replace(/from "qualify"/g, `from ${JSON.stringify(dist)}`),
    );
    const run = node([file]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
