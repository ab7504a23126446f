import type { Status } from "../model/enums.js";

/** How much of a criterion's weight each status earns. Unknown earns nothing: absence never flatters. */
export const STATUS_VALUE: Readonly<Record<Status, number>> = { met: 1, partial: 0.5, unmet: 0, unknown: 0 };

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Score, range and confidence of a framework from its criteria's weights and statuses. */
export function scoreOf(criteria: ReadonlyArray<{ weight: number; status: Status }>): {
  score: number;
  confidence: number;
  range: { low: number; high: number };
} {
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  if (total === 0) return { score: 0, confidence: 0, range: { low: 0, high: 0 } };
  const earned = criteria.reduce((s, c) => s + c.weight * STATUS_VALUE[c.status], 0);
  const unknown = criteria.reduce((s, c) => s + (c.status === "unknown" ? c.weight : 0), 0);
  const score = round1((100 * earned) / total);
  return {
    score,
    confidence: round2((total - unknown) / total),
    range: { low: score, high: round1((100 * (earned + unknown)) / total) },
  };
}

/** Points per status under red-amber-green scoring (SCOTSMAN's own): green 0, amber 1, red 10. */
export const RAG_POINTS: Readonly<Record<Status, number>> = { met: 0, partial: 1, unknown: 1, unmet: 10 };

/**
 * Red-amber-green scoring, as SCOTSMAN's author scores it: each letter costs points (met 0, partial or
 * unknown 1, unmet 10) and the score is 100 minus 10 per point, never below 0: one red letter takes it
 * to zero, however green the rest. The range counts unknowns as red (low) and green (high);
 * confidence is the share of letters whose status is known. Weights do not apply.
 */
export function ragScoreOf(criteria: ReadonlyArray<{ status: Status }>): {
  score: number;
  confidence: number;
  range: { low: number; high: number };
  points: number;
} {
  if (criteria.length === 0) return { score: 0, confidence: 0, range: { low: 0, high: 0 }, points: 0 };
  const of = (p: number) => Math.max(0, 100 - 10 * p);
  const points = criteria.reduce((n, c) => n + RAG_POINTS[c.status], 0);
  const unknown = criteria.filter((c) => c.status === "unknown").length;
  return {
    score: of(points),
    confidence: round2((criteria.length - unknown) / criteria.length),
    range: { low: of(points + 9 * unknown), high: of(points - unknown) },
    points,
  };
}
