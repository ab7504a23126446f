// Validation and scoring time per stakeholder, from 1,000 to 100,000 stakeholders: it must stay flat
// (linear work), whatever the shape: a valid org chart, dangling reportsTo everywhere, a reporting chain.
import { performance } from "node:perf_hooks";
import { createQualifier, safeParseDeal } from "../dist/index.js";

const roles = ["champion", "economic-buyer", "technical-buyer", "user-buyer", "influencer"];
function dealOf(n, shape) {
  const stakeholders = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    name: `Person ${i}`,
    engaged: i % 3 === 0,
    sentiment: i % 7 === 0 ? "negative" : "positive",
    influence: i % 5 === 0 ? "high" : "medium",
    ...(i % 50 === 0 ? { roles: [roles[(i / 50) % roles.length]] } : {}),
    ...(shape === "chain" && i > 0 ? { reportsTo: `s${i - 1}` } : {}),
    ...(shape === "tree" && i > 0 ? { reportsTo: `s${Math.floor((i - 1) / 8)}` } : {}),
    ...(shape === "dangling" ? { reportsTo: `nobody${i}` } : {}),
  }));
  const interactions = Array.from({ length: Math.ceil(n / 4) }, (_, i) => ({
    date: "2026-10-01",
    kind: "meeting",
    stakeholderIds: [`s${(i * 4) % n}`, `s${(i * 4 + 1) % n}`],
  }));
  return { id: "big", name: "Big", stage: "evaluation", stakeholders, interactions };
}

/** The fastest of three runs, in milliseconds (the first also warms the code up). */
function time(fn) {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Microseconds per stakeholder for validation and for a whole report, at each size; ratio to 1k. */
export function benchScale(sizes = [1_000, 10_000, 100_000]) {
  const q = createQualifier({ frameworks: ["bant", "meddpicc"] });
  const rows = [];
  for (const shape of ["tree", "chain", "dangling"]) {
    let base;
    for (const n of sizes) {
      const deal = dealOf(n, shape);
      const validate = time(() => safeParseDeal(deal));
      const score =
        shape === "dangling" ? Number.NaN : time(() => q.safeEvaluate(deal, { asOf: "2026-11-27" }));
      const per = (ms) => (ms * 1000) / n;
      base ??= { validate: per(validate), score: per(score) };
      rows.push([
        shape,
        n.toLocaleString("en"),
        `${per(validate).toFixed(2)} µs`,
        `${(per(validate) / base.validate).toFixed(2)}x`,
        Number.isNaN(score) ? "(invalid)" : `${per(score).toFixed(2)} µs`,
        Number.isNaN(score) ? "" : `${(per(score) / base.score).toFixed(2)}x`,
      ]);
    }
  }
  return rows;
}
