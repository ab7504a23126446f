import { auc, brier, logLoss } from "./metrics.js";

/** How a model's held-out predictions compare with the constant guess of the base rate. */
export interface Skill {
  /** AUC of the predictions: the chance a won deal is ranked above a lost one (0.5: no ranking at all). */
  readonly auc: number;
  /** Its 95% interval (Hanley and McNeil, 1982). */
  readonly aucInterval: readonly [number, number];
  readonly brier: number;
  readonly logLoss: number;
  /** The win rate the constant guess uses: the training deals' share of wins. */
  readonly baseRate: number;
  /** Brier and log loss of always predicting the base rate: what "no skill" scores on these deals. */
  readonly noSkill: { readonly brier: number; readonly logLoss: number };
  /** 1 - brier / noSkill.brier: above 0 is better than the base rate; 0 or below is no skill. */
  readonly brierSkill: number;
  /** Whether the model beats the base rate: the AUC interval excludes 0.5 and the Brier beats the constant guess. */
  readonly skilful: boolean;
}

const round = (n: number, d = 4) => Math.round(n * 10 ** d) / 10 ** d;

/** The 95% interval of an AUC over `wins` and `losses` (Hanley and McNeil's standard error). */
export function aucInterval(a: number, wins: number, losses: number): [number, number] {
  if (wins === 0 || losses === 0) return [0, 1];
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const variance = (a * (1 - a) + (wins - 1) * (q1 - a * a) + (losses - 1) * (q2 - a * a)) / (wins * losses);
  const se = Math.sqrt(Math.max(0, variance));
  return [round(Math.max(0, a - 1.96 * se)), round(Math.min(1, a + 1.96 * se))];
}

/**
 * The skill of held-out predictions `p` of outcomes `y`, against the constant guess `baseRate` (the
 * training share of wins): "0.25 is a coin" holds only at a 50% win rate; at 5% the constant guess scores
 * a Brier of 0.0475, and a model must beat that.
 */
export function skillOf(p: readonly number[], y: readonly number[], baseRate: number): Skill {
  const wins = y.filter((v) => v === 1).length;
  const a = auc(p, y);
  const constant = y.map(() => baseRate);
  const noSkill = { brier: round(brier(constant, y)), logLoss: round(logLoss(constant, y)) };
  const b = brier(p, y);
  const interval = aucInterval(a, wins, y.length - wins);
  const brierSkill = noSkill.brier > 0 ? round(1 - b / brier(constant, y)) : 0;
  return {
    auc: round(a),
    aucInterval: interval,
    brier: round(b),
    logLoss: round(logLoss(p, y)),
    baseRate: round(baseRate),
    noSkill,
    brierSkill,
    skilful: interval[0] > 0.5 && brierSkill > 0,
  };
}
