// `npm test`: every test. The unit tests (the sources alone) run while the package builds; the package
// tests (dist/, the CLI, workers, doc samples, the browser script) run once the build is done. Arguments
// after `--` go to vitest (`npm test -- tests/cli.test.ts`), after the build.
import { spawn } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const vitest = ["node_modules/vitest/vitest.mjs", "run"];
const run = (command, args, quiet = false) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });

const extra = process.argv.slice(2);
if (extra.length > 0) {
  const build = await run(npm, ["run", "build", "--silent"]);
  if (build.code !== 0) process.exit(build.code);
  process.exit((await run(process.execPath, [...vitest, ...extra])).code);
}

// The build's output is held back while the unit tests print, and shown only if it fails.
const [build, unit] = await Promise.all([
  run(npm, ["run", "build", "--silent"], true),
  run(process.execPath, [...vitest, "--project", "unit"]),
]);
if (build.code !== 0) {
  process.stderr.write(build.output);
  console.error("\nThe build failed: the package tests did not run.");
  process.exit(build.code);
}
const pkg = await run(process.execPath, [...vitest, "--project", "package"]);
process.exit(unit.code !== 0 ? unit.code : pkg.code);
