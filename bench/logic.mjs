// Compiled JsonLogic vs json-logic-js `apply` vs a hand-written function, same rule, same data, one run.
import jsonLogic from "json-logic-js";
import { compileLogic } from "../dist/index.js";
import { opsPerSecond, rate } from "./measure.mjs";

// An `and` of 4 comparisons, plus `some` and `filter` over 5 stakeholders.
const rule = {
  and: [
    { ">": [{ var: "amount.value" }, 10000] },
    { "==": [{ var: "stage" }, "proposal"] },
    { "<": [{ var: "n" }, 50] },
    { "!=": [{ var: "budget.status" }, "none"] },
    { some: [{ var: "stakeholders" }, { "==": [{ var: "sentiment" }, "positive"] }] },
    { filter: [{ var: "stakeholders" }, { var: "engaged" }] },
  ],
};
const hand = (d) =>
  d.amount.value > 10000 &&
  d.stage === "proposal" &&
  d.n < 50 &&
  d.budget.status !== "none" &&
  d.stakeholders.some((s) => s.sentiment === "positive") &&
  d.stakeholders.filter((s) => s.engaged);

const data = Array.from({ length: 100 }, (_, i) => ({
  amount: { value: 5000 + i * 300 },
  stage: i % 3 ? "proposal" : "discovery",
  n: i % 60,
  budget: { status: i % 4 ? "approved" : "none" },
  stakeholders: Array.from({ length: 5 }, (_, j) => ({
    sentiment: (i + j) % 3 ? "neutral" : "positive",
    engaged: (i + j) % 2 === 0,
  })),
}));

const compiled = compileLogic(rule);
for (const d of data) {
  if (JSON.stringify(compiled(d)) !== JSON.stringify(jsonLogic.apply(rule, d)))
    throw new Error("compiled and json-logic-js disagree");
}
const loop = (f) => () => {
  let x;
  for (const d of data) x = f(d);
  return x;
};

/** Runs the JsonLogic benchmark and returns its rows. */
export async function benchLogic() {
  const interp = await opsPerSecond(
    loop((d) => jsonLogic.apply(rule, d)),
    data.length,
  );
  const comp = await opsPerSecond(loop(compiled), data.length);
  const handWritten = await opsPerSecond(loop(hand), data.length);
  return [
    ["json-logic-js apply", rate(interp), "1.0x (baseline)"],
    ["compileLogic (closures)", rate(comp), `${(comp / interp).toFixed(1)}x json-logic-js`],
    [
      "hand-written function",
      rate(handWritten),
      `compiled is ${(handWritten / comp).toFixed(2)}x slower than this`,
    ],
  ];
}
