import { describe, expect, it } from "vitest";
import { createQualifier } from "../src/index.js";

const qualifier = createQualifier({ frameworks: ["bant", "meddpicc"] });
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `${id} person`,
  engaged: true,
  ...extra,
});
const evaluate = (extra: Record<string, unknown>) =>
  qualifier.evaluate({ id: "d", name: "D", ...extra }, { asOf: "2026-11-27" });
const question = (extra: Record<string, unknown>, id: string) =>
  evaluate(extra).questions.find((q) => q.id === id);

describe("merging the same question across frameworks", () => {
  it("one entry lists every criterion it serves, and its priority adds up", () => {
    const report = evaluate({});
    const whoDecides = report.questions.filter((q) => q.id === "who-decides");
    expect(whoDecides).toHaveLength(1);
    expect(whoDecides[0]?.criteria).toEqual(["bant/authority", "meddpicc/economic-buyer"]);
    const bantOnly = createQualifier({ frameworks: ["bant"] }).evaluate(
      { id: "d", name: "D" },
      { asOf: "2026-11-27" },
    );
    expect(whoDecides[0]?.priority).toBeGreaterThan(
      bantOnly.questions.find((q) => q.id === "who-decides")?.priority ?? 0,
    );
  });

  it("a question can be meant for one status: once the decider is known, ask to meet them, not who decides", () => {
    const unknown = evaluate({}).questions.map((q) => q.id);
    expect(unknown).toContain("who-decides");
    expect(unknown).not.toContain("meet-buyer");
    const known = evaluate({
      stakeholders: [person("cfo", { roles: ["economic-buyer"], engaged: false }), person("a")],
    }).questions.map((q) => q.id);
    expect(known).not.toContain("who-decides");
    expect(known).toContain("meet-buyer");
  });

  it("a met criterion offers no questions", () => {
    const report = evaluate({ budget: { status: "approved" } });
    expect(report.questions.some((q) => q.criteria.includes("bant/budget"))).toBe(false);
  });

  it("the stage changes the ranking: paper process rises in negotiation", () => {
    const rank = (stage: string) => evaluate({ stage }).questions.findIndex((q) => q.id === "paper-steps");
    expect(rank("negotiation")).toBeLessThan(rank("discovery"));
  });

  it("questions are ranked by priority, highest first", () => {
    const priorities = evaluate({}).questions.map((q) => q.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  });
});

type TargetRow = [
  label: string,
  deal: Record<string, unknown>,
  questionId: string,
  askId: string | undefined,
];
const targets: TargetRow[] = [
  [
    "nobody engaged: nobody to ask",
    { stakeholders: [person("a", { engaged: false })] },
    "who-decides",
    undefined,
  ],
  [
    "authority goes to the champion",
    {
      stakeholders: [person("a"), person("champ", { roles: ["champion"] })],
      interactions: [{ date: "2026-11-01", stakeholderIds: ["a"] }],
    },
    "who-decides",
    "champ",
  ],
  [
    "without a champion, to the closest contact (most interactions)",
    {
      stakeholders: [person("a"), person("b")],
      interactions: [
        { date: "2026-11-01", stakeholderIds: ["b"] },
        { date: "2026-11-02", stakeholderIds: ["b", "a"] },
      ],
    },
    "who-decides",
    "b",
  ],
  [
    "budget goes to the budget owner when engaged",
    {
      stakeholders: [person("champ", { roles: ["champion"] }), person("cfo")],
      budget: { status: "exploring", ownerId: "cfo" },
    },
    "how-funded",
    "cfo",
  ],
  [
    "budget owner not engaged: the champion",
    {
      stakeholders: [person("champ", { roles: ["champion"] }), person("cfo", { engaged: false })],
      budget: { ownerId: "cfo" },
    },
    "how-funded",
    "champ",
  ],
  [
    "paper process goes to procurement when known",
    { stakeholders: [person("champ", { roles: ["champion"] }), person("buy", { roles: ["procurement"] })] },
    "paper-steps",
    "buy",
  ],
  [
    "paper process without procurement or legal: the champion",
    { stakeholders: [person("champ", { roles: ["champion"] }), person("x")] },
    "paper-steps",
    "champ",
  ],
];

describe("whom to ask", () => {
  it.each(targets)("%s", (_label, deal, id, askId) => {
    const q = question(deal, id);
    expect(q).toBeDefined();
    expect(q?.askId).toBe(askId);
    if (askId) expect(q?.why).toContain(`${askId} person`);
  });
});
