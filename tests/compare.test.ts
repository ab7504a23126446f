import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare, createQualifier, formatComparisonText, history } from "../src/index.js";
import { dealArb } from "./support/arbitraries.js";
import { cli, readJson } from "./support/helpers.js";

const asOf = "2026-11-27";
const story = readJson("examples/deals/story-alice.json") as Record<string, unknown>;
const dated = (deal: unknown, date = asOf) => ({ asOf: date, deal });
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id.toUpperCase(),
  ...extra,
});

describe("compare: every kind of change", () => {
  it("no change at all", () => {
    const c = compare(dated(story), dated(story));
    expect(c.changed).toBe(false);
    expect(formatComparisonText(c)).toContain("Nothing changed.");
  });

  it("a criterion moves, with the explanation and the evidence that changed", () => {
    const after = { ...story, budget: { status: "approved" } };
    const c = compare(dated(story), dated(after));
    const budget = c.frameworks[0]?.criteria.find((x) => x.id === "budget");
    expect(budget).toMatchObject({ before: "unknown", after: "met", explanation: "Budget is approved." });
    expect(budget?.evidence?.after).toContainEqual({ path: "budget.status", value: "approved" });
    expect(c.frameworks[0]?.score).toEqual({ before: 25, after: 50 });
  });

  it("findings added and resolved; questions settled and new; the stage", () => {
    const after = {
      ...story,
      stage: "evaluation",
      stakeholders: [
        ...(story.stakeholders as object[]),
        person("ruth", { roles: ["economic-buyer"], engaged: true, technical: false }),
      ],
    };
    const c = compare(dated(story), dated(after));
    expect(c.stage).toEqual({ before: "discovery", after: "evaluation" });
    expect(c.findings.resolved.map((f) => f.id)).toContain("no-decision-maker");
    expect(c.questions.settled.map((q) => q.id)).toContain("who-decides");
    expect(c.stakeholders?.appeared).toEqual([{ id: "ruth", name: "RUTH" }]);
  });

  it("people who left, went quiet, came back", () => {
    const before = {
      id: "d",
      name: "D",
      stakeholders: [
        person("a", { engaged: true, lastContact: "2026-11-20" }),
        person("b", { engaged: true, departed: true }),
      ],
    };
    const after = {
      id: "d",
      name: "D",
      stakeholders: [
        person("a", { engaged: true, lastContact: "2026-11-20" }),
        person("b", { engaged: true }),
      ],
    };
    const c = compare(dated(before, "2026-11-21"), dated(after, "2027-01-15"));
    expect(c.stakeholders?.wentQuiet.map((p) => p.id)).toEqual(["a"]);
    expect(c.stakeholders?.returned.map((p) => p.id)).toEqual(["b"]);
    const back = compare(dated(after, "2027-01-15"), dated(before, "2026-11-21"));
    expect(back.stakeholders?.left.map((p) => p.id)).toEqual(["b"]);
    expect(back.stakeholders?.heardFrom.map((p) => p.id)).toEqual(["a"]);
  });

  it("stored reports compare too; different deals are a clean error", () => {
    const q = createQualifier();
    const a = q.evaluate(story as unknown, { asOf: "2026-11-13" });
    const b = q.evaluate({ ...story, budget: { status: "approved" } } as unknown, { asOf });
    expect(compare(a, b).frameworks[0]?.criteria.map((x) => x.id)).toEqual(["budget"]);
    expect(() => compare(a, { id: "other", name: "Other" })).toThrow(
      /different deals: "story-alice" and "other"/,
    );
  });
});

describe("compare: properties", () => {
  it("compare(x, x) reports nothing changed", () => {
    fc.assert(
      fc.property(dealArb, (deal) => {
        expect(compare(dated(deal), dated(deal)).changed).toBe(false);
      }),
      { numRuns: 100, seed: 20261128 },
    );
  });

  it("compare(a, b) and compare(b, a) are mirror images", () => {
    fc.assert(
      fc.property(dealArb, dealArb, (a, b) => {
        const x = compare(dated(a), dated(b));
        const y = compare(dated(b), dated(a));
        expect(y.changed).toBe(x.changed);
        expect(y.findings).toEqual({ added: x.findings.resolved, resolved: x.findings.added });
        expect(y.questions).toEqual({ settled: x.questions.new, new: x.questions.settled });
        expect(y.frameworks.map((f) => f.score)).toEqual(
          x.frameworks.map((f) => ({ before: f.score.after, after: f.score.before })),
        );
        expect(y.frameworks.map((f) => f.criteria.map((c) => [c.id, c.after, c.before]))).toEqual(
          x.frameworks.map((f) => f.criteria.map((c) => [c.id, c.before, c.after])),
        );
        // People are matched by id (a name may change between snapshots: each side names them as it knows them).
        const ids = (l?: ReadonlyArray<{ id: string }>) => l?.map((p) => p.id);
        expect(ids(y.stakeholders?.appeared)).toEqual(ids(x.stakeholders?.removed));
        expect(ids(y.stakeholders?.left)).toEqual(ids(x.stakeholders?.returned));
        expect(y.stage).toEqual(x.stage ? { before: x.stage.after, after: x.stage.before } : undefined);
      }),
      { numRuns: 60, seed: 20261128 },
    );
  });
});

describe("history", () => {
  it("the trend per framework per date, and a stall: the stage moved while nothing else did for 30 days", () => {
    const h = history([
      dated({ ...story, stage: "discovery" }, "2026-09-01"),
      dated({ ...story, stage: "discovery" }, "2026-10-01"),
      dated({ ...story, stage: "proposal" }, "2026-11-01"),
    ]);
    expect(h.trend.map((t) => [t.asOf, t.stage, t.scores.bant])).toEqual([
      ["2026-09-01", "discovery", 25],
      ["2026-10-01", "discovery", 25],
      ["2026-11-01", "proposal", 25],
    ]);
    expect(h.stalls).toEqual([
      {
        asOf: "2026-11-01",
        kind: "stage-ahead",
        message: "The stage moved to proposal, but no criterion has changed for 61 days (since 2026-09-01).",
      },
    ]);
  });

  it("a bad snapshot is an issue at its place in the history, in the order given", () => {
    expect(() => history([dated(story, "2026-05-01"), dated({ id: "story-alice" }, "2026-01-01")])).toThrow(
      /\[1\]\.deal\.name/,
    );
    expect(() => history([{ asOf: "2026-02-30", deal: story }])).toThrow(/\[0\]\.asOf/);
  });

  it("the stage moving back is a stall", () => {
    const h = history([
      dated({ ...story, stage: "proposal" }, "2026-10-01"),
      dated({ ...story, stage: "discovery" }, "2026-11-01"),
    ]);
    expect(h.stalls.map((s) => s.kind)).toEqual(["stage-back"]);
  });
});

describe("qualify diff", () => {
  it("two snapshots: a manager's note", () => {
    const run = cli([
      "diff",
      "examples/snapshots/story-alice-2026-11-13.json",
      "examples/snapshots/story-alice-2026-11-27.json",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Authority: unknown -> met: Ruth Okoye decides, and you have spoken with them.",
    );
    expect(run.stdout).toContain("Resolved: no-decision-maker");
  });

  it("json is the golden comparison; markdown is a CRM note", () => {
    const files = [
      "examples/snapshots/story-alice-2026-11-13.json",
      "examples/snapshots/story-alice-2026-11-27.json",
    ];
    expect(JSON.parse(cli(["diff", ...files, "--format", "json"]).stdout)).toEqual(
      readJson("examples/snapshots/diff.json"),
    );
    expect(cli(["diff", ...files, "--format", "markdown"]).stdout).toMatch(
      /^## Hosting for the line-of-business platform/,
    );
  });

  it("different deals: a clean error, exit 1", () => {
    const run = cli(["diff", "examples/deals/story-alice.json", "examples/deals/acme-negotiation.json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("The snapshots are of different deals");
  });
});
