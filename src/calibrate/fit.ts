import { QualifyError } from "../validation/issue.js";
import type { Calibration } from "./calibrate.js";
import { designMatrix, type fitLogistic, fitWeighted, sigmoid } from "./logistic.js";
import { logLoss, reliability, seeded } from "./metrics.js";
import { COEFFICIENT_CAP, capped, separationOf } from "./separation.js";
import { type Skill, skillOf } from "./skill.js";

// The fit behind `calibrate`: a stratified holdout, the L2 strength by cross-validation, the skill against
// the base rate, the final fit regularised out of separation, bootstrap intervals, and the weights.

/** The least history a fit accepts, and the sample below which it warns (the figure the largest CRM asks for). */
export const CALIBRATION_MINIMUM = Object.freeze({ deals: 100, perOutcome: 30, warnPerOutcome: 200 });

/** Below this share of wins (or of losses), a fit learns little about the rarer outcome: warned. */
const MINORITY_WARNING = 0.1;
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

/** What a fit is made from: the framework, the options, one row of statuses per deal, the skipped lines. */
export interface FitInput {
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
export function fitAll(state: FitInput): Calibration {
  const { framework, asOf, seed, bootstrap, def, ids, x, y, skipped, skippedCount } = state;
  const { won, lost, warnings } = checkSample(state);
  const random = seeded(seed);
  const holdoutFold = folds(y, 5, random);
  const train = y.map((_, i) => i).filter((i) => holdoutFold[i] !== 0);
  const test = y.map((_, i) => i).filter((i) => holdoutFold[i] === 0);
  const fitter = createFitter(x, y);
  const lambda = chooseLambda(fitter, train, folds(fitter.pick(train).y, 5, random));
  const trainFit = cappedFit(regularised(fitter, train, lambda));
  const heldP = fitter.pick(test).x.map((r) => predict(trainFit, r));
  const heldY = fitter.pick(test).y;
  const baseRate = fitter.pick(train).y.reduce((n, v) => n + v, 0) / Math.max(1, train.length);
  const holdout = { ...skillOf(heldP, heldY, baseRate), size: test.length };
  warnings.push(...skillWarnings(holdout, won, lost));
  // The final fit on every deal; intervals from a bootstrap of it.
  const everyDeal = y.map((_, i) => i);
  // What the data say unregularised past the cap is separation: named below, and the fit regularised.
  const raw = fitter.fit(everyDeal, lambda);
  const final = regularised(fitter, everyDeal, lambda);
  const draws = ids.map(() => [] as number[]);
  for (let b = 0; b < bootstrap; b++) {
    const idx = y.map(() => Math.floor(random() * y.length));
    regularised(fitter, idx, lambda, final).coefficients.forEach((c, j) =>
      (draws[j] as number[]).push(capped(c)),
    );
  }
  const criteria = criterionResults(def, cappedFit(final), draws, x, y);
  warnings.push(...separationWarnings(criteria, raw.coefficients, def));
  return {
    framework,
    calibratedOn: asOf,
    sample: { won, lost, skipped: skippedCount },
    intercept: round(final.intercept),
    lambda,
    criteria,
    holdout,
    reliability: reliability(heldP, heldY),
    warnings,
    skipped,
  };
}

/**
 * A fit whose coefficients stay within the cap: when the data separate the outcomes, the L2 strength is
 * raised tenfold until they do (the intercept adapts with them), so separation never makes a prediction
 * certain; {@link cappedFit} is the last guard.
 */
function regularised(
  fitter: ReturnType<typeof createFitter>,
  idx: readonly number[],
  lambda: number,
  start?: Fit,
): Fit {
  let l = lambda;
  // A bootstrap resample starts from the full fit: the same optimum, reached in a few steps.
  let fit = fitter.fit(idx, l, start);
  while (fit.coefficients.some((c) => Math.abs(c) > COEFFICIENT_CAP) && l < 1e4) {
    l *= 10;
    fit = fitter.fit(idx, l);
  }
  return fit;
}

/** A fit whose coefficients stay within the cap: separation never makes a prediction certain. */
const cappedFit = (fit: Fit): Fit => ({
  intercept: fit.intercept,
  coefficients: fit.coefficients.map(capped),
});

/** What the held-out skill and the balance of outcomes say a reader must know. */
function skillWarnings(holdout: Skill, won: number, lost: number): string[] {
  const out: string[] = [];
  const minority = Math.min(won, lost) / Math.max(1, won + lost);
  if (minority < MINORITY_WARNING)
    out.push(
      `Only ${Math.round(minority * 1000) / 10}% of the deals were ${won < lost ? "won" : "lost"}: the fit learns little about the rarer outcome, and a constant guess of the base rate already scores a Brier of ${holdout.noSkill.brier}.`,
    );
  if (!holdout.skilful)
    out.push(
      `No skill over the base rate on held-out deals (AUC ${holdout.auc}, 95% interval ${holdout.aucInterval[0]} to ${holdout.aucInterval[1]}; Brier ${holdout.brier} against ${holdout.noSkill.brier} for always guessing ${Math.round(holdout.baseRate * 100)}%): these criteria do not predict this team's outcomes, and the weights must not be used (--out refuses without --force).`,
    );
  return out;
}

/** Names every criterion, or combination, that separates won from lost: its number is capped, not an effect. */
function separationWarnings(
  criteria: Calibration["criteria"],
  raw: readonly number[],
  def: FitInput["def"],
): string[] {
  const out: string[] = [];
  for (const c of criteria)
    if (c.separation)
      out.push(
        `${c.name} ${c.separation === "complete" ? "separates won from lost perfectly" : "almost separates won from lost (one side of it is all one outcome)"} in this history: its coefficient is capped at ${COEFFICIENT_CAP} and shown as no clear effect. Check how it is recorded: a criterion filled in after the outcome was known leaks it.`,
      );
  const combined = raw
    .map((c, j) =>
      Math.abs(c) > COEFFICIENT_CAP && !criteria[j]?.separation ? def.criteria[j]?.name : undefined,
    )
    .filter((n): n is string => n !== undefined);
  if (combined.length > 0)
    out.push(
      `A combination of criteria (${combined.join(", ")}) separates won from lost in this history: their coefficients are capped at ${COEFFICIENT_CAP}.`,
    );
  return out;
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
  // Each deal's (pattern, outcome) group, numbered once: a subset's groups are then counted, not hashed.
  const patterns = new Map<string, number>();
  const rows: number[][] = [];
  const group = new Int32Array(y.length);
  x.forEach((r, i) => {
    const key = r.join(",");
    let p = patterns.get(key);
    if (p === undefined) {
      p = rows.length;
      patterns.set(key, p);
      rows.push(r);
    }
    group[i] = p * 2 + (y[i] as number);
  });
  // One design row per group (pattern with each outcome), built once; a subset is its counts as weights.
  const design = designMatrix(
    rows.flatMap((r) => [r, r]),
    rows.flatMap(() => [0, 1]),
  );
  return {
    pick: (idx: readonly number[]) => ({
      x: idx.map((i) => x[i] as number[]),
      y: idx.map((i) => y[i] as number),
    }),
    fit: (idx: readonly number[], l: number, start?: Fit): Fit => {
      design.w.fill(0);
      for (const i of idx) design.w[group[i] as number] = (design.w[group[i] as number] as number) + 1;
      return fitWeighted(design, l, start);
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

/**
 * Per criterion: coefficient (capped), odds ratio, weight, unadjusted win rates, bootstrap interval and
 * separation. Weights: a criterion with a clear positive effect gets a share of what the others with no
 * clear effect leave of the framework's total, in proportion to its coefficient; one with no clear effect
 * keeps its original weight, so noise is never amplified; a clear negative effect gets none.
 */
function criterionResults(
  def: FitInput["def"],
  fit: Fit,
  draws: number[][],
  x: number[][],
  y: number[],
): Calibration["criteria"] {
  const total = def.criteria.reduce((s, c) => s + c.weight, 0);
  const rate = (rows: number[]) =>
    rows.length ? round(rows.reduce((s, i) => s + (y[i] as number), 0) / rows.length, 3) : null;
  const base = def.criteria.map((c, j) => {
    const sorted = [...(draws[j] as number[])].sort((a, b) => a - b);
    const q = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))] ?? 0;
    const interval: [number, number] = [round(q(0.025)), round(q(0.975))];
    const coefficient = fit.coefficients[j] as number;
    const met = y.map((_, i) => i).filter((i) => (x[i] as number[])[j] === 1);
    const notMet = y.map((_, i) => i).filter((i) => (x[i] as number[])[j] !== 1);
    const separation = separationOf(x, y, j);
    return {
      id: c.id,
      name: c.name,
      coefficient: round(coefficient),
      oddsRatio: round(Math.exp(coefficient), 2),
      weight: c.weight,
      winRate: { met: rate(met), notMet: rate(notMet) },
      ...(separation ? { separation } : {}),
      interval,
      significant: separation === undefined && !(interval[0] <= 0 && interval[1] >= 0),
    };
  });
  const clear = base.filter((c) => c.significant && c.coefficient > 0);
  const kept = base.filter((c) => !c.significant).reduce((s, c) => s + c.weight, 0);
  const positive = clear.reduce((s, c) => s + c.coefficient, 0);
  return base.map((c) => ({
    ...c,
    weight: !c.significant
      ? round(c.weight)
      : c.coefficient > 0 && positive > 0
        ? round((c.coefficient / positive) * (total - kept))
        : 0,
  }));
}
