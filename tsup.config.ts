import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Plugin as EsbuildPlugin } from "esbuild";
import { defineConfig } from "tsup";
import { withoutProse } from "./src/frameworks/prose.js";

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

// dist/browser.js keeps its two imports as imports of the files beside it (dist/jitless.js, dist/index.js),
// in order, instead of bundling them into one module (where zod's import would be hoisted above jitless).
const siblings: EsbuildPlugin = {
  name: "siblings",
  setup(build) {
    build.onResolve({ filter: /^\.\/(jitless|index)\.js$/ }, (args) =>
      /browser-entry\.ts$/.test(args.importer) ? { path: args.path, external: true } : undefined,
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

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: false,
    // No build log in front of `npm start`'s report (errors still print).
    silent: true,
    sourcemap: false,
    target: "node20",
    platform: "neutral",
    treeshake: true,
  },
  {
    // The `browser` condition of `qualify` for bundlers: the library with zod set to jitless before it loads
    // (src/browser.ts), its dependencies left to the app's bundler.
    // Two small files: dist/jitless.js, and dist/browser.js, which imports it and then dist/index.js.
    entry: { browser: "src/browser-entry.ts", jitless: "src/jitless.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    // No build log in front of `npm start`'s report (errors still print).
    silent: true,
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
    clean: false,
    // No build log in front of `npm start`'s report (errors still print).
    silent: true,
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
    clean: false,
    // No build log in front of `npm start`'s report (errors still print).
    silent: true,
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
    clean: false,
    // No build log in front of `npm start`'s report (errors still print).
    silent: true,
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
    clean: false,
    // No build log in front of `npm start`'s report (errors still print).
    silent: true,
    target: "node20",
    platform: "neutral",
    esbuildPlugins: [coreAsPackage],
  },
  {
    entry: { worker: "src/node/worker.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    // No build log in front of `npm start`'s report (errors still print).
    silent: true,
    target: "node20",
    platform: "node",
    esbuildPlugins: [coreAsPackage],
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    // No build log in front of `npm start`'s report (errors still print).
    silent: true,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    external: ["json-logic-js", "yaml", "marked"],
    // zod inside the CLI's own chunks: one file read at start instead of about ninety modules resolved
    // (`qualify score` about 10% sooner). A plugin's zod schemas still work: zod 4 recognises schemas of
    // another copy by their traits, not by class identity (tests/custom-rule-sets.test.ts).
    noExternal: ["zod"],
    esbuildPlugins: [cliCore],
    // Each command is a chunk loaded when it runs (src/cli/main.ts), kept under dist/cli/.
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = "cli/[name]-[hash]";
    },
  },
]);
