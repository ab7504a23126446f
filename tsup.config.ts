import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: false,
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
    target: "node20",
    platform: "node",
    shims: true,
  },
  {
    entry: { worker: "src/node/worker.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    target: "node20",
    platform: "node",
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    clean: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    external: ["json-logic-js", "zod", "yaml"],
  },
]);
