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

/** The layer of each folder of src/, from the table in ARCHITECTURE.md (`| 3 | \`src/logic/\` | ...`). */
function layersOf(page: string): Map<string, number> {
  const layer = new Map<string, number>();
  for (const row of page.matchAll(/^\| (\d+)\s*\| (.+?)\s*\|/gm))
    for (const folder of (row[2] as string).matchAll(/`src\/([\w-]+)\/`/g))
      layer.set(folder[1] as string, Number(row[1]));
  return layer;
}

/** The imports (from, to: paths under src/) that run to a folder of the same or a higher layer. */
function wrongWay(
  layer: ReadonlyMap<string, number>,
  edges: ReadonlyArray<readonly [string, string]>,
): string[] {
  const folderOf = (path: string) => path.split(/[\\/]/)[0] as string;
  const wrong: string[] = [];
  for (const [from, to] of edges) {
    const [a, b] = [layer.get(folderOf(from)), layer.get(folderOf(to))];
    // Files at src/ itself (index.ts, browser.ts, version.ts) are entries or leaves, outside the layers.
    if (a === undefined || b === undefined || folderOf(from) === folderOf(to)) continue;
    if (b >= a) wrong.push(`${from} -> ${to} (layer ${a} -> ${b})`);
  }
  return wrong;
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

  it("imports run only to lower layers, as ARCHITECTURE.md orders them (type-only imports aside)", () => {
    const layer = layersOf(readFileSync(join(ROOT, "ARCHITECTURE.md"), "utf8"));
    const folders = readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isDirectory());
    expect(folders.filter((f) => !layer.has(f))).toEqual([]);
    const edges = files.flatMap((f) =>
      runtimeImports(f).map((t) => [relative(SRC, f), relative(SRC, t)] as const),
    );
    expect(wrongWay(layer, edges)).toEqual([]);
  });

  it("the layer check reports a wrong-way import and a same-layer one", () => {
    const layer = layersOf("| 3 | `src/logic/` | x |\n| 7 | `src/engine/`, `src/config/` | y |\n");
    expect(
      wrongWay(layer, [
        ["engine/a.ts", "logic/b.ts"],
        ["logic/b.ts", "engine/a.ts"],
        ["config/c.ts", "engine/a.ts"],
        ["index.ts", "engine/a.ts"],
      ]),
    ).toEqual(["logic/b.ts -> engine/a.ts (layer 3 -> 7)", "config/c.ts -> engine/a.ts (layer 7 -> 7)"]);
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
