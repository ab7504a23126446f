import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandDefinitions, MAX_EXPANDED, sharedDefinitions } from "../src/frameworks/definitions.js";
import { createQualifier, safeParseFramework } from "../src/index.js";
import { ROOT, readJson } from "./support/helpers.js";

// Named predicates: a file's `define` and frameworks/shared.definitions.json, used as {"ref": "name"} and
// expanded when the file is parsed. A file with references parses exactly as the same file written out.

/** A small framework whose one criterion's `met` rule is `met`, with `define` given. */
const file = (met: unknown, define?: Record<string, unknown>) => ({
  id: "refs-test",
  name: "Refs test",
  ...(define ? { define } : {}),
  criteria: [
    {
      id: "authority",
      name: "Authority",
      description: "Who decides.",
      unknown: "Nobody knows who decides.",
      weight: 1,
      questions: [],
      status: [{ when: met, status: "met", reason: "Known." }],
    },
  ],
});

const issuesOf = (input: unknown) => {
  const result = safeParseFramework(input);
  return result.success ? [] : result.issues;
};

describe("references expand to their definitions", () => {
  it("a shared definition, a file's own, and one referring to another", () => {
    const written = file(
      { and: [{ ref: "deciders" }, { ref: "open-and-known" }] },
      {
        "open-and-known": { and: [{ ref: "deal-open" }, { var: "timeline.decisionBy" }] },
      },
    );
    const full = file({
      and: [
        { "with-role": ["economic-buyer", "decision-maker"] },
        {
          and: [
            { "!": [{ in: [{ var: "stage" }, ["closed-won", "closed-lost"]] }] },
            { var: "timeline.decisionBy" },
          ],
        },
      ],
    });
    const [a, b] = [safeParseFramework(written), safeParseFramework(full)];
    expect(a.success && b.success, JSON.stringify([a, b])).toBe(true);
    expect(a.success && a.data).toEqual(b.success && b.data);
  });

  it("the built-in files give the definitions they gave written out (the generated definitions are their expansion)", () => {
    const q = createQualifier({ frameworks: [] });
    for (const def of q.catalogue.values()) expect(JSON.stringify(def)).not.toContain('"ref"');
    for (const set of q.ruleSets) expect(JSON.stringify(set)).not.toContain('"ref"');
  });

  it("every shared definition is used by a built-in file, and the built-ins use references", () => {
    const names = Object.keys(sharedDefinitions());
    const texts = readdirSync(`${ROOT}/frameworks`)
      .filter((f) => f !== "shared.definitions.json")
      .map((f) => JSON.stringify(readJson(`frameworks/${f}`)));
    const definitions = JSON.stringify(sharedDefinitions());
    const unused = names.filter(
      (n) => !texts.some((t) => t.includes(`{"ref":"${n}"}`)) && !definitions.includes(`{"ref":"${n}"}`),
    );
    expect(unused).toEqual([]);
    expect(texts.join("").match(/\{"ref":/g)?.length ?? 0).toBeGreaterThan(100);
  });

  it("property: moving any sub-rule into `define` and referring to it parses to the same definition", () => {
    const rule = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom<unknown>({ var: "stage" }, { var: "amount.value" }, true, 3, "x", null),
        fc.record({ and: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
        fc.record({ "!": fc.tuple(tie("node")) }),
        fc.record({ "==": fc.tuple(tie("node"), tie("node")) }),
      ),
    })).node;
    fc.assert(
      fc.property(rule, fc.nat(), (met, pick) => {
        // The sub-rules of `met` that are operations, with a way to put a reference in their place.
        const spots: Array<{ value: unknown; put: (v: unknown) => unknown }> = [];
        const collect = (node: unknown, put: (v: unknown) => unknown) => {
          if (node === null || typeof node !== "object" || Array.isArray(node)) return;
          spots.push({ value: node, put });
          const [op, args] = Object.entries(node as Record<string, unknown>)[0] as [string, unknown];
          if (!Array.isArray(args)) return;
          args.forEach((arg, i) => collect(arg, (v) => put({ [op]: args.map((x, j) => (j === i ? v : x)) })));
        };
        collect(met, (v) => v);
        if (spots.length === 0) return;
        const spot = spots[pick % spots.length] as (typeof spots)[number];
        const withRef = file(spot.put({ ref: "piece" }), { piece: spot.value });
        const [a, b] = [safeParseFramework(withRef), safeParseFramework(file(met))];
        expect(a.success).toBe(b.success);
        if (a.success && b.success) expect(a.data).toEqual(b.data);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the docs' example", () => {
  it("the define/ref sample of docs/rules.md is a valid framework file", () => {
    const page = readFileSync(`${ROOT}/docs/rules.md`, "utf8");
    const sample = [...page.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((m) => m[1] as string)
      .find((text) => text.includes('"define"'));
    expect(sample).toBeDefined();
    const result = safeParseFramework(JSON.parse(sample as string));
    expect(result.success, JSON.stringify(result.success ? [] : result.issues)).toBe(true);
  });
});

describe("a wrong reference or definition is an issue with its path", () => {
  it.each([
    [
      "an unknown name, with did you mean",
      file({ ref: "decidrs" }),
      "criteria[0].status[0].when.ref",
      "unknown-definition",
      /did you mean "deciders"/,
    ],
    [
      "a name that is not text",
      file({ ref: 3 }),
      "criteria[0].status[0].when.ref",
      "unknown-definition",
      /No definition named 3/,
    ],
    [
      "a definition that refers to itself",
      file({ ref: "a" }, { a: { "!": [{ ref: "b" }] }, b: { ref: "a" } }),
      "define.a",
      "cycle",
      /a -> b -> a/,
    ],
    [
      "a name taken by a shared definition",
      file(true, { deciders: true }),
      "define.deciders",
      "duplicate-id",
      /already a shared definition/,
    ],
    [
      "a malformed name",
      file(true, { "Open Deal": true }),
      'define["Open Deal"]',
      "invalid-value",
      /lower-case words/,
    ],
    [
      "define is not an object",
      { ...file(true), define: [1] },
      "define",
      "invalid-type",
      /object of named definitions/,
    ],
  ])("%s", (_, input, path, code, message) => {
    const issues = issuesOf(input);
    const issue = issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.path).toBe(path);
    expect(issue?.message).toMatch(message);
  });

  it("a broken definition is reported even when nothing uses it; other problems come with it", () => {
    const issues = issuesOf({ ...file({ "no-such-op": [] }, { unused: { ref: "nope" } }) });
    expect(issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["unknown-definition", "unknown-operator"]),
    );
  });

  it("references that double at every level stop at a limit, at once", () => {
    const define: Record<string, unknown> = { d0: { var: "stage" } };
    for (let i = 1; i <= 40; i++) define[`d${i}`] = { and: [{ ref: `d${i - 1}` }, { ref: `d${i - 1}` }] };
    const { issues } = expandDefinitions(file({ ref: "d40" }, define));
    expect(
      issues.some((i) => i.code === "too-large" && i.message.includes(MAX_EXPANDED.toLocaleString("en"))),
    ).toBe(true);
  });

  it.each([
    ["a chain of 5,000 definitions, each inside the next", 5_000, 1],
    ["one definition nested 100,000 deep", 1, 100_000],
  ])("%s: one issue on the size, not a RangeError", (_, chain, nesting) => {
    let deep: unknown = { var: "stage" };
    for (let i = 0; i < nesting; i++) deep = { "!": [deep] };
    const define: Record<string, unknown> = { d0: deep };
    for (let i = 1; i < chain; i++) define[`d${i}`] = { "!": [{ ref: `d${i - 1}` }] };
    const issues = issuesOf(file({ ref: `d${chain - 1}` }, define));
    expect(issues.length, JSON.stringify(issues).slice(0, 500)).toBe(1);
    expect(["too-deep", "too-large"]).toContain(issues[0]?.code);
  });

  it("a data key named __proto__ survives the expansion, for the checks after to name", () => {
    const hostile = JSON.parse('{"and": [{"ref": "deciders"}, {"__proto__": [1]}]}');
    const withRef = issuesOf(file(hostile));
    const without = issuesOf(file(JSON.parse('{"and": [true, {"__proto__": [1]}]}')));
    expect(without.length).toBeGreaterThan(0);
    expect(withRef.map((i) => [i.path, i.code])).toEqual(without.map((i) => [i.path, i.code]));
  });

  it("a file with no reference and no define comes back as it was (no copy)", () => {
    const plain = file(true);
    expect(expandDefinitions(plain).value).toBe(plain);
  });

  it("customSchema is left as written (a JSON Schema may hold anything)", () => {
    const { value } = expandDefinitions({
      ...file(true),
      customSchema: { type: "object", properties: { ref: { ref: "x" } } },
    });
    expect((value as { customSchema: unknown }).customSchema).toEqual({
      type: "object",
      properties: { ref: { ref: "x" } },
    });
  });
});

describe("the mentions operator: keywords as data, case ignored", () => {
  const q = createQualifier({ frameworks: [] });
  const mentions = q.operators.get("mentions");
  it.each([
    ["Data residency in the EU", ["data"], true],
    ["GDPR", ["gdpr"], true],
    ["price", ["security", "data"], false],
    ["", ["data"], false],
    [42, ["data"], false],
    ["anything", [], false],
    ["anything", ["", 3], false],
  ] as const)("%j mentions %j: %s", (text, words, expected) => {
    expect(mentions?.evaluate([text, words], { data: undefined, root: undefined, asOf: undefined })).toBe(
      expected,
    );
  });
});
