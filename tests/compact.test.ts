import { describe, expect, it } from "vitest";
import { createQualifier, Report } from "../src/index.js";
import { cli, readJson } from "./support/helpers.js";

const asOf = "2026-11-27";
const deal = readJson("examples/deals/acme-negotiation.json");

describe("compact reports, for batches", () => {
  const full = createQualifier().evaluate(deal, { asOf });
  const compact = createQualifier({ compact: { questions: 2 } }).evaluate(deal, { asOf });

  it("keep scores, statuses, explanations and findings; drop evidence and why; cap the questions", () => {
    expect(Report.safeParse(compact).success).toBe(true);
    expect(
      compact.frameworks.map((f) => [f.score, f.criteria.map((c) => [c.status, c.explanation])]),
    ).toEqual(full.frameworks.map((f) => [f.score, f.criteria.map((c) => [c.status, c.explanation])]));
    expect(compact.findings).toEqual(full.findings);
    expect(compact.frameworks.every((f) => f.criteria.every((c) => c.evidence.length === 0))).toBe(true);
    expect(compact.questions).toHaveLength(Math.min(2, full.questions.length));
    expect(compact.questions.every((q) => q.why === undefined)).toBe(true);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(full).length * 0.6);
  });

  it("from the CLI: --compact, --questions n", () => {
    const run = cli([
      "score",
      "examples/deals/acme-negotiation.json",
      "--as-of",
      asOf,
      "--format",
      "json",
      "--questions",
      "1",
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).questions).toHaveLength(1);
    expect(cli(["score", "examples/deals/acme-negotiation.json", "--questions", "x"]).code).toBe(2);
  });
});
