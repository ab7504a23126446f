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
    expect(messages["gone-quiet"]).toMatch(/^Ann and Ben have not been heard from/);
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
