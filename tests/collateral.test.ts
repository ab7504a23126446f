import { describe, expect, it } from "vitest";
import { createQualifier } from "../src/index.js";

const qualifier = createQualifier();
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `${id.toUpperCase()} Person`,
  engaged: true,
  ...extra,
});
const collateral = (extra: Record<string, unknown>) =>
  qualifier.evaluate({ id: "d", name: "D", ...extra }, { asOf: "2026-11-27" }).collateral;
const ids = (extra: Record<string, unknown>) => collateral(extra).map((c) => c.id);

type Row = [id: string, fires: Record<string, unknown>, silent: Record<string, unknown>];
const table: Row[] = [
  [
    "non-technical-case-study",
    { stakeholders: [person("dev", { technical: true })] },
    { stakeholders: [person("dev", { technical: true }), person("ops", { technical: false })] },
  ],
  [
    "decision-maker-brief",
    { stakeholders: [person("a")] },
    { stakeholders: [person("a"), person("cfo", { roles: ["economic-buyer"] })] },
  ],
  [
    "sector-references",
    { competition: [{ name: "BigCo", kind: "brand-leader" }] },
    { competition: [{ name: "Small", kind: "challenger" }] },
  ],
  [
    "business-critical-proof",
    {
      needs: [{ description: "Keep the platform up: every outage stops the warehouse", impact: "critical" }],
    },
    { needs: [{ description: "A critical migration deadline", impact: "low" }] },
  ],
  [
    // A critical need that is not about running systems (a deadline, a cost) gets no uptime proof.
    "business-critical-proof",
    { needs: [{ description: "Our payroll system must be reliable every day", impact: "critical" }] },
    { needs: [{ description: "Cut licence costs before the audit", impact: "critical" }] },
  ],
];

describe("collateral: a deal where each is recommended, and one where it must not be", () => {
  it.each(table)("%s", (id, fires, silent) => {
    expect(ids(fires)).toContain(id);
    expect(ids(silent)).not.toContain(id);
  });

  it("the brief goes through the champion, never through someone against the deal", () => {
    const brief = (stakeholders: unknown[]) =>
      collateral({ stakeholders }).find((c) => c.id === "decision-maker-brief")?.why ?? "";
    expect(brief([person("champ", { roles: ["champion"] }), person("x")])).toContain(
      "Give CHAMP Person something",
    );
    expect(brief([person("fan"), person("foe", { sentiment: "negative" })])).toContain(
      "Give FAN Person something",
    );
    expect(brief([person("foe", { sentiment: "negative" })])).toBe("");
  });

  it("sector references name the sector when it is known", () => {
    const [refs] = collateral({
      account: { industry: "Retail" },
      competition: [{ name: "BigCo", kind: "brand-leader" }],
    });
    expect(refs?.why).toBe(
      "BigCo is the familiar name. Peers in Retail who rely on you make you the safe choice too.",
    );
  });
});
