import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/helpers.js";

// The house rules, checked on every run: ARCHITECTURE.md names every folder of src/, no import cycle
// between source files (type-only imports aside), no function longer than 120 lines.

const SRC = join(ROOT, "src");
const files: string[] = [];
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith(".ts")) files.push(path);
  }
};
walk(SRC);
const parsed = new Map(
  files.map((f) => [f, ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true)]),
);

/** The source files a file imports at run time (type-only imports and exports left out). */
function runtimeImports(file: string): string[] {
  const out: string[] = [];
  for (const node of (parsed.get(file) as ts.SourceFile).statements) {
    const isImport = ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly;
    const isExport = ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier;
    if (!isImport && !isExport) continue;
    if (isImport && node.importClause?.namedBindings && ts.isNamedImports(node.importClause.namedBindings)) {
      const named = node.importClause.namedBindings.elements;
      if (!node.importClause.name && named.length > 0 && named.every((e) => e.isTypeOnly)) continue;
    }
    const spec = (node as ts.ImportDeclaration | ts.ExportDeclaration).moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith(".")) continue;
    const target = resolve(dirname(file), spec.text).replace(/\.js$/, ".ts");
    if (parsed.has(target)) out.push(target);
  }
  return out;
}

describe("the house", () => {
  it("ARCHITECTURE.md names every folder under src/", () => {
    const page = readFileSync(join(ROOT, "ARCHITECTURE.md"), "utf8");
    const folders = readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isDirectory());
    expect(folders.filter((f) => !page.includes(`src/${f}/`))).toEqual([]);
  });

  it("no import cycle between source files (type-only imports aside)", () => {
    const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, "open");
      stack.push(f);
      for (const g of graph.get(f) ?? []) {
        if (state.get(g) === "open")
          cycles.push([...stack.slice(stack.indexOf(g)), g].map((x) => relative(SRC, x)).join(" -> "));
        else if (!state.has(g)) visit(g);
      }
      stack.pop();
      state.set(f, "done");
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it("no function in src/ is longer than 120 lines", () => {
    const long: string[] = [];
    for (const [file, source] of parsed) {
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && (node as { body?: ts.Node }).body) {
          const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const last = source.getLineAndCharacterOfPosition(node.end).line;
          if (last - first + 1 > 120)
            long.push(`${relative(SRC, file)}:${first + 1} (${last - first + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });
});
