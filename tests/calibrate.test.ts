import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auc } from "../src/calibrate/metrics.js";
import {
  CALIBRATION_MINIMUM,
  CalibrationResult,
  calibrate,
  calibratedFramework,
  createQualifier,
  safeParseFramework,
} from "../src/index.js";
import { cli, ROOT } from "./support/helpers.js";
import { plantedHistory } from "./support/history.js";

const asOf = "2026-11-27";
const truth = { budget: 1.0, authority: 2.0, need: 0, timeline: 0 };
const history = plantedHistory(10000, truth, -1.4, 7);

describe("calibration recovers a planted truth", () => {
  const result = calibrate(history, { framework: "bant", asOf, bootstrap: 40 });

  it("finds which criteria matter, in order, and says which do not", () => {
    const by = Object.fromEntries(result.criteria.map((c) => [c.id, c]));
    expect((by.authority?.coefficient ?? 0) > (by.budget?.coefficient ?? 0)).toBe(true);
    expect((by.budget?.coefficient ?? 0) > (by.need?.coefficient ?? 0) + 0.4).toBe(true);
    expect(by.authority?.significant).toBe(true);
    expect(by.budget?.significant).toBe(true);
    expect(by.need?.significant).toBe(false);
    expect(by.timeline?.significant).toBe(false);
    expect((by.authority?.winRate.met ?? 0) > (by.authority?.winRate.notMet ?? 1)).toBe(true);
  });

  it("reports an AUC within 0.03 of the planted model's on the same kind of deals", () => {
    const fresh = plantedHistory(20000, truth, -1.4, 99);
    const planted = auc(
      fresh.map((l) => l.p),
      fresh.map((l) => (l.outcome === "won" ? 1 : 0)),
    );
    expect(Math.abs(result.holdout.auc - planted)).toBeLessThan(0.03);
    expect(result.reliability).toHaveLength(10);
  });

  it("matches its published JSON Schema", () => {
    expect(CalibrationResult.safeParse(result).success).toBe(true);
  });

  it("is deterministic: same input, byte-identical output", () => {
    expect(JSON.stringify(calibrate(history, { framework: "bant", asOf, bootstrap: 40 }))).toBe(
      JSON.stringify(result),
    );
  });

  it("round trip: the written framework validates, scores, and gives a win probability", () => {
    const file = calibratedFramework(result);
    expect(safeParseFramework(file).success).toBe(true);
    const q = createQualifier({ frameworks: [file] });
    const strong = history.find((l) => l.met.authority && l.met.budget)?.deal;
    const weak = history.find((l) => !l.met.authority && !l.met.budget)?.deal;
    const p = (deal: unknown) => q.evaluate(deal, { asOf }).frameworks[0]?.winProbability ?? -1;
    expect(p(strong)).toBeGreaterThan(p(weak));
    expect(p(weak)).toBeGreaterThan(0);
  });
});

describe("calibration refuses to overfit, and warns", () => {
  it("below the minimum: refused with the minimum and what was found", () => {
    expect(() => calibrate(history.slice(0, 60), { framework: "bant", asOf })).toThrow(
      new RegExp(
        `at least ${CALIBRATION_MINIMUM.deals} valid deals with ${CALIBRATION_MINIMUM.perOutcome} of each outcome; found 60`,
      ),
    );
  });

  it("a history with no signal: AUC near 0.5, and says so", () => {
    const noise = plantedHistory(600, { budget: 0, authority: 0, need: 0, timeline: 0 }, 0, 3);
    const r = calibrate(noise, { framework: "bant", asOf, bootstrap: 30 });
    expect(Math.abs(r.holdout.auc - 0.5)).toBeLessThan(0.1);
    expect(r.holdout.skilful).toBe(false);
    expect(r.warnings.some((w) => /No skill over the base rate/.test(w))).toBe(true);
  });

  it("invalid lines are skipped with their line number; small samples and constant criteria are warned about", () => {
    const lines = [
      ...history.slice(0, 300),
      { deal: { id: 1 }, outcome: "won" },
      { deal: {}, outcome: "maybe" },
    ];
    const r = calibrate(lines, { framework: "bant", asOf, bootstrap: 20 });
    expect(r.sample.skipped).toBe(2);
    expect(r.skipped.map((s) => s.line)).toEqual([301, 302]);
    expect(r.warnings.some((w) => /200 of each/.test(w))).toBe(true);
  });
});

describe("qualify calibrate", () => {
  const dir = `${ROOT}/.bench-tmp/calibrate-${process.pid}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    `${dir}/history.ndjson`,
    `${history
      .slice(0, 600)
      .map((l) => JSON.stringify({ deal: l.deal, outcome: l.outcome }))
      .join("\n")}\nnot json\n`,
  );

  it("prints a table a sales leader reads, writes a framework that validates and scores", () => {
    const run = cli([
      "calibrate",
      `${dir}/history.ndjson`,
      "-f",
      "bant",
      "--as-of",
      asOf,
      "--out",
      `${dir}/fitted.json`,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Unadjusted: \d+% won when met, \d+% when not/);
    expect(run.stdout).toContain("1 line was skipped as invalid.");
    expect(cli(["validate", `${dir}/fitted.json`]).code).toBe(0);
    const scored = cli([
      "score",
      "examples/deals/acme-negotiation.json",
      "-f",
      `${dir}/fitted.json`,
      "--as-of",
      asOf,
      "--format",
      "json",
    ]);
    expect(JSON.parse(scored.stdout).frameworks[0].winProbability).toBeGreaterThan(0);
  });

  it("too little history: refused, exit 1, with the minimum", () => {
    writeFileSync(
      `${dir}/small.ndjson`,
      `${history
        .slice(0, 50)
        .map((l) => JSON.stringify({ deal: l.deal, outcome: l.outcome }))
        .join("\n")}\n`,
    );
    const run = cli(["calibrate", `${dir}/small.ndjson`, "-f", "bant"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("needs at least 100 valid deals");
  });
});
