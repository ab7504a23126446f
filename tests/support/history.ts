import { sigmoid } from "../../src/calibrate/logistic.js";
import { seeded } from "../../src/calibrate/metrics.js";

/**
 * A synthetic history for BANT with a planted truth: each deal's four criteria are met or not at random,
 * built as real deal fields, and the outcome is drawn from sigmoid(intercept + sum of coefficient x met).
 */
export function plantedHistory(
  n: number,
  truth: { budget: number; authority: number; need: number; timeline: number },
  intercept: number,
  seed: number,
) {
  const random = seeded(seed);
  const lines = [];
  for (let i = 0; i < n; i++) {
    const met = {
      budget: random() < 0.5,
      authority: random() < 0.5,
      need: random() < 0.5,
      timeline: random() < 0.5,
    };
    const deal = {
      id: `h${i}`,
      name: `History ${i}`,
      stage: "evaluation",
      ...(met.budget ? { budget: { status: "approved" } } : {}),
      stakeholders: [
        { id: "a", name: "Ann", engaged: true, ...(met.authority ? { roles: ["decision-maker"] } : {}) },
        { id: "b", name: "Ben", engaged: true },
      ],
      ...(met.need ? { needs: [{ description: "Faster close", impact: "high" }] } : {}),
      ...(met.timeline
        ? {
            timeline: { decisionBy: "2027-03-01", compellingEvent: "Audit", compellingEventKind: "business" },
          }
        : {}),
    };
    const z =
      intercept +
      (met.budget ? truth.budget : 0) +
      (met.authority ? truth.authority : 0) +
      (met.need ? truth.need : 0) +
      (met.timeline ? truth.timeline : 0);
    const p = sigmoid(z);
    lines.push({ deal, outcome: random() < p ? "won" : "lost", p, met });
  }
  return lines;
}
