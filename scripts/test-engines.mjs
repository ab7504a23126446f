// `npm run test:engines`: the opt-in engine tests (tests/engines/*.engine.ts), with chDB, ClickHouse
// in-process (543 MB), installed on first use into .engines/ so that `npm install` never downloads it.
// Run it when the stream contract, the CLI's NDJSON output or docs/engines.md's ClickHouse recipe changes.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";

const CHDB = "chdb@3.4.0";
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!existsSync(".engines/node_modules/chdb")) {
  mkdirSync(".engines", { recursive: true });
  writeFileSync(".engines/package.json", '{ "private": true }\n');
  console.log(`Installing ${CHDB} into .engines/ (about 550 MB, once)...`);
  run("npm", ["install", "--prefix", ".engines", "--no-audit", "--no-fund", "--no-save", CHDB]);
}
run("npm", ["run", "build", "--silent"]);
run("npx", ["vitest", "run", "--config", "vitest.engines.config.ts"]);
