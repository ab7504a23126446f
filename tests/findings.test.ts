import { describe, expect, it } from "vitest";
import { createQualifier } from "../src/index.js";

const qualifier = createQualifier();
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id.toUpperCase(),
  ...extra,
});
const deal = (extra: Record<string, unknown>) => ({ id: "d", name: "D", ...extra });
const findings = (d: unknown, asOf = "2026-11-27") => qualifier.evaluate(d, { asOf }).findings;
const ids = (d: unknown) => findings(d).map((f) => f.id);

const eb = (extra = {}) =>
  person("eb", { roles: ["economic-buyer"], engaged: true, technical: false, ...extra });
const biz = (id: string, extra = {}) => person(id, { engaged: true, technical: false, ...extra });

type Row = [id: string, fires: unknown, silent: unknown];
const table: Row[] = [
  [
    "single-threaded",
    deal({ stakeholders: [biz("a"), person("b")] }),
    deal({ stakeholders: [biz("a"), biz("b")] }),
  ],
  [
    "no-decision-maker",
    deal({ stakeholders: [biz("a")] }),
    deal({ stakeholders: [person("dm", { roles: ["decision-maker"] })] }),
  ],
  [
    "technical-only",
    deal({ stakeholders: [biz("a", { technical: true }), biz("b", { technical: true })] }),
    deal({ stakeholders: [biz("a", { technical: true }), biz("b")] }),
  ],
  [
    "enthusiasm-gap",
    deal({ stakeholders: [biz("a", { sentiment: "positive" })] }),
    deal({ stakeholders: [biz("a", { sentiment: "neutral" })] }),
  ],
  [
    "economic-buyer-not-engaged",
    deal({ stakeholders: [eb({ engaged: false }), biz("a")] }),
    deal({ stakeholders: [eb(), biz("a")] }),
  ],
  [
    "champion-without-power",
    deal({ stakeholders: [eb(), biz("c", { roles: ["champion"], influence: "low" })] }),
    deal({ stakeholders: [eb(), biz("c", { roles: ["champion"], influence: "low", reportsTo: "eb" })] }),
  ],
  [
    "blocker",
    deal({ stakeholders: [eb(), biz("x", { sentiment: "negative", influence: "medium" })] }),
    deal({ stakeholders: [eb(), biz("x", { sentiment: "negative", influence: "low" })] }),
  ],
  [
    "decision-date-passed",
    deal({ stage: "proposal", timeline: { decisionBy: "2026-11-01" } }),
    deal({ stage: "closed-lost", timeline: { decisionBy: "2026-11-01" } }),
  ],
  [
    "gone-quiet",
    deal({ stage: "proposal", stakeholders: [eb({ lastContact: "2026-10-20" }), biz("a")] }),
    deal({
      stage: "proposal",
      stakeholders: [eb({ lastContact: "2026-11-20" }), biz("a", { lastContact: "2026-01-01" })],
    }),
  ],
  [
    "brand-competitor",
    deal({ competition: [{ name: "BigCo", kind: "brand-leader" }] }),
    deal({ competition: [{ name: "SmallCo", kind: "challenger" }] }),
  ],
  [
    "contact-lost",
    deal({ stakeholders: [eb({ lastContact: "2026-04-01" }), biz("a")] }),
    deal({ stakeholders: [eb({ lastContact: "2026-09-01" }), biz("a")] }),
  ],
  [
    "budget-short",
    deal({
      amount: { value: 240000, currency: "EUR" },
      budget: { status: "allocated", amount: { value: 90000, currency: "EUR" } },
    }),
    deal({
      amount: { value: 240000, currency: "EUR" },
      budget: { status: "allocated", amount: { value: 90000, currency: "USD" } },
    }),
  ],
  [
    "paper-process-at-risk",
    deal({
      stage: "negotiation",
      timeline: { decisionBy: "2026-12-10" },
      decision: { paperProcess: "partial" },
      stakeholders: [eb(), biz("a")],
    }),
    deal({
      stage: "negotiation",
      timeline: { decisionBy: "2026-12-10" },
      decision: { paperProcess: "mapped" },
      stakeholders: [eb(), biz("a")],
    }),
  ],
  [
    "no-decision-risk",
    deal({
      stage: "evaluation",
      needs: [{ description: "Faster month-end close", impact: "high" }],
      competition: [{ name: "Keep the spreadsheets", kind: "status-quo", position: "level" }],
    }),
    deal({
      stage: "evaluation",
      needs: [{ description: "Faster month-end close", impact: "high", quantified: true }],
      competition: [{ name: "Keep the spreadsheets", kind: "status-quo", position: "level" }],
    }),
  ],
];

describe("findings: a deal where each fires, and one where it must not", () => {
  it.each(table)("%s", (id, fires, silent) => {
    expect(ids(fires)).toContain(id);
    expect(ids(silent)).not.toContain(id);
  });

  it("covers the whole catalogue of DESIGN.md, and the findings added since", () => {
    expect(table.map(([id]) => id).sort()).toEqual(
      [
        "gone-quiet",
        "contact-lost",
        "budget-short",
        "paper-process-at-risk",
        "no-decision-risk",
        "blocker",
        "brand-competitor",
        "champion-without-power",
        "decision-date-passed",
        "economic-buyer-not-engaged",
        "enthusiasm-gap",
        "no-decision-maker",
        "single-threaded",
        "technical-only",
      ].sort(),
    );
  });

  it("absent is not no: unknown technicality or sentiment fires nothing", () => {
    const found = ids(
      deal({ stakeholders: [person("a", { engaged: true }), person("b", { engaged: true })] }),
    );
    expect(found).not.toContain("technical-only");
    expect(found).not.toContain("enthusiasm-gap");
  });

  it("names the people and lists their ids", () => {
    const [f] = findings(
      deal({ stakeholders: [eb({ engaged: false, name: "Helen Carter" }), biz("a"), biz("b")] }),
    );
    expect(f).toMatchObject({ id: "economic-buyer-not-engaged", stakeholderIds: ["eb"] });
    expect(f?.message).toContain("Helen Carter");
  });

  it("messages agree in number with the people they name", () => {
    const two = deal({
      stage: "proposal",
      stakeholders: [
        eb({ name: "Ann", lastContact: "2026-10-01" }),
        eb({ id: "eb2", name: "Ben", lastContact: "2026-10-02" }),
      ],
    });
    const messages = Object.fromEntries(findings(two).map((f) => [f.id, f.message]));
    expect(messages["gone-quiet"]).toMatch(/^Ann \(\d+ days\) and Ben \(\d+ days\) have not been heard from/);
    const unmet = deal({
      stakeholders: [eb({ name: "Ann", engaged: false }), eb({ id: "eb2", name: "Ben", engaged: false })],
    });
    expect(findings(unmet).find((f) => f.id === "economic-buyer-not-engaged")?.message).toBe(
      "Ann and Ben are economic buyers, and nobody has spoken with any of them yet.",
    );
  });

  it("decision-date-passed counts days from asOf, never from the clock", () => {
    const d = deal({ stage: "proposal", timeline: { decisionBy: "2026-11-01" } });
    expect(ids(d)).toContain("decision-date-passed");
    expect(findings(d, "2026-10-01").map((f) => f.id)).not.toContain("decision-date-passed");
    expect(findings(d).find((f) => f.id === "decision-date-passed")?.message).toContain("26 days ago");
  });

  it("without the core rules there are no built-in findings or collateral at all", () => {
    const bare = createQualifier({ coreRules: false }).evaluate(
      deal({ stakeholders: [biz("a", { sentiment: "positive", technical: true })] }),
      {
        asOf: "2026-11-27",
      },
    );
    expect(bare.findings).toEqual([]);
    expect(bare.collateral).toEqual([]);
  });

  it("findings can be switched off", () => {
    const quiet = createQualifier({ disable: ["single-threaded", "enthusiasm-gap"] });
    const found = quiet.evaluate(deal({ stakeholders: [biz("a", { sentiment: "positive" })] }), {
      asOf: "2026-11-27",
    });
    expect(found.findings.map((f) => f.id)).toEqual(["no-decision-maker"]);
  });
});

describe("judgement: severity, people over time, money, the account and closed deals", () => {
  const severity = (d: unknown, id: string) => findings(d).find((f) => f.id === id)?.severity;

  it.each([
    ["a lost champion, economic buyer or decision maker is critical", eb({ departed: true }), "critical"],
    [
      "a lost influencer is a warning",
      person("i", { roles: ["influencer"], engaged: true, departed: true }),
      "warning",
    ],
  ])("contact-lost: %s", (_, who, level) => {
    expect(severity(deal({ stakeholders: [who, biz("a"), biz("b")] }), "contact-lost")).toBe(level);
  });

  it("contact-lost and gone-quiet name the people and the days; 30-89 days is gone-quiet, 90+ is contact-lost", () => {
    const all = findings(deal({ stakeholders: [eb({ lastContact: "2026-05-01" }), biz("a"), biz("b")] }));
    expect(all.find((f) => f.id === "contact-lost")?.message).toMatch(
      /EB \(has not been heard from for 210 days\)/,
    );
    expect(all.map((f) => f.id)).not.toContain("gone-quiet");
    const quiet = findings(deal({ stakeholders: [eb({ lastContact: "2026-10-01" }), biz("a"), biz("b")] }));
    expect(quiet.find((f) => f.id === "gone-quiet")?.message).toMatch(/EB \(57 days\)/);
    expect(quiet.map((f) => f.id)).not.toContain("contact-lost");
  });

  it("the latest interaction counts as contact, not only lastContact", () => {
    const d = deal({
      stakeholders: [eb({ lastContact: "2026-01-01" }), biz("a"), biz("b")],
      interactions: [{ date: "2026-11-20", kind: "meeting", stakeholderIds: ["eb"] }],
    });
    expect(ids(d)).not.toContain("contact-lost");
  });

  it("budget-short: critical under half, a warning under the full amount, both figures in the message", () => {
    const short = (value: number) =>
      deal({
        amount: { value: 240000, currency: "EUR" },
        budget: { status: "allocated", amount: { value, currency: "EUR" } },
      });
    expect(severity(short(90000), "budget-short")).toBe("critical");
    expect(severity(short(200000), "budget-short")).toBe("warning");
    expect(findings(short(90000)).find((f) => f.id === "budget-short")?.message).toContain(
      "The budget (90,000 EUR) covers 37% of the deal (240,000 EUR)",
    );
    expect(ids(short(240000))).not.toContain("budget-short");
  });

  it.each([
    ["an owner-run firm of 7 whose one contact decides", { employees: 7 }, [eb()], false],
    ["a firm of 7 whose one contact does not decide", { employees: 7 }, [biz("a")], true],
    ["an account of 5,000 at proposal with two engaged", { employees: 5000 }, [eb(), biz("a")], true],
    [
      "an account of 5,000 at proposal with three engaged",
      { employees: 5000 },
      [eb(), biz("a"), biz("b")],
      false,
    ],
  ])("single-threaded, judged against the account: %s", (_, account, stakeholders, fires) => {
    const found = ids(deal({ stage: "proposal", account, stakeholders }));
    expect(found.includes("single-threaded")).toBe(fires);
  });

  it("economic-buyer-not-engaged is critical at proposal and later, a warning before", () => {
    const d = (stage: string) => deal({ stage, stakeholders: [eb({ engaged: false }), biz("a"), biz("b")] });
    expect(severity(d("discovery"), "economic-buyer-not-engaged")).toBe("warning");
    expect(severity(d("proposal"), "economic-buyer-not-engaged")).toBe("critical");
  });

  it("closed deals: findings are lessons (info), no collateral, only review questions", () => {
    const lost = qualifier.evaluate(
      deal({
        stage: "closed-lost",
        stakeholders: [biz("a", { roles: ["champion"], sentiment: "positive", technical: true })],
        competition: [{ name: "BigCo", kind: "brand-leader", position: "ahead" }],
      }),
      { asOf: "2026-11-27" },
    );
    expect(lost.findings.length).toBeGreaterThan(0);
    expect(lost.findings.every((f) => f.severity === "info")).toBe(true);
    expect(lost.collateral).toEqual([]);
    expect(lost.questions.map((q) => q.topic)).toEqual(["review", "review", "review"]);
    expect(lost.questions.map((q) => q.text)).toContain("When is the contract with BigCo up for renewal?");
    expect(lost.questions[0]?.askName).toBe("A");
  });

  it("a renewal whose people are gone asks who owns it now, of the live contact", () => {
    const report = qualifier.evaluate(
      deal({
        stage: "proposal",
        type: "renewal",
        stakeholders: [person("m", { roles: ["champion"], engaged: true, departed: true }), biz("o")],
      }),
      { asOf: "2026-11-27" },
    );
    const q = report.questions.find((x) => x.id === "renewal-owner");
    expect(q?.askId).toBe("o");
    expect(report.findings.find((f) => f.id === "contact-lost")?.severity).toBe("critical");
    expect(report.questions.every((x) => x.askId !== "m")).toBe(true);
  });

  it("enthusiasm-gap says what is missing: with high scores, the decider, not 'weak qualification'", () => {
    const strong = deal({
      stage: "proposal",
      stakeholders: [
        person("dm", { roles: ["decision-maker"], engaged: false, technical: false }),
        biz("a", { sentiment: "positive" }),
        biz("b"),
      ],
      budget: { status: "approved" },
      needs: [{ description: "Close faster", impact: "high", quantified: true }],
      timeline: { decisionBy: "2027-01-15", compellingEvent: "Audit", compellingEventKind: "business" },
    });
    const message = findings(strong).find((f) => f.id === "enthusiasm-gap")?.message ?? "";
    expect(message).toContain("nobody who decides has been engaged");
  });
});
