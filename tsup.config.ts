import { mkdir, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Plugin as EsbuildPlugin } from "esbuild";
import { defineConfig } from "tsup";
import * as coreApi from "./src/core.js";
import { fingerprint } from "./src/engine/hash.js";
import { withoutProse } from "./src/frameworks/prose.js";
import * as publicApi from "./src/index.js";

// qualify/node and its worker import the core as the package itself, never a copy of it: the one core is
// shared (instanceof QualifyError holds across entries; plugins made with one work with the other).
const coreAsPackage: EsbuildPlugin = {
  name: "core-as-package",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
      /src[\\/](node|crm)[\\/]core\.ts$/.test(args.importer)
        ? { path: "qualify", external: true }
        : undefined,
    );
  },
};

/** The side a `lazy-side` file names and the one function it exports; undefined for any other file. */
async function lazySide(path: string): Promise<{ side: string; fn: string } | undefined> {
  const source = await readFile(path, "utf8");
  const side = /^\/\/ lazy-side: (\w+)$/m.exec(source)?.[1];
  if (side === undefined) return undefined;
  const fn = /^export const (\w+)/m.exec(source)?.[1];
  if (fn === undefined) throw new Error(`${path}: a lazy-side file exports one const`);
  return { side, fn };
}

/** A plugin putting `render(side, fn)` in place of each lazy-side file. */
const sidesAs = (name: string, render: (side: string, fn: string) => string): EsbuildPlugin => ({
  name,
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const found = await lazySide(args.path);
      if (found === undefined) return undefined;
      return { contents: render(found.side, found.fn), loader: "js", resolveDir: resolve("src") };
    });
  },
});

// In the ESM build for Node, each `lazy-side` file (src/model/model-side.ts, src/engine/lazy-setup.ts,
// src/engine/json-logic-side.ts, src/lazy-api.ts) becomes a synchronous load of the on-demand module on its
// first call (require of an ES module, Node >= 20.19: the same module instances as `import`), so zod and
// json-logic-js load only when first needed. Elsewhere (CJS, the global script, the UDF) the file's plain
// import stays. `file` is the on-demand module's name beside the chunks: the CLI has its own
// (dist/cli/cli-on-demand.js), so that it never loads a second copy of the core; a name found nowhere
// fails loudly, never silently.
const lazySides = (prefix: string): EsbuildPlugin =>
  sidesAs("lazy-sides", (side, fn) => {
    // Checking framework files has its own module, with no zod (src/on-demand-setup.ts).
    const file = `${prefix}${side === "setup" ? "on-demand-setup" : "on-demand"}.js`;
    return [
      `import { loadOnDemand } from ${JSON.stringify(resolve("src/load-on-demand.ts"))};`,
      "let side;",
      `export const ${fn} = () => (side ??= loadOnDemand(${JSON.stringify(file)}, import.meta.url)).${side};`,
    ].join("\n");
  });

// qualify/score in a browser bundle (dist/score.browser.js): no zod and no json-logic-js at all. Each
// lazy-side file becomes a function throwing a clear error (src/score-unavailable.ts) naming what needs
// `qualify` instead: framework files, custom schemas, policy overrides, interpreter mode.
const leanSides = sidesAs(
  "lean-sides",
  (side, fn) =>
    `import { unavailable } from ${JSON.stringify(resolve("src/score-unavailable.ts"))};\nexport const ${fn} = () => unavailable(${JSON.stringify(side)});\n`,
);

// The generated built-ins (src/frameworks/builtin-defs.generated.ts) as data, optionally without their prose,
// with each definition's hash worked out here by the engine's own function (`fingerprint` over the
// definition without prose, as src/engine/compile-framework.ts takes it): a qualifier of the built-ins
// then hashes nothing when it is made.
async function builtinsData(path: string, lean: boolean) {
  const text = await readFile(path, "utf8");
  const literal = /^const source[^=]*= (\{.*\});$/m.exec(text)?.[1];
  if (literal === undefined) throw new Error(`${path}: no source object found`);
  const source = JSON.parse(literal) as { order: string[]; frameworks: Record<string, string>; core: string };
  const each = (json: string) => {
    const def = JSON.parse(json);
    return {
      json: lean ? JSON.stringify(withoutProse(def, "-")) : json,
      hash: fingerprint(withoutProse(def)),
    };
  };
  const frameworks = Object.entries(source.frameworks).map(([id, json]) => [id, each(json)] as const);
  const core = each(source.core);
  const out = {
    order: source.order,
    frameworks: Object.fromEntries(frameworks.map(([id, f]) => [id, f.json])),
    core: core.json,
    hashes: { frameworks: Object.fromEntries(frameworks.map(([id, f]) => [id, f.hash])), core: core.hash },
  };
  return out;
}

async function builtinsSource(path: string, lean: boolean): Promise<string> {
  return `export default ${JSON.stringify(await builtinsData(path, lean))};`;
}

/** A plugin putting `make(path)` in place of the generated built-ins. */
const builtinsAs = (name: string, make: (path: string) => Promise<string>): EsbuildPlugin => ({
  name,
  setup(build) {
    build.onLoad({ filter: /[\\/]builtin-defs\.generated\.ts$/ }, async (args) => ({
      contents: await make(args.path),
      loader: "js",
    }));
  },
});

// The built-ins with their hashes (the CJS build, dist/full.js).
const builtinHashes = builtinsAs("builtin-hashes", (path) => builtinsSource(path, false));

// The built-ins in qualify/score's browser bundle without their prose (summaries, origins, sources,
// descriptions: `withoutProse`), as in the UDF: reports never show it and a framework's hash leaves it out,
// so reports are the same; the catalogue's definitions carry "-" as their descriptions.
const leanDefs = builtinsAs("lean-defs", (path) => builtinsSource(path, true));

// In Node (the ESM build and the CLI) the built-ins are a file beside the code, dist/builtins.json, read on
// the first createQualifier: a 220 KB string in the module cost V8 about 7 ms to compile at every import,
// and reading the file costs well under one. It is looked for beside the module that reads it, then one
// folder up (the CLI's chunks are in dist/cli/).
const builtinsFile = builtinsAs("builtins-file", async (path) => {
  await mkdir("dist", { recursive: true });
  await writeFile("dist/builtins.json", JSON.stringify(await builtinsData(path, false)));
  return `import { existsSync, readFileSync } from "node:fs";
let data;
const load = () => {
  if (data === undefined) {
    const here = new URL("builtins.json", import.meta.url);
    const file = existsSync(here) ? here : new URL("../builtins.json", import.meta.url);
    data = JSON.parse(readFileSync(file, "utf8"));
  }
  return data;
};
export default {
  get order() { return load().order; },
  get frameworks() { return load().frameworks; },
  get core() { return load().core; },
  get hashes() { return load().hashes; },
};
`;
});

// dist/index.js for Node (ESM): what scoring needs (src/core.ts) at import, with no zod; every other export
// of src/index.ts made on first use: a function calls the real one, a schema is a stand-in passing every
// use to the real schema (src/lazy-value.ts). Made from the two modules' exports, so it cannot go stale.
function facadeSource(): string {
  const lines = [
    'import { publicApi } from "./lazy-api.js";',
    'import { lazyValue } from "./lazy-value.js";',
    'import { modelSchemas } from "./model/model-side.js";',
    "const adopt = (standIn, real) => modelSchemas().adoptStandIn(standIn, real);",
    'export * from "./core.js";',
  ];
  const wrong: string[] = [];
  for (const [name, value] of Object.entries(publicApi)) {
    if (name in coreApi) continue;
    const isClass = typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value));
    if (typeof value === "function" && !isClass)
      lines.push(`export function ${name}(...args) { return publicApi().${name}(...args); }`);
    else if (typeof value === "object" && value !== null && "_zod" in value)
      lines.push(`export const ${name} = /* @__PURE__ */ lazyValue(() => publicApi().${name}, adopt);`);
    else wrong.push(name);
  }
  if (wrong.length > 0)
    throw new Error(
      `src/index.ts exports ${wrong.join(", ")}: not a function or a schema, so it belongs in src/core.ts`,
    );
  return lines.join("\n");
}

const facade: EsbuildPlugin = {
  name: "facade",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]node-entry\.ts$/ }, () => ({
      contents: facadeSource(),
      loader: "js",
      resolveDir: resolve("src"),
    }));
  },
};

// The CLI bundles the core itself: src/node/core.ts takes it from the modules that hold it
// (src/node/core-parts.ts), not from the whole public API (src/index.ts), which would load calibration,
// comparison, docs and JSON Schema code on every start.
const cliCore: EsbuildPlugin = {
  name: "cli-core",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
      /src[\\/]node[\\/]core\.ts$/.test(args.importer)
        ? { path: resolve("src/node/core-parts.ts") }
        : undefined,
    );
  },
};

// dist/browser.js keeps its two imports as imports of the files beside it (dist/jitless.js, dist/full.js),
// in order, instead of bundling them into one module (where zod's import would be hoisted above jitless).
const siblings: EsbuildPlugin = {
  name: "siblings",
  setup(build) {
    build.onResolve({ filter: /^\.\/(jitless|index)\.js$/ }, (args) =>
      /browser-entry\.ts$/.test(args.importer)
        ? { path: args.path === "./index.js" ? "./full.js" : args.path, external: true }
        : undefined,
    );
  },
};

// The warehouse UDF leaves out what a UDF never uses, to stay under Snowflake's recommended 100 KB
// (gzipped): zod's messages in other languages, zod's JSON Schema reader (customSchema as JSON Schema;
// zod schemas still work), and json-logic-js (interpreter mode). Each stub says so if it is ever called.
const udfDiet: EsbuildPlugin = {
  name: "udf-diet",
  setup(build) {
    build.onResolve({ filter: /locales\/[\w-]+\.c?js$/ }, (args) =>
      /zod/.test(args.resolveDir) && !/\/en\.c?js$/.test(args.path)
        ? { path: args.path, namespace: "udf-locale" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "udf-locale" }, () => ({
      contents: "export default function () { return { localeError: () => undefined }; }",
      loader: "js",
    }));
    build.onResolve({ filter: /from-json-schema\.c?js$/ }, (args) =>
      /zod/.test(args.resolveDir) ? { path: args.path, namespace: "udf-from-json-schema" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "udf-from-json-schema" }, () => ({
      contents:
        "export function fromJSONSchema() { throw new Error('customSchema as a JSON Schema is not available in the warehouse UDF'); }",
      loader: "js",
    }));
    // zod's explicit compiler (z.compile, made with new Function): never called by qualify, and the UDF runs
    // jitless; about 7 KB gzipped.
    build.onResolve({ filter: /[\\/]compile\.c?js$/ }, (args) =>
      /zod/.test(args.resolveDir) ? { path: args.path, namespace: "udf-zod-compile" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "udf-zod-compile" }, () => ({
      contents:
        "const no = () => { throw new Error('z.compile is not available in the warehouse UDF'); }; export const INVALID = Symbol.for('zod.compile.invalid'); export class ZodCompileAsyncError extends Error {} export class ZodCompileUnsupportedError extends Error {} export const compile = no, withParser = no, compileFn = no;",
      loader: "js",
    }));
    // zod's JSON Schema generation (schema.toJSONSchema(), about 20 KB minified): a UDF never writes a JSON
    // Schema. Each export becomes a function whose result throws if it is ever used.
    build.onResolve({ filter: /[\\/](to-json-schema|json-schema-processors)\.c?js$/ }, (args) =>
      /zod/.test(args.resolveDir)
        ? { path: resolve(args.resolveDir, args.path), namespace: "udf-zod-json-schema" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "udf-zod-json-schema" }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const names = [...source.matchAll(/^export (?:const|function) (\w+)/gm)].map((m) => m[1]);
      const no =
        "() => () => { throw new Error('JSON Schema generation is not available in the warehouse UDF'); }";
      return { contents: names.map((n) => `export const ${n} = ${no};`).join("\n"), loader: "js" };
    });
    // A deal's problems from zod, which the UDF carries anyway, instead of the generated explainer too
    // (src/validation/explain-with-zod.ts).
    build.onResolve({ filter: /[\\/]deal-explainer\.generated\.js$/ }, (args) =>
      /explain-with-zod\.ts$/.test(args.importer)
        ? undefined
        : { path: resolve("src/validation/explain-with-zod.ts") },
    );
    // The framework acceptor and the Deal schema as data: zod, which the UDF carries anyway, does both.
    build.onResolve({ filter: /[\\/]framework-acceptor\.generated\.js$/ }, () => ({
      path: resolve("src/frameworks/framework-acceptor-zod.ts"),
    }));
    build.onResolve({ filter: /[\\/]deal-shape\.generated\.js$/ }, () => ({
      path: resolve("src/model/deal-shape-zod.ts"),
    }));
    // The built-ins validated from their files on first use: they compress better than the validated
    // definitions (src/frameworks/builtin-defs-at-run.ts).
    build.onResolve({ filter: /[\\/]builtin-defs\.js$/ }, () => ({
      path: resolve("src/frameworks/builtin-defs-at-run.ts"),
    }));
    // The built-in files without their prose (descriptions, sources, differences): reports never show it, and a
    // framework's hash leaves it out (src/frameworks/prose.ts), so the UDF's reports stay identical.
    build.onLoad({ filter: /[\\/]frameworks[\\/][\w.-]+\.json$/ }, async (args) => {
      const file = JSON.parse(await readFile(args.path, "utf8"));
      const lean = JSON.stringify(withoutProse(file, "-"));
      return { contents: lean, loader: "json" };
    });
    // Code generation: the UDF runs the closures (and stays under the size limit).
    build.onResolve({ filter: /[\\/]codegen\.js$/ }, (args) => ({
      path: args.path,
      namespace: "udf-codegen",
    }));
    build.onLoad({ filter: /.*/, namespace: "udf-codegen" }, () => ({
      contents:
        "export function generateLogic() { throw new Error('codegen is not available in the warehouse UDF: it runs the closures'); } export const literal = generateLogic;",
      loader: "js",
    }));
    build.onResolve({ filter: /^json-logic-js$/ }, () => ({
      path: "json-logic-js",
      namespace: "udf-json-logic",
    }));
    build.onLoad({ filter: /.*/, namespace: "udf-json-logic" }, () => ({
      contents:
        "const no = () => { throw new Error('interpreter mode is not available in the warehouse UDF'); }; export default { apply: no, add_operation: no, rm_operation: no };",
      loader: "js",
    }));
  },
};

// Every build: into dist/ beside the others (`npm run build` empties it first), and no build log in front of
// `npm start`'s report (errors still print).
const quiet = { clean: false, silent: true } as const;

export default defineConfig([
  {
    // dist/index.cjs (everything at require) and the types of `qualify`.
    entry: { index: "src/index.ts" },
    format: ["cjs"],
    dts: true,
    ...quiet,
    sourcemap: false,
    target: "node20",
    platform: "neutral",
    treeshake: true,
    esbuildPlugins: [builtinHashes],
  },
  {
    entry: { index: "src/index.ts", score: "src/core.ts" },
    format: ["esm"],
    dts: { only: true },
    ...quiet,
  },
  {
    // `qualify` in Node (ESM): dist/index.js (the facade: scoring at import, the rest on first use) and
    // dist/on-demand.js (zod and what needs it, loaded by the lazy-side files), sharing their modules through
    // chunks (dist/chunk-*.js), so there is one QualifyError and one of each module.
    entry: {
      index: "src/node-entry.ts",
      "on-demand": "src/on-demand.ts",
      "on-demand-setup": "src/on-demand-setup.ts",
      score: "src/core.ts",
    },
    format: ["esm"],
    dts: false,
    ...quiet,
    target: "node20",
    platform: "node",
    splitting: true,
    esbuildPlugins: [facade, lazySides(""), builtinsFile],
  },
  {
    // qualify/score for bundlers (its `browser` condition): scoring with no zod and no json-logic-js, one
    // self-contained module; what needs them throws a clear error instead (`leanSides`).
    entry: { "score.browser": "src/core.ts" },
    format: ["esm"],
    dts: false,
    ...quiet,
    target: "es2022",
    platform: "browser",
    noExternal: [/.*/],
    esbuildPlugins: [leanSides, leanDefs],
  },
  {
    // dist/full.js: the whole library as one ES module, zod at import, for bundlers (the `browser`
    // condition's dist/browser.js imports it after dist/jitless.js).
    entry: { full: "src/index.ts" },
    format: ["esm"],
    dts: false,
    ...quiet,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
    esbuildPlugins: [builtinHashes],
  },
  {
    // The `browser` condition of `qualify` for bundlers: the library with zod set to jitless before it loads
    // (src/browser.ts), its dependencies left to the app's bundler.
    // Two small files: dist/jitless.js, and dist/browser.js, which imports it and then dist/index.js.
    entry: { browser: "src/browser-entry.ts", jitless: "src/jitless.ts" },
    format: ["esm"],
    dts: false,
    ...quiet,
    target: "es2022",
    platform: "browser",
    esbuildPlugins: [siblings],
  },
  {
    // One self-contained file, dependencies included, for browsers, edge runtimes and sandboxes.
    entry: { qualify: "src/browser.ts" },
    format: ["iife"],
    globalName: "qualify",
    dts: false,
    ...quiet,
    target: "es2022",
    platform: "neutral",
    noExternal: [/.*/],
    minify: true,
  },
  {
    // dist/udf.js: one script for a warehouse JavaScript UDF (see docs/warehouse.md).
    entry: { udf: "src/udf/index.ts" },
    format: ["iife"],
    dts: false,
    ...quiet,
    target: "es2020",
    platform: "neutral",
    noExternal: [/.*/],
    minify: true,
    outExtension: () => ({ js: ".js" }),
    esbuildPlugins: [udfDiet],
  },
  {
    entry: { node: "src/node/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    ...quiet,
    target: "node20",
    platform: "node",
    shims: true,
    esbuildPlugins: [coreAsPackage],
  },
  {
    // qualify/crm: the Salesforce and HubSpot adapters, over the one core.
    entry: { crm: "src/crm/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    ...quiet,
    target: "node20",
    platform: "neutral",
    esbuildPlugins: [coreAsPackage],
  },
  {
    entry: { worker: "src/node/worker.ts" },
    format: ["esm"],
    dts: false,
    ...quiet,
    target: "node20",
    platform: "node",
    esbuildPlugins: [coreAsPackage],
  },
  {
    // dist/cli/cli-on-demand.js: zod and what needs it, loaded by the CLI's lazy-side files on first need
    // (an invalid deal, a framework file, `validate`, `docs`...): `qualify score` on valid deals never loads it.
    entry: {
      cli: "src/cli/main.ts",
      "cli/cli-on-demand": "src/on-demand.ts",
      "cli/cli-on-demand-setup": "src/on-demand-setup.ts",
    },
    format: ["esm"],
    dts: false,
    ...quiet,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    external: ["json-logic-js", "yaml", "marked"],
    // zod inside the CLI's own chunks: one file read at start instead of about ninety modules resolved
    // (`qualify score` about 10% sooner). A plugin's zod schemas still work: zod 4 recognises schemas of
    // another copy by their traits, not by class identity (tests/custom-rule-sets.test.ts).
    noExternal: ["zod"],
    esbuildPlugins: [cliCore, lazySides("cli-"), builtinsFile],
    // Each command is a chunk loaded when it runs (src/cli/main.ts), kept under dist/cli/.
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = "cli/[name]-[hash]";
    },
  },
]);
