import { describe, expect, it } from "vitest";
import { createQualifier } from "../src/index.js";
import { readJson } from "./support/helpers.js";

// The acceptance test a seller would apply: the deal from seeds/000, as the seller knew it after the meeting.
const story = readJson("examples/deals/story-alice.json");
const report = createQualifier({ frameworks: ["bant", "meddpicc"] }).evaluate(story, { asOf: "2026-11-27" });
const status = (framework: string, criterion: string) =>
  report.frameworks.find((f) => f.id === framework)?.criteria.find((c) => c.id === criterion)?.status;

describe("the story's deal: it looked like it went well", () => {
  it.each([
    ["bant", "authority", "unknown"],
    ["meddpicc", "economic-buyer", "unknown"],
    ["bant", "budget", "unknown"],
    ["bant", "timeline", "unknown"],
    ["bant", "need", "met"],
  ])("%s/%s is %s", (framework, criterion, expected) => {
    expect(status(framework, criterion)).toBe(expected);
  });

  it("finds the four risks of the story", () => {
    expect(report.findings.map((f) => f.id).sort()).toEqual(
      ["enthusiasm-gap", "no-decision-maker", "single-threaded", "technical-only"].sort(),
    );
    expect(report.findings.find((f) => f.id === "single-threaded")?.message).toContain(
      "Alice Moreno is the only person you have spoken with",
    );
  });

  it("asks first what the story wishes had been asked, of Alice", () => {
    const top = report.questions.slice(0, 4);
    expect(top.map((q) => q.text)).toEqual(
      expect.arrayContaining([
        "Who's involved in making this decision?",
        "How do things like this get decided in your organisation?",
        "When are you looking to make a decision about this?",
      ]),
    );
    expect(report.questions[0]?.text).toBe("Who's involved in making this decision?");
    expect(report.questions[0]?.criteria).toEqual(["bant/authority", "meddpicc/economic-buyer"]);
    for (const q of top) expect(q.askId).toBe("alice");
  });

  it("recommends collateral for the non-technical boss", () => {
    const ids = report.collateral.map((c) => c.id);
    expect(ids).toContain("non-technical-case-study");
    expect(ids).toContain("decision-maker-brief");
  });

  it("does not flatter: scores are low, the range is wide, confidence is low", () => {
    const bant = report.frameworks.find((f) => f.id === "bant");
    expect(bant).toMatchObject({ score: 25, confidence: 0.25, range: { low: 25, high: 100 } });
  });
});
