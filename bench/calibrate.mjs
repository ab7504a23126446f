// Calibration speed: 100,000 history lines (BANT) through qualify calibrate, as a user runs it, and
// the peak memory against 10,000 lines (it should grow only with the feature matrix).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { rng } from "./deals.mjs";

function historyFile(n) {
  const random = rng(11);
  const lines = [];
  for (let i = 0; i < n; i++) {
    const [b, a, d] = [random() < 0.5, random() < 0.5, random() < 0.5];
    const p = 1 / (1 + Math.exp(-(-1.4 + (b ? 1 : 0) + (a ? 2 : 0))));
    const deal = {
      id: `h${i}`,
      name: `History ${i}`,
      stage: "evaluation",
      ...(b ? { budget: { status: "approved" } } : {}),
      stakeholders: [
        { id: "a", name: "Ann", engaged: true, ...(a ? { roles: ["decision-maker"] } : {}) },
        { id: "b", name: "Ben", engaged: true },
      ],
      ...(d ? { needs: [{ description: "Faster close", impact: "high" }] } : {}),
    };
    lines.push(JSON.stringify({ deal, outcome: random() < p ? "won" : "lost" }));
  }
  mkdirSync(".bench-tmp", { recursive: true });
  const file = `.bench-tmp/history-${n}.ndjson`;
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** Seconds and peak RSS of `qualify calibrate` over n lines. */
export function benchCalibrate() {
  const rows = [];
  for (const n of [10_000, 100_000]) {
    const file = historyFile(n);
    const run = spawnSync(
      "/usr/bin/time",
      [
        "-f",
        "%e %M",
        process.execPath,
        "dist/cli.js",
        "calibrate",
        file,
        "-f",
        "bant",
        "--as-of",
        "2026-11-27",
        "--format",
        "json",
      ],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    const [seconds, kb] = (run.stderr.trim().split("\n").pop() ?? "").split(" ");
    rows.push([n.toLocaleString("en"), `${seconds} s`, `${Math.round(Number(kb) / 1024)} MB`]);
  }
  return rows;
}
