// An app, as a user writes one, bundled for the browser by esbuild from the package as installed (a
// node_modules/qualify link to this repository): the browser test runs it in Chromium, the size bench
// weighs it. Resolves to { text, metafile }.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

export async function bundleApp(root, source) {
  const dir = mkdtempSync(join(tmpdir(), "qualify-app-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules/qualify"), "dir");
  writeFileSync(join(dir, "app.js"), source);
  const out = await build({
    entryPoints: [join(dir, "app.js")],
    bundle: true,
    minify: true,
    platform: "browser",
    format: "iife",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return { text: out.outputFiles[0]?.text ?? "", metafile: out.metafile };
}
