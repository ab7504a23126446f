import { describe, expect, it } from "vitest";
import { createQualifier, safeParseFramework } from "../src/index.js";

const asOf = "2026-11-27";
const criterion = (id: string, met: boolean) => ({
  id,
  name: id.toUpperCase(),
  description: "D",
  weight: 1,
  status: [{ when: met, status: "met", reason: "R" }],
  unknown: "U",
  questions: [],
});
const base = {
  id: "gated",
  name: "Gated",
  criteria: [criterion("a", true), criterion("b", false), criterion("c", false)],
  gates: { proposal: ["a", "b"], negotiation: ["c"] },
};
const report = (stage: string, frameworks: unknown[] = [base]) =>
  createQualifier({ frameworks: frameworks as never }).evaluate({ id: "d", name: "D", stage } as unknown, {
    asOf,
  });

describe("stage gates", () => {
  it.each([
    ["discovery", []],
    ["proposal", [{ framework: "gated", stage: "proposal", passed: false, missing: ["b"] }]],
    ["negotiation", [{ framework: "gated", stage: "negotiation", passed: false, missing: ["b", "c"] }]],
    ["closed-won", []],
  ])("at %s", (stage, gates) => {
    expect(report(stage).gates).toEqual(gates);
  });

  it("a gate passed is reported passed, with no finding", () => {
    const all = { ...base, gates: { proposal: ["a"] } };
    const r = report("proposal", [all]);
    expect(r.gates).toEqual([{ framework: "gated", stage: "proposal", passed: true, missing: [] }]);
    expect(r.findings.map((f) => f.id)).not.toContain("stage-ahead-of-qualification");
  });

  it("stage-ahead-of-qualification: a warning at proposal, critical in negotiation, naming stage and criteria", () => {
    const at = (stage: string) => report(stage).findings.find((f) => f.id === "stage-ahead-of-qualification");
    expect(at("proposal")?.severity).toBe("warning");
    expect(at("negotiation")?.severity).toBe("critical");
    expect(at("negotiation")?.message).toContain(
      "The deal is at negotiation, but what this stage requires is not met (Gated: B and C)",
    );
  });

  it("inherited through extends, and overridden per stage", () => {
    const child = {
      id: "gated-child",
      name: "Child",
      extends: "gated",
      criteria: [],
      gates: { negotiation: ["a"] },
    };
    const r = report("negotiation", [base, child]);
    expect(r.gates.find((g) => g.framework === "gated-child")).toEqual({
      framework: "gated-child",
      stage: "negotiation",
      passed: false,
      missing: ["b"],
    });
  });

  it("validated at load: an unknown stage or criterion is an error with a suggestion", () => {
    const bad = safeParseFramework({ ...base, gates: { proposl: ["a"], negotiation: ["cc"] } });
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(bad.issues.map((i) => i.path)).toContain("gates.proposl");
    const typo = safeParseFramework({ ...base, gates: { negotiation: ["bb"] } });
    expect(typo.success).toBe(false);
    if (!typo.success)
      expect(typo.issues[0]).toMatchObject({ path: "gates.negotiation[0]", suggestion: "b" });
  });

  it("ships for MEDDPICC, MEDDIC and BANT; MEDDIC's gate folds the paper process into the decision process", () => {
    const { catalogue } = createQualifier({ frameworks: [] });
    expect(catalogue.get("meddpicc")?.gates?.negotiation).toEqual(["decision-process", "paper-process"]);
    expect(catalogue.get("meddic")?.gates?.negotiation).toEqual(["decision-process"]);
    expect(catalogue.get("bant")?.gates?.proposal).toEqual(["need", "authority", "budget"]);
  });
});
