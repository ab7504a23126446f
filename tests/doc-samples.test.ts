import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { node, ROOT } from "./support/helpers.js";

// Every ```ts block in the README and the guides is run, against the built package, as a user would.
// A block fenced as ```ts no-run is a fragment and is skipped.
const files = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const samples = files.flatMap((file) =>
  [...readFileSync(join(ROOT, file), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map(
    (m, i) => [`${file} #${i + 1}`, m[1] as string] as const,
  ),
);
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

describe("code samples in the docs type-check against the public API", () => {
  it("every sample compiles with the project's strict settings", () => {
    const typed = join(dir, "typed");
    const names = samples.map(([name, source]) => {
      const file = join(typed, `${name.replace(/[^\w]+/g, "_")}.mts`);
      mkdirSync(typed, { recursive: true });
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
        (d) =>
          `${d.file?.fileName.split("/").pop()}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      );
    expect(errors).toEqual([]);
  });
});
