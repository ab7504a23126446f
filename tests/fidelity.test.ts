import { describe, expect, it } from "vitest";
import { createQualifier } from "../src/index.js";

// Each row is a deal that showed an old behaviour wrong (issue: framework fidelity), with the status a
// seller who knows the framework expects now.
const asOf = "2026-11-27";
const status = (framework: string, deal: Record<string, unknown>, criterion: string) =>
  createQualifier({ frameworks: [framework] })
    .evaluate({ id: "d", name: "D", ...deal }, { asOf })
    .frameworks[0]?.criteria.find((c) => c.id === criterion)?.status;
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id.toUpperCase(),
  ...extra,
});

type Row = [
  label: string,
  framework: string,
  criterion: string,
  deal: Record<string, unknown>,
  expected: string,
];
const rows: Row[] = [
  [
    "SCOTSMAN size is not unmet because the budget is unknown",
    "scotsman",
    "size",
    { amount: { value: 50000, currency: "EUR" } },
    "partial",
  ],
  [
    "SCOTSMAN money compares the budget with the price",
    "scotsman",
    "money",
    {
      amount: { value: 50000, currency: "EUR" },
      budget: { status: "approved", amount: { value: 20000, currency: "EUR" } },
    },
    "partial",
  ],
  [
    "SCOTSMAN originality is not met by a lone 'do nothing, behind'",
    "scotsman",
    "originality",
    { competition: [{ name: "Do nothing", kind: "status-quo", position: "behind" }] },
    "partial",
  ],
  [
    "Buying Influences: a negative coach is not a coach",
    "buying-influences",
    "coach",
    {
      stakeholders: [
        person("c", { roles: ["coach"], engaged: true, sentiment: "negative", influence: "high" }),
      ],
    },
    "unmet",
  ],
  [
    "Buying Influences: a neutral, low-influence contact is not yet a coach",
    "buying-influences",
    "coach",
    {
      stakeholders: [
        person("c", { roles: ["coach"], engaged: true, sentiment: "neutral", influence: "low" }),
      ],
    },
    "partial",
  ],
  [
    "Buying Influences: two economic buyers is not met",
    "buying-influences",
    "economic-buyer",
    {
      stakeholders: [
        person("a", { roles: ["economic-buyer"], engaged: true }),
        person("b", { roles: ["economic-buyer"], engaged: true }),
      ],
    },
    "partial",
  ],
  [
    "Buying Influences: hostile technical buyers cost",
    "buying-influences",
    "technical-buyers",
    { stakeholders: [person("t", { roles: ["technical-buyer"], engaged: true, sentiment: "negative" })] },
    "unmet",
  ],
  [
    "GPCTBA plans are not the purchasing process",
    "gpctba-ci",
    "plans",
    {
      decision: { process: "mapped", processSteps: ["Pilot", "Board"] },
      timeline: { startBy: "2027-02-01" },
    },
    "partial",
  ],
  [
    "GPCTBA: one metric with a target but no baseline does not make positive implications met",
    "gpctba-ci",
    "positive-implications",
    {
      stakeholders: [person("eb", { roles: ["economic-buyer"] })],
      metrics: [{ description: "NPS", target: "50", agreedBy: "eb" }],
    },
    "unknown",
  ],
  [
    "FAINT funds: an engaged economic buyer exploring is authority, not funds",
    "faint",
    "funds",
    {
      budget: { status: "exploring" },
      stakeholders: [person("eb", { roles: ["economic-buyer"], engaged: true })],
    },
    "partial",
  ],
  [
    "SPIN implication: a 'critical' rating alone is not an explored implication",
    "spin",
    "implication",
    { needs: [{ description: "Outages", impact: "critical" }] },
    "partial",
  ],
  [
    "MEDDPICC champion: neutral and untested is not met",
    "meddpicc",
    "champion",
    {
      stakeholders: [
        person("eb", { roles: ["economic-buyer"] }),
        person("c", {
          roles: ["champion"],
          engaged: true,
          sentiment: "neutral",
          influence: "medium",
          reportsTo: "m",
        }),
        person("m", { reportsTo: "eb" }),
      ],
    },
    "partial",
  ],
  [
    "MEDDPICC champion: tested (met the economic buyer in a meeting) is met",
    "meddpicc",
    "champion",
    {
      stakeholders: [
        person("eb", { roles: ["economic-buyer"], engaged: true }),
        person("c", { roles: ["champion"], engaged: true, sentiment: "positive", influence: "medium" }),
      ],
      interactions: [{ date: "2026-11-20", kind: "meeting", stakeholderIds: ["c", "eb"] }],
    },
    "met",
  ],
  [
    "MEDDPICC competition: a fully known landscape is met when no live rival is ahead",
    "meddpicc",
    "competition",
    { competition: [{ name: "BigCo", kind: "brand-leader", position: "level" }] },
    "met",
  ],
  [
    "MEDDPICC competition: knowing a rival is ahead is not meeting it (1.2: against us is not met)",
    "meddpicc",
    "competition",
    { competition: [{ name: "BigCo", kind: "brand-leader", position: "ahead" }] },
    "partial",
  ],
  [
    "MEDDPICC competition: a rival the buyer eliminated is no threat",
    "meddpicc",
    "competition",
    {
      competition: [
        { name: "BigCo", kind: "brand-leader", position: "ahead", eliminated: true },
        { name: "Initech", kind: "challenger", position: "behind" },
      ],
    },
    "met",
  ],
  [
    "MEDDIC folds the paper process into its decision process",
    "meddic",
    "decision-process",
    { decision: { process: "mapped" } },
    "partial",
  ],
  [
    "NEAT access to authority: an untested champion two levels below is not access",
    "neat",
    "access-to-authority",
    {
      stakeholders: [
        person("eb", { roles: ["economic-buyer"] }),
        person("m", { reportsTo: "eb" }),
        person("c", {
          roles: ["champion"],
          engaged: true,
          sentiment: "neutral",
          influence: "low",
          reportsTo: "m",
        }),
      ],
    },
    "partial",
  ],
  [
    "NEAT economic impact: a target without a baseline is not in numbers",
    "neat",
    "economic-impact",
    {
      stakeholders: [person("eb", { roles: ["economic-buyer"] })],
      metrics: [{ description: "NPS", target: "50", agreedBy: "eb" }],
    },
    "partial",
  ],
  [
    "CHAMP prioritization comes from where it ranks, not from dates",
    "champ",
    "prioritization",
    { timeline: { decisionBy: "2027-01-01", compellingEvent: "Audit" } },
    "unknown",
  ],
  [
    "CHAMP prioritization: ranked top is met",
    "champ",
    "prioritization",
    { timeline: { priority: "top" } },
    "met",
  ],
  [
    "BANT timeline: a date alone is partial",
    "bant",
    "timeline",
    { timeline: { decisionBy: "2027-01-01" } },
    "partial",
  ],
  [
    "BANT timeline: an RFP deadline is a process date, not a compelling event",
    "bant",
    "timeline",
    { timeline: { decisionBy: "2027-01-01", compellingEvent: "RFP due", compellingEventKind: "process" } },
    "partial",
  ],
  [
    "SPICED situation needs facts, not only a conversation",
    "spiced",
    "situation",
    {
      stakeholders: [person("a", { engaged: true })],
      interactions: [{ date: "2026-11-01", stakeholderIds: ["a"] }],
    },
    "unknown",
  ],
];

describe("framework fidelity: every framework as its authors teach it", () => {
  it.each(rows)("%s", (_, framework, criterion, deal, expected) => {
    expect(status(framework, deal, criterion)).toBe(expected);
  });

  it("SCOTSMAN: one red letter dominates (red-amber-green scoring)", () => {
    const q = createQualifier({ frameworks: ["scotsman"] });
    const allUnknown = q.evaluate({ id: "d", name: "D" }, { asOf }).frameworks[0];
    expect(allUnknown?.points).toBe(8);
    expect(allUnknown?.score).toBe(20);
    const red = q.evaluate({ id: "d", name: "D", budget: { status: "none" } }, { asOf }).frameworks[0];
    expect(red?.score).toBe(0);
  });

  it("BANT authority: only the deciders against the deal are named", () => {
    const report = createQualifier({ frameworks: ["bant"] }).evaluate(
      {
        id: "d",
        name: "D",
        stakeholders: [
          person("a", { roles: ["economic-buyer"], sentiment: "positive" }),
          person("b", { roles: ["decision-maker"], sentiment: "negative" }),
        ],
      },
      { asOf },
    );
    const authority = report.frameworks[0]?.criteria.find((c) => c.id === "authority");
    expect(authority?.explanation).toBe("B decides, and is against the deal.");
  });

  it("origins write only what a source supports", () => {
    const { catalogue } = createQualifier({ frameworks: [] });
    expect(catalogue.get("bant")?.origin?.year).toBeUndefined();
    expect(catalogue.get("meddic")?.origin?.year).toBeUndefined();
    for (const def of catalogue.values()) {
      expect(def.sources?.length, def.id).toBeGreaterThan(0);
      expect(def.differences?.length, def.id).toBeGreaterThan(0);
    }
  });

  it("shared rules live in one place: six frameworks use one Authority", () => {
    const { catalogue } = createQualifier({ frameworks: [] });
    const users = [...catalogue.values()]
      .filter((d) => d.criteria.some((c) => c.use === "authority"))
      .map((d) => d.id);
    expect(users.sort()).toEqual(["anum", "bant", "champ", "faint", "gpctba-ci", "scotsman"]);
  });
});
