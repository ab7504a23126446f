import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createQualifier } from "../src/index.js";
import { dealArb } from "./support/arbitraries.js";

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

describe("whom a question is aimed at", () => {
  const all = createQualifier({ frameworks: ["bant", "meddpicc", "champ", "spiced", "neat", "anum"] });
  const SENSITIVE = new Set([
    "authority",
    "budget",
    "decision-process",
    "paper-process",
    "timeline",
    "competition",
  ]);
  const asOf = "2026-11-27";

  it("never at a departed, unengaged, negative or blocking person on a sensitive topic; never at a 90-days-silent one while someone recent is engaged; never about the decider to the decider", () => {
    fc.assert(
      fc.property(dealArb, (deal) => {
        const report = all.evaluate(deal, { asOf });
        const people = new Map((deal.stakeholders ?? []).map((s) => [s.id, s]));
        const lastHeard = (id: string) => {
          const days = [
            people.get(id)?.lastContact,
            ...(deal.interactions ?? []).filter((i) => i.stakeholderIds.includes(id)).map((i) => i.date),
          ]
            .filter((d): d is string => typeof d === "string")
            .sort();
          return days[days.length - 1];
        };
        const stale = (id: string) => {
          const last = lastHeard(id);
          return last !== undefined && (Date.parse(asOf) - Date.parse(last.slice(0, 10))) / 86_400_000 >= 90;
        };
        const recentExists = (deal.stakeholders ?? []).some(
          (s) => s.engaged === true && s.departed !== true && !stale(s.id),
        );
        for (const q of report.questions) {
          if (q.askId === undefined) continue;
          const p = people.get(q.askId);
          expect(p?.engaged).toBe(true);
          expect(p?.departed).not.toBe(true);
          if (recentExists) expect(stale(q.askId)).toBe(false);
          // Someone against the deal is asked nothing (sensitive topics included).
          expect(p?.sentiment).not.toBe("negative");
          expect(p?.roles ?? []).not.toContain("blocker");
          if (SENSITIVE.has(q.topic)) expect(p?.engaged).toBe(true);
          if (q.topic === "authority" || q.topic === "champion")
            expect((p?.roles ?? []).some((r) => r === "economic-buyer" || r === "decision-maker")).toBe(
              false,
            );
        }
      }),
      { numRuns: 400, seed: 20261128 },
    );
  });

  it("sensitive questions go through the champion, not the blocker; the blocker's concerns become a question to the champion", () => {
    const report = evaluate({
      stage: "evaluation",
      stakeholders: [
        person("bogdan", {
          sentiment: "negative",
          influence: "high",
          roles: ["technical-buyer"],
          concerns: ["security", "data residency"],
        }),
        person("ines", { sentiment: "positive", roles: ["champion"], influence: "medium" }),
      ],
    });
    for (const q of report.questions) expect(q.askId).not.toBe("bogdan");
    const concerns = report.questions.find((q) => q.id === "satisfy-concerns");
    expect(concerns?.text).toBe(
      "What would it take to satisfy bogdan person on security and data residency?",
    );
    expect(concerns?.askId).toBe("ines");
    expect(report.collateral.map((c) => c.id)).toContain("security-pack");
  });

  it("no 'Why now?' once a compelling event is recorded, in any framework; no 'What problem?' once needs are stated", () => {
    const all = createQualifier({ frameworks: ["bant", "anum", "champ", "spiced", "gpctba-ci", "meddpicc"] });
    const asked = (extra: Record<string, unknown>) =>
      all
        .evaluate({ id: "d", name: "D", stage: "proposal", ...extra }, { asOf: "2026-11-27" })
        .questions.map((q) => q.id);
    expect(asked({})).toContain("why-now");
    expect(asked({ timeline: { compellingEvent: "The old contract ends in March" } })).not.toContain(
      "why-now",
    );
    expect(asked({})).toContain("what-problem");
    expect(asked({ needs: [{ description: "Faster close" }] })).not.toContain("what-problem");
  });

  it("a question whose answer is recorded is not asked", () => {
    const asked = (timeline: Record<string, unknown>) => evaluate({ timeline }).questions.map((q) => q.id);
    expect(asked({})).toContain("when-decide");
    expect(asked({ decisionBy: "2027-01-01" })).not.toContain("when-decide");
    expect(asked({ decisionBy: "2026-10-01" })).toContain("what-changed");
    expect(asked({ decisionBy: "2026-10-01" })).not.toContain("if-late");
  });

  it("people known but not engaged in legal or procurement are introductions through an engaged contact", () => {
    const report = evaluate({
      stage: "negotiation",
      stakeholders: [
        person("ines", { sentiment: "positive", roles: ["champion"] }),
        person("bogdan", { name: "Bogdan Petrov", engaged: false, roles: ["legal"] }),
      ],
    });
    const intro = report.questions.find((q) => q.id === "introduce-paper-people");
    expect(intro?.text).toBe(
      "Could you introduce us to Bogdan Petrov, so the contract does not stall at the end?",
    );
    expect(intro?.askId).toBe("ines");
    expect(report.questions.some((q) => q.askId === "bogdan")).toBe(false);
  });
});
