import { createQualifier, type QualifierOptions } from "../engine/qualifier.js";
import { today } from "../engine/today.js";
import { IsoDay } from "../model/iso-date.js";
import { type Issue, QualifyError } from "../validation/issue.js";
import { fitLogistic, sigmoid } from "./logistic.js";
import { auc, brier, logLoss, reliability, seeded } from "./metrics.js";

/** The least history a fit accepts, and the sample below which it warns (the figure the largest CRM asks for). */
export const CALIBRATION_MINIMUM = Object.freeze({ deals: 100, perOutcome: 30, warnPerOutcome: 200 });

/** One line of history: a deal as it stood before it closed, and how it ended. */
export interface HistoryLine {
  /** The deal, as a snapshot before it closed (never the closed deal: that leaks the outcome). */
  readonly deal: unknown;
  /** How it ended. */
  readonly outcome: "won" | "lost";
  /** The date the snapshot is judged at (default: the `asOf` option). */
  readonly asOf?: string;
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
    /** The fitted coefficient (log-odds per unit of status: met 1, partial 0.5). */
    coefficient: number;
    /** Its weight: the coefficient floored at 0, scaled to the framework's total weight. */
    weight: number;
    /** Win rate of the deals where it was met, and where it was not. */
    winRate: { met: number | null; notMet: number | null };
    /** 95% bootstrap interval of the coefficient. */
    interval: [number, number];
    /** False when the interval contains zero: the effect cannot be told apart from none. */
    significant: boolean;
  }>;
  /** Quality on a stratified 20% held out from the fit. */
  holdout: { auc: number; brier: number; logLoss: number; size: number };
  /** Held-out predictions in 10 bins: predicted vs observed win rate. */
  reliability: ReturnType<typeof reliability>;
  /** What to be careful about. */
  warnings: string[];
  /** The first lines skipped (at most 100), each with its line number (1-based) and its first problem. */
  skipped: Array<{ line: number; issues: Issue[] }>;
}

/** Skipped lines kept for the report; the rest are only counted. */
const MAX_SKIPPED_KEPT = 100;

const VALUE = { met: 1, partial: 0.5, unmet: 0, unknown: 0 } as const;
const LAMBDAS = [0.01, 0.1, 1, 10, 100];
const round = (n: number, d = 4) => Math.round(n * 10 ** d) / 10 ** d;

/** Stratified folds: each class shuffled with the seed and dealt round-robin into k folds. */
function folds(y: readonly number[], k: number, random: () => number): number[] {
  const fold = new Array<number>(y.length).fill(0);
  for (const cls of [0, 1]) {
    const idx = y
      .map((v, i) => [v, i] as const)
      .filter(([v]) => v === cls)
      .map(([, i]) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    idx.forEach((i, n) => {
      fold[i] = n % k;
    });
  }
  return fold;
}

const predict = (fit: { intercept: number; coefficients: number[] }, x: readonly number[]) =>
  sigmoid(fit.intercept + fit.coefficients.reduce((s, c, j) => s + c * (x[j] as number), 0));

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
  const { framework, asOf = today(), seed = 20261128, bootstrap = 200, ...rest } = options;
  if (!IsoDay.safeParse(asOf).success)
    throw new QualifyError("Invalid options", [
      { path: "asOf", code: "invalid-date", message: `asOf must be YYYY-MM-DD; got "${asOf}"` },
    ]);
  const qualifier = createQualifier({ ...rest, frameworks: [framework] });
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
    if (stage === "closed-won" || stage === "closed-lost") {
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
      x: ids.map((cid) => VALUE[statuses.get(cid) ?? "unknown"]),
      y: h.outcome === "won" ? 1 : 0,
    });
  };
  const result = () => {
    if (tally.leaks > 0)
      throw new QualifyError("History leaks the outcome", [
        {
          path: "",
          code: "leakage",
          message: `${tally.leaks} snapshot${tally.leaks === 1 ? " was" : "s were"} taken at a closed stage (line ${tally.leakLines.join(", ")}${tally.leaks > tally.leakLines.length ? ", ..." : ""}): a closed deal carries its outcome, and the fit would learn the answer. Give each deal as it stood before it closed (its last snapshot before the close date), or leave those lines out.`,
        },
      ]);
    const x = [...rows.values()].map((r) => r.x);
    const y = [...rows.values()].map((r) => r.y);
    const notes: string[] = [];
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

/** What a fit is made from: the framework, the options, one row of statuses per deal, the skipped lines. */
interface FitInput {
  framework: string;
  asOf: string;
  seed: number;
  bootstrap: number;
  def: { criteria: ReadonlyArray<{ id: string; name: string; weight: number }> };
  ids: string[];
  x: number[][];
  y: number[];
  skipped: Calibration["skipped"];
  skippedCount: number;
  notes: string[];
}

/**
 * The fit as named steps: check the sample, hold out a stratified 20%, choose lambda by 5-fold
 * cross-validation on the rest, measure the held-out quality, fit every deal, bootstrap the intervals.
 * The random draws come in that order, so a seed gives the same calibration.
 */
function fitAll(state: FitInput): Calibration {
  const { framework, asOf, seed, bootstrap, def, ids, x, y, skipped, skippedCount } = state;
  const { won, lost, warnings } = checkSample(state);
  const random = seeded(seed);
  const holdoutFold = folds(y, 5, random);
  const train = y.map((_, i) => i).filter((i) => holdoutFold[i] !== 0);
  const test = y.map((_, i) => i).filter((i) => holdoutFold[i] === 0);
  const fitter = createFitter(x, y);
  const lambda = chooseLambda(fitter, train, folds(fitter.pick(train).y, 5, random));
  const trainFit = fitter.fit(train, lambda);
  const heldP = fitter.pick(test).x.map((r) => predict(trainFit, r));
  const heldY = fitter.pick(test).y;
  const holdout = {
    auc: round(auc(heldP, heldY)),
    brier: round(brier(heldP, heldY)),
    logLoss: round(logLoss(heldP, heldY)),
    size: test.length,
  };
  if (holdout.auc < 0.55)
    warnings.push(
      `The fit is no better than chance on held-out deals (AUC ${holdout.auc}): these criteria do not predict this team's outcomes.`,
    );
  // The final fit on every deal; intervals from a bootstrap of it.
  const fit = fitter.fit(
    y.map((_, i) => i),
    lambda,
  );
  const draws = ids.map(() => [] as number[]);
  for (let b = 0; b < bootstrap; b++) {
    const idx = y.map(() => Math.floor(random() * y.length));
    fitter.fit(idx, lambda).coefficients.forEach((c, j) => (draws[j] as number[]).push(c));
  }
  return {
    framework,
    calibratedOn: asOf,
    sample: { won, lost, skipped: skippedCount },
    intercept: round(fit.intercept),
    lambda,
    criteria: criterionResults(def, fit, draws, x, y),
    holdout,
    reliability: reliability(heldP, heldY),
    warnings,
    skipped,
  };
}

/** Refuses a sample below the minimum; otherwise the counts and what to be careful about. */
function checkSample(state: FitInput): { won: number; lost: number; warnings: string[] } {
  const { ids, x, y, skipped, skippedCount, notes } = state;
  const won = y.filter((v) => v === 1).length;
  const lost = y.length - won;
  if (
    y.length < CALIBRATION_MINIMUM.deals ||
    won < CALIBRATION_MINIMUM.perOutcome ||
    lost < CALIBRATION_MINIMUM.perOutcome
  )
    throw new QualifyError("Not enough history to calibrate", [
      {
        path: "",
        code: "too-little-history",
        message: `Calibration needs at least ${CALIBRATION_MINIMUM.deals} valid deals with ${CALIBRATION_MINIMUM.perOutcome} of each outcome; found ${y.length} distinct deals (${won} won, ${lost} lost${skippedCount ? `, ${skippedCount} lines skipped` : ""}). Below that, the weights would fit noise.`,
      },
    ]);
  const warnings: string[] = [...notes];
  if (won < CALIBRATION_MINIMUM.warnPerOutcome || lost < CALIBRATION_MINIMUM.warnPerOutcome)
    warnings.push(
      `Only ${won} won and ${lost} lost: 200 of each is what the largest CRM asks for; read the intervals before the weights.`,
    );
  if (skippedCount)
    warnings.push(
      `${skippedCount} ${skippedCount === 1 ? "line was" : "lines were"} skipped as invalid${skippedCount > skipped.length ? ` (the first ${skipped.length} are listed)` : ""}.`,
    );
  ids.forEach((id, j) => {
    if (new Set(x.map((r) => r[j])).size < 2)
      warnings.push(`Criterion ${id} never varies in this history: its weight cannot be learned from it.`);
  });
  return { won, lost, warnings };
}

type Fit = ReturnType<typeof fitLogistic>;

/**
 * Fits over subsets of the deals. Statuses take few values, so deals share feature patterns: a fit runs
 * over the distinct (pattern, outcome) pairs weighted by their counts, not over every deal. Same result,
 * far less work.
 */
function createFitter(x: number[][], y: number[]) {
  const keys = x.map((r) => r.join(","));
  return {
    pick: (idx: readonly number[]) => ({
      x: idx.map((i) => x[i] as number[]),
      y: idx.map((i) => y[i] as number),
    }),
    fit: (idx: readonly number[], l: number): Fit => {
      const groups = new Map<string, { x: number[]; y: number; w: number }>();
      for (const i of idx) {
        const key = `${keys[i]}|${y[i]}`;
        const g = groups.get(key);
        if (g) g.w += 1;
        else groups.set(key, { x: x[i] as number[], y: y[i] as number, w: 1 });
      }
      const rows = [...groups.values()];
      return fitLogistic(
        rows.map((r) => r.x),
        rows.map((r) => r.y),
        l,
        rows.map((r) => r.w),
      );
    },
  };
}

/** The L2 strength with the lowest cross-validated log loss over the training deals' folds. */
function chooseLambda(fitter: ReturnType<typeof createFitter>, train: number[], cvFold: number[]): number {
  let lambda = LAMBDAS[0] as number;
  let best = Number.POSITIVE_INFINITY;
  for (const l of LAMBDAS) {
    let total = 0;
    for (let k = 0; k < 5; k++) {
      const inK = train.filter((_, n) => cvFold[n] === k);
      const outK = train.filter((_, n) => cvFold[n] !== k);
      const fit = fitter.fit(outK, l);
      total += logLoss(
        fitter.pick(inK).x.map((r) => predict(fit, r)),
        fitter.pick(inK).y,
      );
    }
    if (total < best - 1e-12) {
      best = total;
      lambda = l;
    }
  }
  return lambda;
}

/** Per criterion: coefficient, weight (scaled to the framework's total), win rates and bootstrap interval. */
function criterionResults(
  def: FitInput["def"],
  fit: Fit,
  draws: number[][],
  x: number[][],
  y: number[],
): Calibration["criteria"] {
  const total = def.criteria.reduce((s, c) => s + c.weight, 0);
  const positive = fit.coefficients.reduce((s, c) => s + Math.max(0, c), 0);
  const rate = (rows: number[]) =>
    rows.length ? round(rows.reduce((s, i) => s + (y[i] as number), 0) / rows.length, 3) : null;
  return def.criteria.map((c, j) => {
    const sorted = [...(draws[j] as number[])].sort((a, b) => a - b);
    const q = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))] ?? 0;
    const interval: [number, number] = [round(q(0.025)), round(q(0.975))];
    const coefficient = fit.coefficients[j] as number;
    const met = y.map((_, i) => i).filter((i) => (x[i] as number[])[j] === 1);
    const notMet = y.map((_, i) => i).filter((i) => (x[i] as number[])[j] !== 1);
    return {
      id: c.id,
      name: c.name,
      coefficient: round(coefficient),
      weight:
        positive > 0
          ? round((Math.max(0, coefficient) / positive) * total)
          : round(total / def.criteria.length),
      winRate: { met: rate(met), notMet: rate(notMet) },
      interval,
      significant: !(interval[0] <= 0 && interval[1] >= 0),
    };
  });
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
