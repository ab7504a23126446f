import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createQualifier, type Report } from "../src/index.js";
import { deal12Arb, dealArb } from "./support/arbitraries.js";

// Deal model 1.2 (DESIGN.md, "Contract additions, version 1.2"): the fields, the eight findings and the
// judgement classes, each as a table of cases, and the properties that hold for every deal.
const asOf = "2026-11-27";
const ALL = [
  "bant",
  "meddic",
  "meddpicc",
  "spiced",
  "champ",
  "gpctba-ci",
  "anum",
  "faint",
  "neat",
  "scotsman",
  "buying-influences",
  "spin",
];
const all = createQualifier({ frameworks: ALL });
const q = createQualifier({ frameworks: ["bant", "meddpicc"] });
type Loose = Record<string, unknown>;
const report = (deal: Loose, qualifier = q): Report => qualifier.evaluate(deal as unknown, { asOf });
const status = (r: Report, framework: string, criterion: string) =>
  r.frameworks.find((f) => f.id === framework)?.criteria.find((c) => c.id === criterion);
const finding = (r: Report, id: string) => r.findings.find((f) => f.id === id);

const person = (id: string, extra: Loose = {}): Loose => ({
  id,
  name: id.charAt(0).toUpperCase() + id.slice(1),
  engaged: true,
  lastContact: "2026-11-20",
  ...extra,
});
const base = (extra: Loose = {}): Loose => ({
  id: "d",
  name: "D",
  stage: "evaluation",
  amount: { value: 100000, currency: "EUR" },
  ...extra,
});

describe("what someone departed, moved or silent 90+ days agreed is not current", () => {
  const metric = { description: "Churn", baseline: 10, target: 5, agreedBy: "eb" };
  it.each([
    ["live", {}, "met"],
    ["moved", { moved: true, movedOn: "2026-10-01" }, "partial"],
    ["departed", { departed: true }, "partial"],
    ["silent 120 days", { lastContact: "2026-07-30" }, "partial"],
  ])("a metric agreed by an economic buyer who is %s: MEDDPICC Metrics %s", (_, extra, expected) => {
    const r = report(
      base({
        stakeholders: [
          person("eb", { roles: ["economic-buyer"], ...extra }),
          person("champ", { roles: ["champion"] }),
        ],
        metrics: [metric],
      }),
    );
    const metrics = status(r, "meddpicc", "metrics");
    expect(metrics?.status).toBe(expected);
    if (expected === "partial") expect(metrics?.explanation).toMatch(/Re-confirm with Champ\./);
  });

  it("a budget whose owner moved out of the decision is partial, naming them", () => {
    const r = report(
      base({
        stakeholders: [person("eb", { roles: ["economic-buyer"], moved: true })],
        budget: { status: "approved", ownerId: "eb" },
      }),
    );
    expect(status(r, "bant", "budget")?.status).toBe("partial");
    expect(status(r, "bant", "budget")?.explanation).toMatch(/Eb/);
  });
});

describe("a champion's access to power counts only through a decider met within 90 days who is still there", () => {
  const champion = person("champ", { roles: ["champion"], sentiment: "positive", influence: "high" });
  it.each([
    ["met 10 days ago, still there", "2026-11-17", {}, "met"],
    ["met 120 days ago", "2026-07-30", { lastContact: "2026-11-20" }, "partial"],
    ["met 10 days ago, since departed", "2026-11-17", { departed: true }, "partial"],
    ["met 10 days ago, since moved", "2026-11-17", { moved: true }, "partial"],
  ])("a meeting with the economic buyer %s: Champion %s", (_, date, extra, expected) => {
    const r = report(
      base({
        stakeholders: [champion, person("eb", { roles: ["economic-buyer"], ...extra })],
        interactions: [{ date, kind: "meeting", stakeholderIds: ["champ", "eb"] }],
      }),
    );
    expect(status(r, "meddpicc", "champion")?.status).toBe(expected);
  });
});

describe("a known fact against us is not a met criterion", () => {
  it.each([
    ["a live rival ahead", [{ name: "BigCo", kind: "brand-leader", position: "ahead" }], "partial", /BigCo/],
    [
      "a rival ahead who was eliminated",
      [
        { name: "BigCo", kind: "brand-leader", position: "ahead", eliminated: true },
        { name: "Initech", kind: "challenger", position: "behind" },
      ],
      "met",
      /Initech/,
    ],
    [
      "doing nothing ahead",
      [{ name: "Do nothing", kind: "status-quo", position: "ahead" }],
      "partial",
      /Do nothing/,
    ],
  ])("MEDDPICC Competition with %s is %s", (_, competition, expected, named) => {
    const c = status(report(base({ competition })), "meddpicc", "competition");
    expect(c?.status).toBe(expected);
    expect(c?.explanation).toMatch(named);
  });

  const criteria = (fit: string) => [
    { description: "SSO", kind: "technical", fit },
    { description: "Payback in a year", kind: "business", fit: "strong" },
  ];
  it.each([
    ["strong", undefined, "met", []],
    ["weak", undefined, "partial", ["criteria-favour-competitor"]],
    ["strong", "auction", "partial", ["price-only-decision"]],
  ])("criteria we fit %s, method %s: Decision Criteria %s", (fit, method, expected, findings) => {
    const r = report(base({ decision: { criteria: criteria(fit), ...(method ? { method } : {}) } }));
    expect(status(r, "meddpicc", "decision-criteria")?.status).toBe(expected);
    for (const id of ["criteria-favour-competitor", "price-only-decision"])
      expect(finding(r, id) !== undefined, id).toBe(findings.includes(id));
  });

  it.each([
    [
      "on the buyer's side, limit above the amount",
      { approvalLimit: { value: 500000, currency: "EUR" } },
      "met",
    ],
    ["a partner's rep", { organisation: "partner" }, "partial"],
    ["an outside advisor", { organisation: "advisor" }, "partial"],
    ["approval limit below the amount", { approvalLimit: { value: 50000, currency: "EUR" } }, "partial"],
    ["moved out of the decision", { moved: true }, "partial"],
    ["departed", { departed: true }, "partial"],
    ["limit in another currency (not compared)", { approvalLimit: { value: 50000, currency: "USD" } }, "met"],
  ])(
    "an engaged 'economic buyer' who is %s: BANT Authority and MEDDPICC Economic Buyer %s",
    (_, extra, expected) => {
      const r = report(base({ stakeholders: [person("eb", { roles: ["economic-buyer"], ...extra })] }));
      expect(status(r, "bant", "authority")?.status).toBe(expected);
      expect(status(r, "meddpicc", "economic-buyer")?.status).toBe(expected);
    },
  );

  it("a partner's rep is never the champion, and not a thread into the buyer", () => {
    const r = report(
      base({
        stakeholders: [
          person("kai", {
            roles: ["champion"],
            organisation: "partner",
            sentiment: "positive",
            influence: "high",
          }),
          person("lotte", { roles: ["procurement"] }),
        ],
      }),
    );
    expect(status(r, "meddpicc", "champion")?.status).toBe("unknown");
    expect(finding(r, "single-threaded")?.message).toMatch(/Lotte is the only person/);
  });
});

describe("questions: what the record answers is not asked, and topics are spread", () => {
  it("an allocated budget with a known owner gets 'Does the budget cover {amount}?', not who owns it or whether there is one", () => {
    const r = report(
      base({
        stage: "proposal",
        stakeholders: [person("eb", { roles: ["economic-buyer"] }), person("champ", { roles: ["champion"] })],
        budget: { status: "allocated", ownerId: "eb" },
      }),
    );
    const ids = r.questions.map((x) => x.id);
    expect(ids).toContain("budget-covers");
    expect(r.questions.find((x) => x.id === "budget-covers")?.text).toBe(
      "Does the budget cover 100,000 EUR?",
    );
    for (const asked of ["how-funded", "budget-owner", "budget-range"]) expect(ids).not.toContain(asked);
  });

  it("every built-in question declares what answers it (answeredBy or answeredWhen)", () => {
    for (const def of all.catalogue.values())
      for (const c of def.criteria)
        for (const question of c.questions)
          expect(
            question.answeredBy !== undefined || question.answeredWhen !== undefined,
            `${def.id}/${c.id}/${question.id}`,
          ).toBe(true);
  });

  it("in the first five questions at most two share a topic, where other open topics exist (any deal)", () => {
    fc.assert(
      fc.property(dealArb, (deal) => {
        const questions = all.evaluate(deal, { asOf }).questions;
        const topics = new Set(questions.map((x) => x.topic));
        const head = questions.slice(0, 5);
        for (const topic of topics) {
          const n = head.filter((x) => x.topic === topic).length;
          const others = head.some((x) => x.topic !== topic) || topics.size === 1;
          if (n > 2) expect(others && topics.size > 1 ? "crowded" : "ok", topic).toBe("ok");
        }
      }),
      { numRuns: 60 },
    );
  });

  it("an engaged contact who claims authority above their approval limit: the authority question leads", () => {
    const r = report(
      base({
        stage: "proposal",
        stakeholders: [
          person("vp", { roles: ["decision-maker"], approvalLimit: { value: 40000, currency: "EUR" } }),
          person("champ", { roles: ["champion"], sentiment: "positive" }),
        ],
      }),
    );
    expect(r.questions[0]?.id).toBe("who-signs-above-limit");
    expect(r.questions[0]?.text).toBe("Vp can approve up to 40,000 EUR alone: who signs off on 100,000 EUR?");
    expect(r.questions[0]?.askId).toBe("champ");
  });
});

describe("false alarms", () => {
  it("enthusiasm-gap never fires because the engaged decider is enthusiastic", () => {
    const r = report(
      base({
        stakeholders: [person("cfo", { roles: ["economic-buyer"], sentiment: "positive", technical: false })],
      }),
    );
    expect(finding(r, "enthusiasm-gap")).toBeUndefined();
  });

  it.each([
    [
      "an engaged technical executive who decides",
      { seniority: "executive", roles: ["decision-maker"] },
      false,
    ],
    ["an engaged technical manager who decides", { seniority: "manager", roles: ["decision-maker"] }, true],
    ["an engaged technical executive who does not decide", { seniority: "executive" }, true],
  ])("technical-only with %s: fires %s", (_, extra, fires) => {
    const r = report(
      base({
        stakeholders: [person("cio", { technical: true, ...extra }), person("arch", { technical: true })],
      }),
    );
    expect(finding(r, "technical-only") !== undefined).toBe(fires);
  });
});

describe("the eight 1.2 findings, with their severity by stage", () => {
  const vetoer = person("it", { canVeto: true, engaged: false, lastContact: undefined });
  it.each<[string, Loose, string, string | undefined]>([
    [
      "decision-date-slipping",
      { timeline: { decisionBy: "2027-01-31", decisionByHistory: ["2026-09-30", "2026-10-31"] } },
      "evaluation",
      "warning",
    ],
    [
      "decision-date-slipping",
      { timeline: { decisionBy: "2027-01-31", decisionByHistory: ["2026-09-30", "2026-10-31"] } },
      "proposal",
      "critical",
    ],
    [
      "decision-date-slipping",
      { timeline: { decisionBy: "2027-01-31", decisionByHistory: ["2026-10-31"] } },
      "proposal",
      undefined,
    ],
    ["budget-frozen", { budget: { status: "frozen" } }, "discovery", "warning"],
    ["budget-frozen", { budget: { status: "frozen" } }, "evaluation", "critical"],
    [
      "ownership-changed",
      { account: { name: "A", acquiredOn: "2026-10-01", parent: "G" } },
      "discovery",
      "warning",
    ],
    ["ownership-changed", { account: { name: "A", acquiredOn: "2026-10-01" } }, "negotiation", "critical"],
    ["ownership-changed", { account: { name: "A", acquiredOn: "2025-01-01" } }, "negotiation", undefined],
    ["usage-declining", { type: "expansion", account: { usageTrend: "declining" } }, "evaluation", "warning"],
    ["usage-declining", { type: "renewal", account: { usageTrend: "declining" } }, "evaluation", "critical"],
    [
      "usage-declining",
      { type: "new-business", account: { usageTrend: "declining" } },
      "evaluation",
      undefined,
    ],
    ["pilot-without-success-criteria", { pilot: { status: "planned" } }, "evaluation", "warning"],
    [
      "pilot-without-success-criteria",
      { pilot: { status: "running", successCriteria: ["x"] } },
      "evaluation",
      "critical",
    ],
    [
      "pilot-without-success-criteria",
      { pilot: { status: "running", successCriteria: ["x"], sponsorId: "s" }, stakeholders: [person("s")] },
      "evaluation",
      undefined,
    ],
    ["price-only-decision", { decision: { method: "auction" } }, "evaluation", "warning"],
    [
      "price-only-decision",
      { decision: { criteria: [{ description: "Price", kind: "commercial" }] } },
      "proposal",
      "critical",
    ],
    [
      "criteria-favour-competitor",
      { decision: { criteria: [{ description: "SSO", fit: "weak" }] } },
      "evaluation",
      "warning",
    ],
    [
      "criteria-favour-competitor",
      {
        decision: { criteria: [{ description: "SSO", fit: "weak" }] },
        competition: [{ name: "B", position: "ahead" }],
      },
      "evaluation",
      "critical",
    ],
    ["veto-holder-against", { stakeholders: [vetoer] }, "proposal", "warning"],
    [
      "veto-holder-against",
      { stakeholders: [person("it", { canVeto: true, sentiment: "negative" })] },
      "negotiation",
      "critical",
    ],
    ["veto-holder-against", { stakeholders: [vetoer] }, "discovery", undefined],
    [
      "veto-holder-against",
      { stakeholders: [vetoer], timeline: { decisionBy: "2026-12-20" } },
      "discovery",
      "warning",
    ],
  ])("%s: %j at %s is %s", (id, extra, stage, severity) => {
    expect(finding(report(base({ ...extra, stage })), id)?.severity).toBe(severity);
  });

  it("on a closed deal each is a lesson", () => {
    const r = report(base({ stage: "closed-lost", budget: { status: "frozen" } }));
    expect(finding(r, "budget-frozen")).toMatchObject({
      severity: "info",
      message: "A spending freeze held the budget.",
    });
  });
});

/** Every 1.2 field of a deal, as a path, with the deal without it. */
function without12(deal: Loose): Array<[string, Loose]> {
  const out: Array<[string, Loose]> = [];
  const drop = (label: string, edit: (d: Loose) => void) => {
    const copy = structuredClone(deal);
    edit(copy);
    out.push([label, copy]);
  };
  ((deal.stakeholders ?? []) as Loose[]).forEach((p, i) => {
    // Someone recorded in a deciding role and against the deal, who turns out to be a partner's rep, an
    // advisor or unable to approve the amount, is not the decider against us: that fact re-attributes bad
    // news (their hostility stays a blocker finding) and may rightly raise a criterion, so organisation and
    // approvalLimit are checked on everyone else.
    const keys = ["moved", "movedOn", "canVeto"];
    if (p.sentiment !== "negative") keys.push("organisation", "approvalLimit");
    for (const key of keys)
      if (key in p)
        drop(`stakeholders[${i}].${key}`, (d) => delete ((d.stakeholders as Loose[])[i] as Loose)[key]);
  });
  const t = deal.timeline as Loose | undefined;
  if (t?.decisionByHistory)
    drop("timeline.decisionByHistory", (d) => delete (d.timeline as Loose).decisionByHistory);
  if (t?.compellingEventKind === "funding")
    drop("timeline.compellingEventKind", (d) => delete (d.timeline as Loose).compellingEventKind);
  if ((deal.budget as Loose | undefined)?.status === "frozen")
    drop("budget.status", (d) => delete (d.budget as Loose).status);
  for (const key of ["acquiredOn", "parent", "usageTrend"])
    if ((deal.account as Loose | undefined)?.[key] !== undefined)
      drop(`account.${key}`, (d) => delete (d.account as Loose)[key]);
  if (deal.pilot) drop("pilot", (d) => delete d.pilot);
  const decision = deal.decision as Loose | undefined;
  if (decision?.method) drop("decision.method", (d) => delete (d.decision as Loose).method);
  ((decision?.criteria ?? []) as Loose[]).forEach((c, i) => {
    if (c.fit)
      drop(`decision.criteria[${i}].fit`, (d) => delete ((d.decision as Loose).criteria as Loose[])[i]?.fit);
  });
  return out;
}

describe("properties of the 1.2 fields", () => {
  const scores = (deal: Loose) =>
    all.evaluate(deal as unknown, { asOf }).frameworks.map((f) => [f.id, f.score] as const);

  it("knowing a 1.2 fact never raises a score: removing any 1.2 field never lowers one (unknown is never better than known-bad)", () => {
    fc.assert(
      fc.property(deal12Arb, (deal) => {
        const withIt = scores(deal);
        for (const [path, lean] of without12(deal)) {
          const withoutIt = new Map(scores(lean));
          for (const [id, score] of withIt)
            expect(score, `${path}: ${id}`).toBeLessThanOrEqual(withoutIt.get(id) as number);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("an eliminated alternative counts exactly as if it were not listed", () => {
    fc.assert(
      fc.property(deal12Arb, (deal) => {
        const rivals = (deal.competition ?? []) as Loose[];
        if (!rivals.some((c) => c.eliminated)) return;
        const lean = { ...deal, competition: rivals.filter((c) => !c.eliminated) };
        expect(scores(deal)).toEqual(scores(lean));
      }),
      { numRuns: 40 },
    );
  });
});
