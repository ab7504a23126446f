import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandDefinitions } from "../src/frameworks/definitions.js";
import {
  acceptCriterion,
  acceptFramework,
  acceptRuleSet,
  copyFramework,
  copyRuleSet,
} from "../src/frameworks/framework-acceptor.generated.js";
import { Criterion, Framework, RuleSet } from "../src/index.js";
import { ROOT, readJson } from "./support/helpers.js";
import { withValueAt } from "./support/mutate.js";

// The generated framework acceptor (src/frameworks/framework-acceptor.generated.ts, no zod) may leave a valid
// file to zod (which then explains nothing and accepts it), but must never accept what zod rejects.
const files = readdirSync(`${ROOT}/frameworks`)
  .filter((f) => f.endsWith(".json") && !["index.json", "policy.json", "shared.definitions.json"].includes(f))
  .map((f) => expandDefinitions(readJson(`frameworks/${f}`)).value as Record<string, unknown>);
const frameworks = files.filter((f) => f.kind !== "ruleset");
const ruleSets = files.filter((f) => f.kind === "ruleset");

const mutation = fc.record({
  path: fc.constantFrom(
    "id",
    "name",
    "kind",
    "extends",
    "gates",
    "statusLabels",
    "criteria",
    "criteria.0.id",
    "criteria.0.weight",
    "criteria.0.let",
    "criteria.0.status.0.status",
    "criteria.0.status.0.when",
    "criteria.0.questions.0.topic",
    "findings.0.severity",
    "findings.0.let",
    "customSchema",
    "extra",
  ),
  value: fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(
      undefined,
      null,
      "",
      "Not-Kebab",
      "met",
      "unknown",
      -1,
      0,
      [],
      {},
      { proposal: ["x"] },
      { "bad key": 1 },
      { met: "ok" },
    ),
  ),
});

describe("the generated framework acceptor agrees with zod", () => {
  it("accepts every built-in framework, rule set and criterion as written", () => {
    expect(frameworks.length).toBeGreaterThan(10);
    for (const f of frameworks) {
      expect(acceptFramework(f), String(f.id)).toBe(true);
      expect(JSON.stringify(copyFramework(f))).toBe(JSON.stringify(Framework.parse(f)));
    }
    for (const f of ruleSets) {
      expect(acceptRuleSet(f), String(f.id)).toBe(true);
      expect(JSON.stringify(copyRuleSet(f))).toBe(JSON.stringify(RuleSet.parse(f)));
    }
    for (const f of files)
      for (const c of (f.criteria as unknown[] | undefined) ?? [])
        expect(acceptCriterion(c)).toBe(Criterion.safeParse(c).success);
  });

  it("the same verdict as zod on mutated files, valid and invalid", () => {
    let invalid = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (file, ms) => {
          const changed = ms.reduce((f, m) => withValueAt(f, m.path, m.value), file as unknown);
          const ruleSet = (file as { kind?: unknown }).kind === "ruleset";
          const zod = (ruleSet ? RuleSet : Framework).safeParse(changed).success;
          if (!zod) invalid++;
          expect((ruleSet ? acceptRuleSet : acceptFramework)(changed), JSON.stringify(ms)).toBe(zod);
          // What it gives is what zod gives, key order included (a definition's hash is taken over it).
          if (zod)
            expect(JSON.stringify((ruleSet ? copyRuleSet : copyFramework)(changed))).toBe(
              JSON.stringify((ruleSet ? RuleSet : Framework).parse(changed)),
            );
        },
      ),
      { seed: 7, numRuns: 1500 },
    );
    expect(invalid).toBeGreaterThan(300);
  });

  it("never accepts what zod rejects: any value at all", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true }), (value) => {
        if (acceptFramework(value)) expect(Framework.safeParse(value).success).toBe(true);
        if (acceptRuleSet(value)) expect(RuleSet.safeParse(value).success).toBe(true);
        if (acceptCriterion(value)) expect(Criterion.safeParse(value).success).toBe(true);
      }),
      { seed: 8, numRuns: 2000 },
    );
  });
});
