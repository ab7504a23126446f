// Calibration speed: 100,000 history lines through qualify calibrate, as a user runs it, with BANT (16
// status patterns) and with nine criteria (about 10,000 patterns), and the peak memory against 10,000
// lines (it should grow only with the feature matrix).
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

/**
 * A framework of nine criteria, each read from a custom field (met, partial or unmet): 3^9 = 19,683
 * status patterns, of which 100,000 random deals show about 10,000 (a real team's history, not BANT's 16).
 */
function manyPatterns(n) {
  const random = rng(12);
  const ids = Array.from({ length: 9 }, (_, j) => `c${j}`);
  const framework = {
    id: "wide",
    name: "Wide",
    customSchema: {
      type: "object",
      properties: Object.fromEntries(ids.map((id) => [id, { enum: ["met", "partial", "unmet"] }])),
    },
    criteria: ids.map((id) => ({
      id,
      name: `Criterion ${id}`,
      description: `Criterion ${id}, read from a custom field.`,
      weight: 1,
      status: ["met", "partial", "unmet"].map((status) => ({
        when: { "==": [{ var: `custom.${id}` }, status] },
        status,
        reason: `${id} is ${status}.`,
      })),
      unknown: `${id} is not known.`,
      questions: [{ id: `ask-${id}`, text: `What about ${id}?`, topic: "need", settles: `${id}` }],
    })),
  };
  const lines = [];
  const values = ["met", "partial", "unmet"];
  for (let i = 0; i < n; i++) {
    // Skewed draws: most deals share common patterns, as real histories do.
    const custom = Object.fromEntries(ids.map((id) => [id, values[Math.floor(random() ** 2.4 * 3)]]));
    const z =
      -0.5 +
      (custom.c0 === "met" ? 1.5 : 0) +
      (custom.c1 === "met" ? 1 : 0) -
      (custom.c2 === "unmet" ? 0.5 : 0);
    const deal = { id: `w${i}`, name: `Wide ${i}`, stage: "evaluation", custom };
    lines.push(JSON.stringify({ deal, outcome: random() < 1 / (1 + Math.exp(-z)) ? "won" : "lost" }));
  }
  mkdirSync(".bench-tmp", { recursive: true });
  writeFileSync(".bench-tmp/wide.json", JSON.stringify(framework));
  const file = `.bench-tmp/wide-${n}.ndjson`;
  writeFileSync(file, `${lines.join("\n")}\n`);
  const patterns = new Set(lines.map((l) => JSON.stringify(JSON.parse(l).deal.custom))).size;
  return { file, patterns };
}

/** Seconds and peak RSS of `qualify calibrate` over n lines. */
export function benchCalibrate() {
  const rows = [];
  const cases = [
    { n: 10_000, framework: "bant", ...{ file: historyFile(10_000), patterns: 16 } },
    { n: 100_000, framework: "bant", ...{ file: historyFile(100_000), patterns: 16 } },
    { n: 100_000, framework: ".bench-tmp/wide.json", ...manyPatterns(100_000) },
  ];
  for (const { n, framework, file, patterns } of cases) {
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
        framework,
        "--as-of",
        "2026-11-27",
        "--format",
        "json",
      ],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    const [seconds, kb] = (run.stderr.trim().split("\n").pop() ?? "").split(" ");
    if (run.status !== 0) throw new Error(`calibrate failed: ${run.stderr}`);
    rows.push([
      `${n.toLocaleString("en")} (${framework === "bant" ? "BANT" : "9 criteria"}, ${patterns.toLocaleString("en")} status patterns)`,
      `${seconds} s`,
      `${Math.round(Number(kb) / 1024)} MB`,
    ]);
  }
  return rows;
}
