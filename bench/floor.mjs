// One NDJSON line with all twelve frameworks against the JSON floor: `JSON.parse(line)` of the deal plus
// `JSON.stringify(report)` of the report it gives, the least any scorer that reads and writes JSON does.

import { mkdirSync, writeFileSync } from "node:fs";
import { createQualifier } from "../dist/index.js";
import { makeDeals } from "./deals.mjs";
import { medianOpsPerSecond, rate } from "./measure.mjs";
import { fileRun } from "./system.mjs";

const ALL = [...createQualifier({ frameworks: [] }).catalogue.keys()];
const asOf = "2026-11-27";
const lines = makeDeals(500).map((d) => JSON.stringify(d));

const measured = (fn) => medianOpsPerSecond(fn, lines.length);

/** Rows: per configuration, lines per second for the floor and for qualify, and the ratio of times. */
export async function benchFloor() {
  const rows = [];
  for (const [name, options] of [
    ["full reports", {}],
    ["full reports, codegen", { codegen: true }],
    ["--compact (5 questions, no evidence, no why)", { compact: true }],
    ["--compact, codegen", { compact: true, codegen: true }],
  ]) {
    const q = createQualifier({ frameworks: ALL, ...options });
    const reports = lines.map((l) => q.evaluate(JSON.parse(l), { asOf }));
    const bytes = reports.reduce((n, r) => n + JSON.stringify(r).length, 0) / reports.length;
    const floor = await measured(() => {
      let x;
      for (let i = 0; i < lines.length; i++) {
        JSON.parse(lines[i]);
        x = JSON.stringify(reports[i]);
      }
      return x;
    });
    const ours = await measured(() => {
      let x;
      for (let i = 0; i < lines.length; i++) {
        const result = q.safeEvaluate(JSON.parse(lines[i]), { asOf });
        x = result.success ? JSON.stringify(result.data) : "";
      }
      return x;
    });
    rows.push([
      name,
      `${(bytes / 1024).toFixed(1)} KB`,
      rate(floor),
      rate(ours),
      `${(floor / ours).toFixed(2)}x`,
    ]);
    if (name === "full reports") rows.push(...cliRows(floor));
  }
  return rows;
}

/**
 * The CLI on the same deals (5,000 lines: the 500 ten times, from a file, output to /dev/null), on one
 * thread and with two workers, against the same floor: process start and line handling included.
 */
function cliRows(floor) {
  mkdirSync(".bench-tmp", { recursive: true });
  const file = ".bench-tmp/floor.ndjson";
  writeFileSync(file, `${Array.from({ length: 10 }, () => lines.join("\n")).join("\n")}\n`);
  const frameworks = ["-f", ALL.join(",")];
  const rows = [];
  for (const [name, extra] of [
    ["qualify score --ndjson (the CLI, one thread)", []],
    ["qualify score --ndjson --workers 2", ["--workers", "2"]],
  ]) {
    const seconds = Math.min(
      fileRun(file, [...frameworks, ...extra]),
      fileRun(file, [...frameworks, ...extra]),
    );
    const perSecond = (lines.length * 10) / seconds;
    rows.push([name, "", "", rate(perSecond), `${(floor / perSecond).toFixed(2)}x`]);
  }
  return rows;
}
