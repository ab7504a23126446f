// Deals per second: all twelve frameworks compiled vs interpreter mode, and BANT by hand vs qualify.
import jsonLogic from "json-logic-js";
import { compileLogic, createQualifier, domainOperators } from "../dist/index.js";
import { bantByHand } from "./bant-by-hand.mjs";
import { makeDeals } from "./deals.mjs";
import { opsPerSecond, rate } from "./measure.mjs";

const ALL = [...createQualifier({ frameworks: [] }).catalogue.keys()];
const asOf = "2026-11-27";
const deals = makeDeals(500);
const each = (f) => () => {
  let x;
  for (const d of deals) x = f(d);
  return x;
};

/** All twelve frameworks, whole reports: compiled vs json-logic-js interpreter mode. */
export async function benchFrameworks() {
  const compiled = createQualifier({ frameworks: ALL });
  const interpreter = createQualifier({ frameworks: ALL, mode: "interpreter" });
  for (const d of deals.slice(0, 50)) {
    if (JSON.stringify(compiled.evaluate(d, { asOf })) !== JSON.stringify(interpreter.evaluate(d, { asOf })))
      throw new Error("modes disagree");
  }
  const interp = await opsPerSecond(
    each((d) => interpreter.evaluate(d, { asOf })),
    deals.length,
  );
  const comp = await opsPerSecond(
    each((d) => compiled.evaluate(d, { asOf })),
    deals.length,
  );

  // The rules alone: every status rule of the twelve frameworks over a deal, compiled vs apply.
  const rules = compiled.frameworks.flatMap((f) =>
    f.criteria.flatMap((c) => (c.status ?? []).map((s) => s.when)),
  );
  const fns = rules.map((r) => compileLogic(r, { operators: compiled.operators }));
  const domain = domainOperators;
  const rulesInterp = await opsPerSecond(
    each((d) => {
      for (const op of domain)
        jsonLogic.add_operation(op.name, function (...args) {
          return op.evaluate(args, { data: this, root: d, asOf });
        });
      let x;
      for (const r of rules) x = jsonLogic.apply(r, d);
      for (const op of domain) jsonLogic.rm_operation(op.name);
      return x;
    }),
    deals.length,
  );
  const rulesComp = await opsPerSecond(
    each((d) => {
      let x;
      const env = { root: d, asOf, memo: new Map() };
      for (const f of fns) x = f(d, env);
      return x;
    }),
    deals.length,
  );
  return [
    ["interpreter mode (json-logic-js apply), whole reports", rate(interp), "1.0x (baseline)"],
    ["compiled, whole reports", rate(comp), `${(comp / interp).toFixed(2)}x interpreter`],
    [
      `status rules only (${rules.length} per deal), json-logic-js apply`,
      rate(rulesInterp),
      "1.0x (baseline)",
    ],
    [
      `status rules only (${rules.length} per deal), compiled`,
      rate(rulesComp),
      `${(rulesComp / rulesInterp).toFixed(1)}x interpreter`,
    ],
  ];
}

/** BANT: by hand vs qualify with BANT alone. */
export async function benchBant() {
  const q = createQualifier({ frameworks: ["bant"], coreRules: false });
  for (const d of deals) {
    const ours = q.evaluate(d, { asOf }).frameworks[0];
    const hand = bantByHand(d, asOf);
    const a = ours.criteria.map((c) => c.status).join();
    const b = hand.criteria.map((c) => c.status).join();
    if (a !== b || ours.score !== hand.score)
      throw new Error(`BANT by hand disagrees on ${d.id}: ${a} vs ${b}`);
  }
  const hand = await opsPerSecond(
    each((d) => bantByHand(d, asOf)),
    deals.length,
  );
  const full = await opsPerSecond(
    each((d) => q.evaluate(d, { asOf })),
    deals.length,
  );
  const bant = q.frameworks[0];
  const fns = bant.criteria.map((c) =>
    (c.status ?? []).map((s) => [compileLogic(s.when, { operators: q.operators }), s.status]),
  );
  const statusesOnly = await opsPerSecond(
    each((d) => {
      const env = { root: d, asOf };
      return fns.map((rules) => {
        for (const [f, status] of rules) if (f(d, env)) return status;
        return "unknown";
      });
    }),
    deals.length,
  );
  return [
    ["BANT by hand (statuses, sentences, score)", rate(hand), "1.0x (baseline)"],
    [
      "qualify, BANT statuses from the compiled rules",
      rate(statusesOnly),
      `${(hand / statusesOnly).toFixed(1)}x the time by hand`,
    ],
    [
      "qualify, BANT whole report (validation, evidence, explanations, ranked questions)",
      rate(full),
      `${(hand / full).toFixed(1)}x the time by hand`,
    ],
  ];
}
