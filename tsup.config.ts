import type { Plugin as EsbuildPlugin } from "esbuild";
import { defineConfig } from "tsup";

// qualify/node and its worker import the core as the package itself, never a copy of it: the one core is
// shared (instanceof QualifyError holds across entries; plugins made with one work with the other).
const coreAsPackage: EsbuildPlugin = {
  name: "core-as-package",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
      /src[\\/]node[\\/]core\.ts$/.test(args.importer) ? { path: "qualify", external: true } : undefined,
    );
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
    // One self-contained file, dependencies included, for browsers, edge runtimes and sandboxes.
    entry: { qualify: "src/index.ts" },
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
    external: ["json-logic-js", "zod", "yaml"],
  },
]);
