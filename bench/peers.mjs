// Plain JsonLogic against the peers, on five rule shapes: json-logic-js (`apply`, the reference),
// json-logic-engine (`build()`, its compiled mode, generated code), our closures and our generated code.
// Each rate is the median of three measurements; ratios are within one run.

import { LogicEngine } from "json-logic-engine";
import jsonLogic from "json-logic-js";
import { compileLogic } from "../dist/index.js";
import { medianOpsPerSecond, rate } from "./measure.mjs";

const N = 100;
const pick = (i, list) => list[i % list.length];

/** The five shapes of issue #16, each with its data and a hand-written equivalent. */
export const SHAPES = [
  {
    name: "and of comparisons",
    rule: {
      and: [
        { ">": [{ var: "amount" }, 10000] },
        { "==": [{ var: "stage" }, "proposal"] },
        { "<": [{ var: "n" }, 50] },
        { "!=": [{ var: "status" }, "none"] },
      ],
    },
    data: (i) => ({
      amount: 5000 + i * 300,
      stage: pick(i, ["proposal", "proposal", "discovery"]),
      n: i % 60,
      status: pick(i, ["approved", "none", "allocated", "approved"]),
    }),
    hand: (d) => d.amount > 10000 && d.stage === "proposal" && d.n < 50 && d.status !== "none",
  },
  {
    name: "some / filter over arrays",
    rule: {
      and: [
        { some: [{ var: "people" }, { "==": [{ var: "sentiment" }, "positive"] }] },
        { filter: [{ var: "people" }, { var: "engaged" }] },
      ],
    },
    data: (i) => ({
      people: Array.from({ length: 5 }, (_, j) => ({
        sentiment: (i + j) % 3 ? "neutral" : "positive",
        engaged: (i + j) % 2 === 0,
      })),
    }),
    hand: (d) => d.people.some((p) => p.sentiment === "positive") && d.people.filter((p) => p.engaged),
  },
  {
    name: "arithmetic with if",
    rule: {
      if: [
        { ">": [{ "+": [{ var: "a" }, { "*": [{ var: "b" }, 2] }] }, 10] },
        { "-": [{ var: "a" }, { "/": [{ var: "b" }, 4] }] },
        { "%": [{ var: "a" }, 3] },
      ],
    },
    data: (i) => ({ a: i % 13, b: (i * 7) % 5 }),
    hand: (d) => (d.a + d.b * 2 > 10 ? d.a - d.b / 4 : d.a % 3),
  },
  {
    name: "deep var with defaults",
    rule: {
      if: [
        { var: ["deal.account.profile.active", false] },
        { var: ["deal.account.profile.tier", "none"] },
        { var: ["deal.owner.team.name", "unassigned"] },
      ],
    },
    data: (i) => ({
      deal: {
        account: { profile: i % 3 ? { active: i % 2 === 0, tier: pick(i, ["gold", "silver"]) } : {} },
        owner: i % 4 ? { team: { name: "north" } } : {},
      },
    }),
    hand: (d) =>
      (d.deal?.account?.profile?.active ?? false)
        ? (d.deal?.account?.profile?.tier ?? "none")
        : (d.deal?.owner?.team?.name ?? "unassigned"),
  },
  {
    name: "in / cat on strings",
    rule: {
      if: [
        { in: [{ var: "needle" }, { var: "text" }] },
        { cat: [{ var: "first" }, " ", { var: "last" }] },
        { substr: [{ var: "text" }, 0, 5] },
      ],
    },
    data: (i) => ({
      needle: pick(i, ["pro", "ent", "xyz"]),
      text: pick(i, ["professional plan", "enterprise plan", "starter plan"]),
      first: pick(i, ["Ada", "Grace"]),
      last: pick(i, ["Lovelace", "Hopper"]),
    }),
    hand: (d) => (d.text.includes(d.needle) ? `${d.first} ${d.last}` : d.text.substr(0, 5)),
  },
];

function measured(fn, data) {
  const loop = () => {
    let x;
    for (let i = 0; i < data.length; i++) x = fn(data[i]);
    return x;
  };
  return medianOpsPerSecond(loop, data.length);
}

/** Runs every shape; returns the rows and the geometric mean of our time over json-logic-engine's. */
export async function benchPeers() {
  const engine = new LogicEngine();
  const rows = [];
  const ratios = { closures: [], codegen: [] };
  for (const shape of SHAPES) {
    const data = Array.from({ length: N }, (_, i) => shape.data(i));
    const built = engine.build(shape.rule);
    const closures = compileLogic(shape.rule);
    const codegen = compileLogic(shape.rule, { codegen: true });
    for (const d of data) {
      const want = JSON.stringify(jsonLogic.apply(shape.rule, d));
      for (const [who, f] of [
        ["json-logic-engine", built],
        ["closures", closures],
        ["codegen", codegen],
        ["hand-written", shape.hand],
      ])
        if (JSON.stringify(f(d)) !== want)
          throw new Error(`${shape.name}: ${who} disagrees with json-logic-js on ${JSON.stringify(d)}`);
    }
    const r = {
      apply: await measured((d) => jsonLogic.apply(shape.rule, d), data),
      engine: await measured(built, data),
      closures: await measured(closures, data),
      codegen: await measured(codegen, data),
      hand: await measured(shape.hand, data),
    };
    ratios.closures.push(r.engine / r.closures);
    ratios.codegen.push(r.engine / r.codegen);
    rows.push([
      shape.name,
      rate(r.apply),
      rate(r.engine),
      `${rate(r.closures)} (${(r.engine / r.closures).toFixed(2)}x)`,
      `${rate(r.codegen)} (${(r.engine / r.codegen).toFixed(2)}x)`,
      rate(r.hand),
    ]);
  }
  const geo = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
  rows.push([
    "**geometric mean, our time / json-logic-engine's**",
    "",
    "1.00x",
    `**${geo(ratios.closures).toFixed(2)}x**`,
    `**${geo(ratios.codegen).toFixed(2)}x**`,
    "",
  ]);
  return rows;
}
