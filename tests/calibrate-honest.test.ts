import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aucInterval, skillOf } from "../src/calibrate/skill.js";
import { calibrate, calibratedFramework, createQualifier, QualifyError } from "../src/index.js";
import { cli } from "./support/helpers.js";
import { plantedHistory } from "./support/history.js";

// Calibration that never misleads a sales leader (#25): separation named and capped, leakage refused,
// no skill means no weights, skill against the base rate, every number said in words.
const asOf = "2026-11-27";
type Line = ReturnType<typeof plantedHistory>[number];
const withOutcome = (lines: Line[], outcome: (l: Line) => boolean) =>
  lines.map((l) => ({ ...l, outcome: outcome(l) ? "won" : "lost" }));

describe("separation: a criterion that splits won from lost is named, capped, never 'certain'", () => {
  const base = plantedHistory(800, { budget: 0, authority: 0, need: 0, timeline: 0 }, 0, 11);
  it("complete: every deal with authority met was won, every other lost", () => {
    const r = calibrate(
      withOutcome(base, (l) => l.met.authority),
      { framework: "bant", asOf, bootstrap: 20 },
    );
    const authority = r.criteria.find((c) => c.id === "authority");
    expect(authority?.separation).toBe("complete");
    expect(Math.abs(authority?.coefficient ?? 99)).toBeLessThanOrEqual(4);
    expect(authority?.significant).toBe(false);
    expect(r.warnings.some((w) => /Authority separates won from lost perfectly/.test(w))).toBe(true);
    const q = createQualifier({ frameworks: [calibratedFramework(r)] });
    for (const l of base.slice(0, 50)) {
      const p = q.evaluate(l.deal as unknown, { asOf }).frameworks[0]?.winProbability ?? -1;
      expect(p).toBeGreaterThanOrEqual(0.01);
      expect(p).toBeLessThanOrEqual(0.99);
    }
  });
  it("quasi: every deal with budget met was won (the others mixed)", () => {
    const r = calibrate(
      withOutcome(base, (l) => l.met.budget || l.p > 0.5 === l.met.need),
      {
        framework: "bant",
        asOf,
        bootstrap: 20,
      },
    );
    expect(r.criteria.find((c) => c.id === "budget")?.separation).toBe("quasi");
    expect(r.warnings.some((w) => /Budget almost separates/.test(w))).toBe(true);
  });
  it("a combination: won exactly when budget and authority are both met", () => {
    const r = calibrate(
      withOutcome(base, (l) => l.met.budget && l.met.authority),
      {
        framework: "bant",
        asOf,
        bootstrap: 20,
      },
    );
    for (const c of r.criteria) expect(Math.abs(c.coefficient)).toBeLessThanOrEqual(4);
    expect(r.warnings.some((w) => /separates|combination/.test(w))).toBe(true);
  });
});

describe("leakage: snapshots that carry the outcome are refused by default", () => {
  const lines = plantedHistory(400, { budget: 1, authority: 2, need: 0, timeline: 0 }, -1.4, 5).map(
    (l, i) => ({
      deal: l.deal,
      outcome: l.outcome,
      asOf: "2026-06-01",
      closedOn: i % 50 === 0 ? "2026-05-20" : "2026-07-01",
    }),
  );
  it("a snapshot dated on or after closedOn: refused with the count and the fix", () => {
    let error: unknown;
    try {
      calibrate(lines, { framework: "bant", asOf, bootstrap: 10 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QualifyError);
    const issue = (error as QualifyError).issues[0];
    expect(issue?.code).toBe("leakage");
    expect(issue?.message).toMatch(
      /^8 snapshots were taken at a closed stage or on or after the deal closed/,
    );
    expect(issue?.message).toContain("--drop-leaks");
  });
  it("dropLeaks leaves them out, and says so", () => {
    const r = calibrate(lines, { framework: "bant", asOf, bootstrap: 10, dropLeaks: true });
    expect(r.sample.won + r.sample.lost).toBe(392);
    expect(r.warnings.some((w) => /8 snapshots .* left out, as they carry their outcome/.test(w))).toBe(true);
  });
});

describe("skill against the base rate, not a coin", () => {
  it("at a 5% win rate, the constant guess scores a Brier near 0.0475, not 0.25", () => {
    const y = Array.from({ length: 1000 }, (_, i) => (i % 20 === 0 ? 1 : 0));
    const s = skillOf(
      y.map(() => 0.05),
      y,
      0.05,
    );
    expect(s.noSkill.brier).toBeCloseTo(0.0475, 4);
    expect(s.brierSkill).toBeCloseTo(0, 4);
    expect(s.skilful).toBe(false);
  });
  it("the AUC interval narrows with more deals and contains 0.5 for a coin", () => {
    const [lo, hi] = aucInterval(0.5, 50, 50);
    expect(lo).toBeLessThan(0.5);
    expect(hi).toBeGreaterThan(0.5);
    const [lo2, hi2] = aucInterval(0.7, 500, 500);
    expect(lo2).toBeGreaterThan(0.5);
    expect(hi2 - lo2).toBeLessThan(hi - lo);
  });
  it("a rare outcome (under 10% won) is warned about, with the no-skill Brier", () => {
    const rare = plantedHistory(3000, { budget: 1, authority: 1.5, need: 0, timeline: 0 }, -4, 8);
    const r = calibrate(rare, { framework: "bant", asOf, bootstrap: 10 });
    expect(r.holdout.baseRate).toBeLessThan(0.1);
    expect(
      r.warnings.some((w) => /of the deals were won: the fit learns little about the rarer outcome/.test(w)),
    ).toBe(true);
  });
});

describe("no skill, no weights", () => {
  const noise = plantedHistory(600, { budget: 0, authority: 0, need: 0, timeline: 0 }, 0, 3);
  it("criteria with no clear effect keep their original weights instead of being amplified", () => {
    const r = calibrate(noise, { framework: "bant", asOf, bootstrap: 30 });
    for (const c of r.criteria) if (!c.significant) expect(c.weight).toBe(25);
  });
  it("a planted effect gets the weight the noise criteria leave, in proportion to its coefficient", () => {
    const planted = plantedHistory(6000, { budget: 1, authority: 2, need: 0, timeline: 0 }, -1.4, 7);
    const r = calibrate(planted, { framework: "bant", asOf, bootstrap: 30 });
    const by = Object.fromEntries(r.criteria.map((c) => [c.id, c]));
    expect(by.need?.weight).toBe(25);
    expect(by.timeline?.weight).toBe(25);
    expect((by.authority?.weight ?? 0) + (by.budget?.weight ?? 0)).toBeCloseTo(50, 1);
    expect(by.authority?.weight ?? 0).toBeGreaterThan(by.budget?.weight ?? 0);
  });
  it("qualify calibrate --out refuses a fit with no skill (exit 1, nothing written) unless --force", () => {
    const dir = mkdtempSync(join(tmpdir(), "qualify-skill-"));
    const file = join(dir, "h.ndjson");
    writeFileSync(
      file,
      `${noise.map((l) => JSON.stringify({ deal: l.deal, outcome: l.outcome })).join("\n")}\n`,
    );
    const out = join(dir, "fitted.json");
    const refused = cli(["calibrate", file, "--framework", "bant", "--as-of", asOf, "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no skill over the base rate.*--force/);
    expect(existsSync(out)).toBe(false);
    const forced = cli(["calibrate", file, "--framework", "bant", "--as-of", asOf, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe("every number said in words", () => {
  const planted = plantedHistory(3000, { budget: 1, authority: 2, need: 0, timeline: 0 }, -1.4, 9);
  const dir = mkdtempSync(join(tmpdir(), "qualify-words-"));
  const file = join(dir, "h.ndjson");
  writeFileSync(
    file,
    `${planted.map((l) => JSON.stringify({ deal: l.deal, outcome: l.outcome })).join("\n")}\n`,
  );
  it.each([["text"], ["markdown"]])(
    "%s: effects other criteria equal, unadjusted rates labelled, skill against the base rate, the reliability table",
    (format) => {
      const r = cli(["calibrate", file, "--framework", "bant", "--as-of", asOf, "--format", format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /deals where Authority is met win about \d+(\.\d)?x as often \(odds\), other criteria equal/,
      );
      expect(r.stdout).toMatch(/unadjusted/i);
      expect(r.stdout).toMatch(/Base rate \d+% won: always guessing it scores Brier/);
      expect(r.stdout).toMatch(/skill 0\.\d+ against the base rate/);
      expect(r.stdout).toMatch(/Reliability \(held out\)/);
      expect(r.stdout).not.toMatch(/is a coin/);
    },
  );
  it("a calibrated framework's win probability shows in the text and markdown reports", () => {
    const fitted = join(dir, "fitted.json");
    expect(cli(["calibrate", file, "--framework", "bant", "--as-of", asOf, "--out", fitted]).code).toBe(0);
    const deal = join(dir, "deal.json");
    writeFileSync(deal, JSON.stringify(planted[0]?.deal));
    for (const format of ["text", "markdown"]) {
      const r = cli(["score", deal, "--framework", fitted, "--as-of", asOf, "--format", format]);
      expect(r.stdout, format).toMatch(/[Ww]in probability \d+%/);
    }
  });
});
