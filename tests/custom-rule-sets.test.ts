import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createQualifier, definePlugin, safeParseFramework } from "../src/index.js";
import { cli, ROOT } from "./support/helpers.js";

const criterion = {
  id: "c",
  name: "C",
  description: "D",
  weight: 1,
  status: [{ when: true, status: "met", reason: "R" }],
  unknown: "U",
  questions: [],
};
const base = { id: "acme-base", name: "Acme base", criteria: [criterion] };
const child = {
  id: "acme-child",
  name: "Acme child",
  extends: "acme-base",
  criteria: [{ id: "c", weight: 2 }],
};
const tmp = `${ROOT}/.bench-tmp/custom-${process.pid}`;
mkdirSync(tmp, { recursive: true });
writeFileSync(`${tmp}/base.json`, JSON.stringify(base));
writeFileSync(`${tmp}/child.json`, JSON.stringify(child));

describe("every problem at once", () => {
  it("a bad weight type and three rule typos: all four, each with its path and suggestion", () => {
    const result = safeParseFramework({
      id: "acme",
      name: "Acme",
      criteria: [
        {
          ...criterion,
          weight: "heavy",
          status: [
            { when: { "==": [{ var: "stgae" }, "proposal"] }, status: "met", reason: "R" },
            { when: { "with-role": ["econmic-buyer"] }, status: "partial", reason: "R" },
            { when: { sum: [1, 2] }, status: "unmet", reason: "R" },
          ],
        },
      ],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => [i.path, i.code, i.suggestion])).toEqual([
      ["criteria[0].weight", "invalid-type", undefined],
      ["criteria[0].status[0].when.==[0].var", "unknown-path", "stage"],
      ["criteria[0].status[1].when.with-role[0]", "invalid-value", "economic-buyer"],
      ["criteria[0].status[2].when.sum", "unknown-operator", undefined],
    ]);
  });

  it("a child with an unknown base reports the base only, never 'missing name' for inherited criteria", () => {
    const result = safeParseFramework(
      { ...child, extends: "medpicc", criteria: [{ id: "champion", weight: 3 }] },
      {
        frameworks: createQualifier({ frameworks: [] }).catalogue,
      },
    );
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues.map((i) => [i.path, i.suggestion])).toEqual([["extends", "meddpicc"]]);
  });
});

describe("extends in any order", () => {
  it.each([[[base, child]], [[child, base]]])("plugins: %#", (frameworks) => {
    const q = createQualifier({
      frameworks: ["acme-child"],
      plugins: [definePlugin({ name: "p", frameworks })],
    });
    expect(q.frameworks[0]?.criteria[0]?.weight).toBe(2);
  });

  it("frameworks given as data", () => {
    const q = createQualifier({ frameworks: [child, base] });
    expect(q.frameworks.map((f) => f.id)).toEqual(["acme-child", "acme-base"]);
  });

  it.each([[["base.json", "child.json"]], [["child.json", "base.json"]]])("qualify validate %j", (files) => {
    const run = cli(["validate", ...files.map((f) => `${tmp}/${f}`)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("child.json: valid framework");
  });

  it("a cycle stays a clean error", () => {
    const a = { ...base, id: "a", extends: "b", criteria: [] };
    const b = { ...base, id: "b", extends: "a", criteria: [] };
    expect(() => createQualifier({ plugins: [definePlugin({ name: "p", frameworks: [a, b] })] })).toThrow(
      /No framework/,
    );
  });
});

describe("no silent typos", () => {
  it("a disable id that names nothing is an error with a suggestion", () => {
    expect(() => createQualifier({ disable: ["single-thraded"] })).toThrow(/did you mean "single-threaded"/);
    expect(() => createQualifier({ disable: ["single-threaded", "security-pack"] })).not.toThrow();
  });
});
