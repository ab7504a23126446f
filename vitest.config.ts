import { readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

// Two projects. "unit": tests of the sources alone, which need no build (`npm run test:unit`). "package":
// tests that run the built package (dist/, the CLI, worker threads, doc samples, the browser script), run
// after the build. A test file is a package test when it names dist/ or starts a process; the list is
// worked out here, so a new test lands in the right project by what it does.
const PACKAGE = /dist\/|\bcli\(|\bnode\(|cli\.js|spawn|execFile/;
const files = readdirSync("tests").filter((f) => f.endsWith(".test.ts"));
const needsBuild = files.filter((f) => PACKAGE.test(readFileSync(`tests/${f}`, "utf8")));
const unit = files.filter((f) => !needsBuild.includes(f));

export default defineConfig({
  test: {
    pool: "threads",
    // Both cores (vitest's default leaves one free), and one module graph per worker rather than per file:
    // the sources hold no global mutable state (a house rule), so files cannot leak into each other.
    maxWorkers: 2,
    isolate: false,
    // A guard against a hang, not a speed check: no test is sized by time, and a busy machine only
    // makes a run slower.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    projects: [
      { extends: true, test: { name: "unit", include: unit.map((f) => `tests/${f}`) } },
      { extends: true, test: { name: "package", include: needsBuild.map((f) => `tests/${f}`) } },
    ],
  },
});
