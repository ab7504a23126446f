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
