import { createQualifier, type QualifierOptions } from "../engine/qualifier.js";
import { STATUS_VALUE } from "../engine/score.js";
import { today } from "../engine/today.js";
import { isIsoDay } from "../model/value-checks.js";
import { type Issue, QualifyError } from "../validation/issue.js";
import { CALIBRATION_MINIMUM, fitAll } from "./fit.js";
import type { reliability } from "./metrics.js";
import type { Separation } from "./separation.js";
import type { Skill } from "./skill.js";

export { CALIBRATION_MINIMUM };

/** One line of history: a deal as it stood before it closed, and how it ended. */
export interface HistoryLine {
  /** The deal, as a snapshot before it closed (never the closed deal: that leaks the outcome). */
  readonly deal: unknown;
  /** How it ended. */
  readonly outcome: "won" | "lost";
  /** The date the snapshot is judged at (default: the `asOf` option). */
  readonly asOf?: string;
  /** When the deal closed: a snapshot dated on or after it carries the outcome (leakage). */
  readonly closedOn?: string;
}

/** Options of {@link calibrate}. */
export interface CalibrateOptions extends Omit<QualifierOptions, "frameworks"> {
  /** The framework to calibrate (a built-in id or one a plugin adds). */
  readonly framework: string;
  /** The date for lines that carry none, and the calibration's date. Default: today. */
  readonly asOf?: string;
  /** Seed of the random split, cross-validation and bootstrap (default 20261128): same input, same output. */
  readonly seed?: number;
  /** Bootstrap resamples for the intervals (default 200). */
  readonly bootstrap?: number;
  /**
   * Snapshots that leak the outcome (taken at a closed stage, or dated on or after `closedOn`) are refused
   * by default: the whole calibration fails, with the count and the fix. `true` leaves them out instead,
   * with a warning.
   */
  readonly dropLeaks?: boolean;
}

/** What a calibration found: per criterion, how predictive it is; overall, how good the fit is. */
export interface Calibration {
  /** The framework calibrated. */
  framework: string;
  /** The calibration's date. */
  calibratedOn: string;
  /** Distinct deals won and lost (one snapshot each), and lines skipped as invalid. */
  sample: { won: number; lost: number; skipped: number };
  /** The fitted intercept (log-odds of a win with every criterion unmet or unknown). */
  intercept: number;
  /** The L2 strength chosen by cross-validation. */
  lambda: number;
  /** Per criterion: coefficient, weight, win rates and interval. */
  criteria: Array<{
    id: string;
    name: string;
    /**
     * The fitted coefficient (log-odds per unit of status: met 1, partial 0.5), capped at ±4 when the
     * history separates won from lost on it (the uncapped number would be an artefact, not an effect).
     */
    coefficient: number;
    /** e^coefficient: how many times the odds of a win, met against not met, other criteria equal. */
    oddsRatio: number;
    /**
     * Its weight. A criterion with a clear effect gets a share of the framework's total in proportion to
     * its coefficient; one with no clear effect keeps its original weight (never amplified from noise).
     */
    weight: number;
    /** Unadjusted win rates: of the deals where it was met, and where it was not (other criteria not held equal). */
    winRate: { met: number | null; notMet: number | null };
    /** When the history separates won from lost on this criterion alone: complete, or quasi (one side pure). */
    separation?: Separation;
    /** 95% bootstrap interval of the coefficient. */
    interval: [number, number];
    /** False when the interval contains zero, or the criterion separates the outcomes: no clear effect. */
    significant: boolean;
  }>;
  /** Quality on a stratified 20% held out from the fit, against the constant guess of the base rate. */
  holdout: Skill & { size: number };
  /** Held-out predictions in 10 bins: predicted vs observed win rate. */
  reliability: ReturnType<typeof reliability>;
  /** What to be careful about. */
  warnings: string[];
  /** The first lines skipped (at most 100), each with its line number (1-based) and its first problem. */
  skipped: Array<{ line: number; issues: Issue[] }>;
}

/** Skipped lines kept for the report; the rest are only counted. */
const MAX_SKIPPED_KEPT = 100;

/**
 * Fits a framework's weights to a team's won and lost deals: each deal's criterion statuses are the
 * features (met 1, partial 0.5, unmet and unknown 0) of an L2-regularised logistic regression, its
 * strength chosen by 5-fold cross-validation; quality is measured on a stratified 20% held out; intervals
 * come from a bootstrap. Deterministic for a seed. Refuses (a {@link QualifyError}) below
 * {@link CALIBRATION_MINIMUM}; invalid lines are skipped and counted.
 */
export function calibrate(history: Iterable<unknown>, options: CalibrateOptions): Calibration {
  const calibrator = createCalibrator(options);
  for (const line of history) calibrator.add(line);
  return calibrator.result();
}

/** A calibration fed one history line at a time: memory holds the feature matrix, never the deals. */
export interface Calibrator {
  /**
   * Scores one history line and keeps its features (or records why it is skipped). `line` is its line
   * number in the file (default: one more than the last).
   */
  add(item: unknown, line?: number): void;
  /** Fits, measures and returns the calibration (refuses below the minimum). */
  result(): Calibration;
}

/** Starts a calibration to feed line by line (streams of any length: see `qualify calibrate`). */
export function createCalibrator(options: CalibrateOptions): Calibrator {
  const { framework, asOf = today(), seed = 20261128, bootstrap = 200, dropLeaks = false, ...rest } = options;
  if (!isIsoDay(asOf))
    throw new QualifyError("Invalid options", [
      { path: "asOf", code: "invalid-date", message: `asOf must be YYYY-MM-DD; got "${asOf}"` },
    ]);
  // Only the framework's criterion statuses are features: no deal-level findings, evidence or questions.
  const qualifier = createQualifier({
    ...rest,
    frameworks: [framework],
    coreRules: false,
    compact: { questions: 0 },
  });
  const def = qualifier.frameworks[0];
  if (!def)
    throw new QualifyError("Invalid options", [
      { path: "framework", code: "unknown-framework", message: `No framework "${framework}"` },
    ]);
  const ids = def.criteria.map((c) => c.id);
  // One row per deal: its last snapshot on or before the calibration date (memory: one row per deal).
  const rows = new Map<string, { date: string; x: number[]; y: number }>();
  const tally = { lines: 0, later: 0, skipped: 0, leaks: 0, leakLines: [] as number[] };
  const skipped: Calibration["skipped"] = [];
  const skip = (line: number, issue: Issue) => {
    tally.skipped += 1;
    // The first few only, each with its first issue: memory stays flat however many lines are bad.
    if (skipped.length < MAX_SKIPPED_KEPT) skipped.push({ line, issues: [issue] });
  };
  let counter = 0;
  const add = (item: unknown, lineNumber?: number) => {
    counter += 1;
    const line = lineNumber ?? counter;
    const h = item as Partial<HistoryLine> | null;
    if (typeof h !== "object" || h === null || (h.outcome !== "won" && h.outcome !== "lost"))
      return skip(line, {
        path: "outcome",
        code: "invalid-value",
        message: 'Each line is { "deal": {...}, "outcome": "won" | "lost", "asOf"?: "YYYY-MM-DD" }',
      });
    const date = typeof h.asOf === "string" ? h.asOf : asOf;
    const result = qualifier.safeEvaluate(h.deal, { asOf: date });
    if (!result.success) return skip(line, result.issues[0] as Issue);
    tally.lines += 1;
    const stage = (h.deal as { stage?: unknown }).stage;
    const closedOn = typeof h.closedOn === "string" ? h.closedOn.slice(0, 10) : undefined;
    // A snapshot at a closed stage, or taken on or after the close, carries its outcome: the fit would learn the answer.
    if (stage === "closed-won" || stage === "closed-lost" || (closedOn !== undefined && date >= closedOn)) {
      tally.leaks += 1;
      if (tally.leakLines.length < 5) tally.leakLines.push(line);
      return;
    }
    if (date > asOf) {
      tally.later += 1;
      return;
    }
    const statuses = new Map((result.data.frameworks[0]?.criteria ?? []).map((c) => [c.id, c.status]));
    const id = result.data.deal.id;
    const kept = rows.get(id);
    if (kept && kept.date > date) return;
    rows.set(id, {
      date,
      x: ids.map((cid) => STATUS_VALUE[statuses.get(cid) ?? "unknown"]),
      y: h.outcome === "won" ? 1 : 0,
    });
  };
  const result = () => {
    const leaks = `${tally.leaks} snapshot${tally.leaks === 1 ? " was" : "s were"} taken at a closed stage or on or after the deal closed (line ${tally.leakLines.join(", ")}${tally.leaks > tally.leakLines.length ? ", ..." : ""})`;
    if (tally.leaks > 0 && !dropLeaks)
      throw new QualifyError("History leaks the outcome", [
        {
          path: "",
          code: "leakage",
          message: `${leaks}: such a snapshot carries its outcome, and the fit would learn the answer. Give each deal as it stood before it closed (its last snapshot before the close date), or leave those lines out (--drop-leaks does it for you).`,
        },
      ]);
    const x = [...rows.values()].map((r) => r.x);
    const y = [...rows.values()].map((r) => r.y);
    const notes: string[] = [];
    if (tally.leaks > 0) notes.push(`${leaks}: left out, as they carry their outcome.`);
    const repeats = tally.lines - tally.later - rows.size;
    if (repeats > 0)
      notes.push(
        `${tally.lines - tally.later} snapshots were of ${rows.size} deals: each deal counts once, at its last snapshot on or before ${asOf} (${repeats} earlier snapshot${repeats === 1 ? "" : "s"} set aside).`,
      );
    if (tally.later > 0)
      notes.push(
        `${tally.later} snapshot${tally.later === 1 ? " is" : "s are"} dated after ${asOf} and ${tally.later === 1 ? "was" : "were"} left out.`,
      );
    return fitAll({
      framework,
      asOf,
      seed,
      bootstrap,
      def,
      ids,
      x,
      y,
      skipped,
      skippedCount: tally.skipped,
      notes,
    });
  };
  return { add, result };
}

/**
 * The calibration as an ordinary framework file that `extends` the original: the fitted weights (a
 * criterion that does not help keeps a token weight of 0.01, so it is still shown), and a `calibration`
 * block with the date, sample, metrics, intercept and coefficients, from which reports add
 * `winProbability`.
 */
export function calibratedFramework(c: Calibration): Record<string, unknown> {
  return {
    id: `${c.framework}-calibrated`,
    name: `${c.framework} (calibrated)`,
    extends: c.framework,
    criteria: c.criteria.map((k) => ({ id: k.id, weight: Math.max(0.01, k.weight) })),
    calibration: {
      date: c.calibratedOn,
      sample: { won: c.sample.won, lost: c.sample.lost },
      holdout: { auc: c.holdout.auc, brier: c.holdout.brier, logLoss: c.holdout.logLoss },
      intercept: c.intercept,
      coefficients: Object.fromEntries(c.criteria.map((k) => [k.id, k.coefficient])),
    },
  };
}
