import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sitePages } from "../src/docs/site-pages.js";
import {
  compare,
  createQualifier,
  DEFAULT_POLICY,
  type Deal,
  definePlugin,
  ENTHUSIASM_GAP,
  mergePolicy,
  Policy,
  QualifyError,
  STAGE_WEIGHTS,
  TOPIC_ROLES,
} from "../src/index.js";
import { readJson } from "./support/helpers.js";

// The judgement policy is data (frameworks/policy.json): the engine reads it, plugins override it, and an
// invalid override is a setup error with its path.

const asOf = "2026-11-27";
const daysBefore = (n: number) =>
  new Date(Date.parse(`${asOf}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** A deal whose champion was last heard from `silent` days ago, with an engaged economic buyer. */
const dealSilentFor = (silent: number): Deal => ({
  id: "d1",
  name: "Policy deal",
  stage: "evaluation",
  amount: { value: 50_000, currency: "EUR" },
  stakeholders: [
    {
      id: "c",
      name: "Cleo Champion",
      roles: ["champion"],
      engaged: true,
      sentiment: "positive",
      lastContact: daysBefore(silent),
    },
    { id: "e", name: "Eve Buyer", roles: ["economic-buyer"], engaged: true, lastContact: daysBefore(5) },
  ],
});

const criterion = (
  report: ReturnType<ReturnType<typeof createQualifier>["evaluate"]>,
  fw: string,
  id: string,
) => report.frameworks.find((f) => f.id === fw)?.criteria.find((c) => c.id === id);

const setupIssues = (plugin: ReturnType<typeof definePlugin>) => {
  try {
    createQualifier({ plugins: [plugin] });
  } catch (e) {
    if (e instanceof QualifyError) return e.issues;
    throw e;
  }
  return [];
};

describe("the built-in policy is frameworks/policy.json", () => {
  it("is valid, and the public tables are its values", () => {
    const file = readJson("frameworks/policy.json");
    expect(Policy.safeParse(file).success).toBe(true);
    const { $schema: _s, $comment: _c, ...values } = file as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(DEFAULT_POLICY))).toMatchObject(values);
    expect(STAGE_WEIGHTS).toBe(DEFAULT_POLICY.stageWeights);
    expect(TOPIC_ROLES).toBe(DEFAULT_POLICY.topicRoles);
    expect(ENTHUSIASM_GAP.maxScore).toBe(DEFAULT_POLICY.enthusiasmGap.maxScore);
    expect(createQualifier().policy).toBe(DEFAULT_POLICY);
  });
});

describe("a plugin overrides the policy", () => {
  it.each([
    // [days the champion is silent, lostAfterDays, is the champion still live?]
    [45, undefined, true],
    [45, 30, false],
    [120, undefined, false],
    [120, 150, true],
  ] as const)("silent %i days, lostAfterDays %s: champion live %s", (silent, lostAfterDays, live) => {
    const plugins = lostAfterDays ? [definePlugin({ name: "p", policy: { lostAfterDays } })] : [];
    const q = createQualifier({ frameworks: ["meddpicc"], plugins });
    const report = q.evaluate(dealSilentFor(silent), { asOf });
    const champion = criterion(report, "meddpicc", "champion");
    if (live) expect(champion?.explanation ?? "").not.toMatch(/not been heard from/);
    else expect(champion?.explanation ?? "").toMatch(/Cleo Champion has not been heard from for \d+ days/);
    const lost = report.findings.some((f) => f.id === "contact-lost");
    expect(lost).toBe(!live);
  });

  it("stage weights scale a topic's priority; other topics keep theirs", () => {
    const deal = readJson("examples/deals/story-alice.json") as Deal;
    const base = createQualifier().evaluate(deal, { asOf });
    const stage = deal.stage ?? DEFAULT_POLICY.defaultStage;
    const w = DEFAULT_POLICY.stageWeights.authority[stage];
    const heavier = createQualifier({
      plugins: [definePlugin({ name: "p", policy: { stageWeights: { authority: { [stage]: w * 2 } } } })],
    }).evaluate(deal, { asOf });
    const byId = (r: typeof base) => new Map(r.questions.map((q) => [q.id, q]));
    const [before, after] = [byId(base), byId(heavier)];
    let authority = 0;
    for (const [id, q] of before) {
      const now = after.get(id);
      if (!now || q.criteria.length === 0) continue;
      if (q.topic === "authority") {
        authority++;
        expect(now.priority).toBeCloseTo(q.priority * 2, 0);
      } else expect(now.priority).toBe(q.priority);
    }
    expect(authority).toBeGreaterThan(0);
  });

  it("topic roles choose whom a question goes to", () => {
    const deal: Deal = {
      ...dealSilentFor(5),
      stakeholders: [
        ...(dealSilentFor(5).stakeholders ?? []),
        { id: "t", name: "Tia Tech", roles: ["technical-buyer"], engaged: true, lastContact: daysBefore(3) },
      ],
    };
    const asked = (policy?: Parameters<typeof definePlugin>[0]["policy"]) =>
      createQualifier({ frameworks: ["bant"], plugins: policy ? [definePlugin({ name: "p", policy })] : [] })
        .evaluate(deal, { asOf })
        .questions.filter((q) => q.topic === "need")
        .map((q) => q.askId);
    expect(asked()).toContain("c");
    expect(asked({ topicRoles: { need: ["technical-buyer"] } })).toEqual(expect.arrayContaining(["t"]));
    expect(asked({ topicRoles: { need: ["technical-buyer"] } })).not.toContain("c");
  });

  it("the enthusiasm gap's threshold", () => {
    const deal = readJson("examples/deals/story-alice.json") as Deal;
    const gap = (maxScore: number) =>
      createQualifier({ plugins: [definePlugin({ name: "p", policy: { enthusiasmGap: { maxScore } } })] })
        .evaluate(deal, { asOf })
        .findings.some((f) => f.id === "enthusiasm-gap");
    expect(gap(50)).toBe(true);
    // The story's decider is not engaged, so the gap holds whatever the threshold.
    expect(gap(0)).toBe(true);
  });

  it("later plugins win; objects merge key by key, lists replace", () => {
    const q = createQualifier({
      plugins: [
        definePlugin({
          name: "a",
          policy: { lostAfterDays: 60, sensitiveTopics: ["budget"], gap: { unmet: 0.6 } },
        }),
        definePlugin({ name: "b", policy: { lostAfterDays: 45, gap: { partial: 0.4 } } }),
      ],
    });
    expect(q.policy.lostAfterDays).toBe(45);
    expect(q.policy.sensitiveTopics).toEqual(["budget"]);
    expect(q.policy.gap).toEqual({ unknown: 1, unmet: 0.6, partial: 0.4 });
    expect(DEFAULT_POLICY.lostAfterDays).toBe(90);
  });
});

describe("a report says which policy made it", () => {
  it("meta.policy is absent with the built-in policy, and a fingerprint of an overridden one", () => {
    const deal = readJson("examples/deals/story-alice.json") as Deal;
    const plain = createQualifier().evaluate(deal, { asOf });
    expect(plain.meta.policy).toBeUndefined();
    const strict = (days: number) =>
      createQualifier({ plugins: [definePlugin({ name: "p", policy: { lostAfterDays: days } })] }).evaluate(
        deal,
        {
          asOf,
        },
      );
    expect(strict(30).meta.policy).toMatch(/^[0-9a-f]{16}$/);
    expect(strict(30).meta.policy).toBe(strict(30).meta.policy);
    expect(strict(30).meta.policy).not.toBe(strict(45).meta.policy);
  });

  it("compare says when two reports were made by different policies", () => {
    const deal = readJson("examples/deals/story-alice.json") as Deal;
    const before = createQualifier().evaluate(deal, { asOf });
    const after = createQualifier({
      plugins: [definePlugin({ name: "p", policy: { lostAfterDays: 30 } })],
    }).evaluate(deal, { asOf });
    const diff = compare(before, after);
    expect(diff.rulesChanged?.frameworks).toEqual([]);
    expect(diff.rulesChanged?.message).toMatch(/different judgement policies/);
    expect(compare(before, before).rulesChanged).toBeUndefined();
  });
});

describe("the pages of a setup say its policy", () => {
  it("the framework pages name the qualifier's lostAfterDays", () => {
    const page = (q: ReturnType<typeof createQualifier>) =>
      sitePages(q, q.frameworks).find((p) => p.name === "meddpicc")?.markdown ?? "";
    const built = page(createQualifier({ frameworks: ["meddpicc"] }));
    const strict = page(
      createQualifier({
        frameworks: ["meddpicc"],
        plugins: [definePlugin({ name: "p", policy: { lostAfterDays: 30 } })],
      }),
    );
    expect(built).toMatch(/in the last 90 days/);
    expect(strict).toMatch(/in the last 30 days/);
    expect(strict).not.toMatch(/in the last 90 days/);
  });
});

describe("an invalid override is a setup error with its path", () => {
  it.each([
    [{ lostAfterDays: "60" }, "policy.lostAfterDays", /Expected/],
    [{ lostAfterDays: 0 }, "policy.lostAfterDays", /1/],
    [{ stageWeights: { budjet: { discovery: 1 } } }, "policy.stageWeights", /budget/],
    [{ stageWeights: { budget: { discovry: 1 } } }, "policy.stageWeights.budget", /discovery/],
    [{ topicRoles: { need: ["champoin"] } }, "policy.topicRoles.need[0]", /champion/],
    [{ lostAfterDay: 60 }, "policy", /lostAfterDays/],
  ])("%j", (policy, path, message) => {
    const issues = setupIssues(definePlugin({ name: "bad", policy: policy as never }));
    expect(issues.length).toBeGreaterThan(0);
    const issue = issues.find((i) => i.path.startsWith(path));
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(`${issue?.message} ${issue?.suggestion ?? ""}`).toMatch(message);
    expect(issue?.file).toBe("plugin bad");
  });
});

describe("mergePolicy", () => {
  const weight = fc.double({ min: 0, max: 10, noNaN: true });
  it("no override is the base; overriding a cell changes that cell only", () => {
    expect(mergePolicy(DEFAULT_POLICY, [])).toBe(DEFAULT_POLICY);
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(DEFAULT_POLICY.stageWeights)),
        fc.constantFrom(...Object.keys(DEFAULT_POLICY.stageWeights.authority)),
        weight,
        (topic, stage, w) => {
          const merged = mergePolicy(DEFAULT_POLICY, [{ stageWeights: { [topic]: { [stage]: w } } }]);
          for (const [t, row] of Object.entries(merged.stageWeights))
            for (const [s, v] of Object.entries(row))
              expect(v).toBe(
                t === topic && s === stage
                  ? w
                  : (DEFAULT_POLICY.stageWeights as Record<string, Record<string, number>>)[t]?.[s],
              );
          expect(Object.isFrozen(merged.stageWeights)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
