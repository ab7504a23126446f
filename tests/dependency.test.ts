import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createQualifier,
  definePlugin,
  defineRule,
  formatPath,
  ISSUE_CODES,
  isQualifyError,
  parseDeal,
  pathSegments,
  QualifyError,
  safeParseDeal,
  safeParseFramework,
} from "../src/index.js";
import { loadConfig } from "../src/node/load-config.js";
import { node, ROOT } from "./support/helpers.js";

const ATTACKER = join(ROOT, "tests/fixtures/plugins/attacker.mjs");

// Issue 22, a backend's needs: whose fault a failure is, issue codes a program can switch on, paths a form
// can map, and one QualifyError test that works across the ESM and CJS builds.

const codes = new Set(Object.keys(ISSUE_CODES));

describe("failures say whose fault they are", () => {
  it.each([
    ["a bad deal", () => parseDeal({ id: 1 }), "invalid-input"],
    ["a misspelt option", () => createQualifier({ framworks: [] } as never), "invalid-rule-set"],
    ["an unknown framework", () => createQualifier({ frameworks: ["bnat"] }), "invalid-rule-set"],
    [
      "a bad deal through evaluate",
      () => createQualifier().evaluate({ id: "d" } as unknown),
      "invalid-input",
    ],
  ])("%s: QualifyError with kind %s", (_, run, kind) => {
    let thrown: unknown;
    try {
      run();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(QualifyError);
    expect(isQualifyError(thrown)).toBe(true);
    expect((thrown as QualifyError).kind).toBe(kind);
  });

  it("safeParseFramework failures are invalid-rule-set, safeParseDeal's invalid-input", () => {
    const f = safeParseFramework({ id: "x", name: "X", criteria: [{ id: "c" }] });
    const d = safeParseDeal({ id: "d", name: "D", stage: "won" });
    expect(!f.success && f.kind).toBe("invalid-rule-set");
    expect(!d.success && d.kind).toBe("invalid-input");
  });

  it("isQualifyError is false for other errors and values", () => {
    for (const v of [new Error("x"), null, undefined, "QualifyError", { name: "QualifyError", issues: [] }])
      expect(isQualifyError(v)).toBe(false);
  });

  it("isQualifyError recognises the CJS build's error in the ESM build (instanceof cannot)", () => {
    const r = node([
      "--input-type=module",
      "-e",
      `import { createRequire } from "node:module";
       import { isQualifyError, QualifyError } from "./dist/index.js";
       const cjs = createRequire(import.meta.url)("./dist/index.cjs");
       try { cjs.parseDeal({}); } catch (e) { console.log(e instanceof QualifyError, isQualifyError(e), e.kind); }`,
    ]);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("false true invalid-input");
  });
});

describe("issues: known codes and paths as segments", () => {
  const q = createQualifier();
  it("property: every issue of a broken deal has a known code and segments that write back to its path", () => {
    const broken = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer()),
        name: fc.oneof(fc.string(), fc.constant(null)),
        stage: fc.oneof(fc.constantFrom("discovery", "won"), fc.integer()),
        stakeholders: fc.array(
          fc.record(
            {
              id: fc.oneof(fc.string({ minLength: 1 }), fc.integer()),
              name: fc.string(),
              reportsTo: fc.string(),
              roles: fc.array(fc.constantFrom("champion", "economic-buyer", "chmpion")),
              "odd.key": fc.integer(),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
        amount: fc.record({
          value: fc.oneof(fc.integer(), fc.string()),
          currency: fc.constantFrom("EUR", "eur", "€"),
        }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(broken, (deal) => {
        const r = q.safeEvaluate(deal, { asOf: "2026-11-27" });
        if (r.success) return;
        for (const issue of r.issues) {
          expect(codes.has(issue.code)).toBe(true);
          expect(issue.segments).toEqual(pathSegments(issue.path));
          if (issue.code !== "too-many-issues") expect(formatPath(issue.segments ?? [])).toBe(issue.path);
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["stakeholders[1].reportsTo", ["stakeholders", 1, "reportsTo"]],
    ['budget["a.b"].value', ["budget", "a.b", "value"]],
    ['custom["with \\"quote\\""]', ["custom", 'with "quote"']],
    ["", []],
    ["criteria[0].status[2].reason{name}", ["criteria", 0, "status", 2, "reason{name}"]],
  ])("pathSegments(%j)", (path, segments) => {
    expect(pathSegments(path)).toEqual(segments);
  });
});

describe("wrong plugins are setup errors, never exit 70", () => {
  const rule = (id: string) => defineRule({ id, description: "D", evaluate: () => ({ status: "met" }) });
  it("the same plugin object twice is one plugin", () => {
    const p = definePlugin({ name: "p", rules: [rule("r")] });
    expect(() => createQualifier({ plugins: [p, p] })).not.toThrow();
  });

  it("two plugins defining one rule id: a QualifyError naming both", () => {
    const a = definePlugin({ name: "alpha", rules: [rule("r")] });
    const b = definePlugin({ name: "beta", rules: [rule("r")] });
    let thrown: unknown;
    try {
      createQualifier({ plugins: [a, b] });
    } catch (e) {
      thrown = e;
    }
    expect(isQualifyError(thrown)).toBe(true);
    expect((thrown as QualifyError).kind).toBe("invalid-rule-set");
    expect((thrown as QualifyError).message).toMatch(/plugin "alpha".*plugin "beta"/);
  });

  it("a config and --plugin naming one module load it once (its rule is not defined twice)", () => {
    const dir = mkdtempSync(join(tmpdir(), "qualify-dep-"));
    try {
      writeFileSync(join(dir, "package.json"), "{}");
      writeFileSync(join(dir, "qualify.config.json"), JSON.stringify({ plugins: [ATTACKER] }));
      writeFileSync(join(dir, "deal.json"), JSON.stringify({ id: "d", name: "D" }));
      const r = spawnSync(
        process.execPath,
        [join(ROOT, "dist/cli.js"), "score", "deal.json", "--plugin", ATTACKER, "--framework", "attacker"],
        { cwd: dir, encoding: "utf8" },
      );
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the package as published", () => {
  it("a zod 3 customSchema is refused with an error that says zod 4 is needed", () => {
    // A zod 3 schema's shape: `_def` and `safeParse`, no `_zod`.
    const zod3 = { _def: { typeName: "ZodObject" }, safeParse: () => ({ success: true }) };
    expect(() =>
      createQualifier({ plugins: [definePlugin({ name: "p", customSchema: zod3 as never })] }),
    ).toThrow(/zod 3 schema; qualify needs zod 4/);
  });

  it("every relative link in the README resolves inside the tarball", () => {
    const packed = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const files = new Set(
      (JSON.parse(packed.stdout) as Array<{ files: Array<{ path: string }> }>)[0]?.files.map((f) => f.path),
    );
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1] as string)
      .filter((l) => !/^[a-z]+:/i.test(l));
    expect(links.length).toBeGreaterThan(5);
    const missing = links.filter(
      (l) => !files.has(l) && ![...files].some((f) => f.startsWith(`${l.replace(/\/$/, "")}/`)),
    );
    expect(missing).toEqual([]);
  });
});

describe("one config for the CLI and for code", () => {
  it("createQualifier(await loadConfig({ cwd })) scores as qualify score does in that folder", async () => {
    const cwd = join(ROOT, "examples/plugin");
    const options = await loadConfig({ cwd });
    expect(options.configFile).toBe("qualify.config.mjs");
    const deal = JSON.parse(readFileSync(join(cwd, "deal.json"), "utf8"));
    const report = createQualifier(options).evaluate(deal, { asOf: "2026-11-27" });
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, "dist/cli.js"), "score", "deal.json", "--format", "json", "--as-of", "2026-11-27"],
      { cwd, encoding: "utf8" },
    );
    expect(cli.status).toBe(0);
    expect(`${JSON.stringify(report, null, 2)}\n`).toBe(cli.stdout);
  });

  it("a bad config is a QualifyError naming the file, kind invalid-rule-set", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qualify-dep-"));
    try {
      writeFileSync(
        join(dir, "qualify.config.json"),
        JSON.stringify({ plugins: ["./missing.mjs"], framworks: [] }),
      );
      const thrown = await loadConfig({ cwd: dir }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isQualifyError(thrown)).toBe(true);
      expect((thrown as QualifyError).kind).toBe("invalid-rule-set");
      expect((thrown as QualifyError).issues[0]?.file).toBe("qualify.config.json");
      expect((thrown as QualifyError).message).toContain('did you mean "frameworks"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("validate is the same gate as loading", () => {
  const typoFramework = {
    id: "acme-x",
    name: "Acme X",
    extends: "bnat",
    customSchema: { type: "object", properties: { tier: { type: "string" } }, additionalProperties: false },
    criteria: [
      {
        id: "tiered",
        name: "Tiered",
        description: "Has a tier.",
        weight: 1,
        status: [
          {
            when: { "==": [{ var: "custom.teir" }, "gold"] },
            status: "met",
            reason: "Tier {custom.teir} for {naem}.",
          },
        ],
        unknown: "No tier.",
        questions: [],
      },
    ],
    findings: [{ id: "f", description: "D", when: true, severity: "critcal", message: "M" }],
  };

  it("a framework file with four problems of four kinds lists all four in one run", () => {
    const r = safeParseFramework(typoFramework);
    expect(r.success).toBe(false);
    const codes = r.success ? [] : r.issues.map((i) => `${i.path} ${i.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "extends unknown-framework",
        "findings[0].severity invalid-value",
        expect.stringMatching(/^criteria\[0\]\.status\[0\]\.when.* unknown-path$/),
        expect.stringMatching(/^criteria\[0\]\.status\[0\]\.reason\{naem\}.* unknown-path$/),
      ]),
    );
  });

  it("the CLI's validate and score reject the same framework file (a custom. path its customSchema lacks)", () => {
    const dir = mkdtempSync(join(tmpdir(), "qualify-dep-"));
    try {
      const fixed = { ...typoFramework, extends: "bant", findings: [] };
      writeFileSync(join(dir, "fw.json"), JSON.stringify(fixed));
      const run = (args: string[]) =>
        spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), ...args], { cwd: dir, encoding: "utf8" });
      const validate = run(["validate", "fw.json"]);
      const score = run(["score", join(ROOT, "examples/deals/story-alice.json"), "--framework", "fw.json"]);
      expect(validate.status).toBe(1);
      expect(score.status).toBe(1);
      expect(validate.stderr).toContain('did you mean "custom.tier"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a deal with a typo under custom fails validate against the config's plugin schema, as score does", () => {
    const dir = mkdtempSync(join(tmpdir(), "qualify-dep-"));
    try {
      writeFileSync(join(dir, "package.json"), "{}");
      writeFileSync(
        join(dir, "qualify.config.json"),
        JSON.stringify({
          frameworks: [
            {
              ...typoFramework,
              extends: "bant",
              findings: [],
              criteria: [],
              customSchema: typoFramework.customSchema,
              id: "acme-y",
              name: "Y",
            },
          ],
        }),
      );
      writeFileSync(join(dir, "deal.json"), JSON.stringify({ id: "d", name: "D", custom: { teir: "gold" } }));
      const run = (args: string[]) =>
        spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), ...args], { cwd: dir, encoding: "utf8" });
      const score = run(["score", "deal.json"]);
      const validate = run(["validate", "deal.json"]);
      expect(score.status).toBe(1);
      expect(validate.status).toBe(1);
      expect(validate.stderr).toContain("custom.teir");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("messages written for a person", () => {
  it.each([
    [{ id: "", name: "D" }, "id", "Must not be empty"],
    [{ id: "d", name: 5 }, "name", "Expected a text; received 5"],
    [{ id: "d" }, "name", "Missing: a text is required here"],
    [{ id: "d", name: "D", amount: { value: -3 } }, "amount.value", "Must be at least 0; received -3"],
  ])("%j: %s says %j", (deal, path, message) => {
    const r = safeParseDeal(deal);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.find((i) => i.path === path)?.message).toBe(message);
  });

  it("no validator wording reaches an issue (property over broken deals)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom("id", "name", "stage", "amount", "stakeholders", "budget"),
          fc.anything(),
        ),
        (deal) => {
          const r = safeParseDeal(deal);
          if (!r.success)
            for (const i of r.issues)
              expect(i.message).not.toMatch(
                /Invalid input|Too small|Too big|expected .* to have|Expected one of ;/,
              );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("departed: false is accepted as still there", () => {
    expect(
      safeParseDeal({ id: "d", name: "D", stakeholders: [{ id: "a", name: "A", departed: false }] }).success,
    ).toBe(true);
  });
});

describe("types that catch typos (held by the typecheck step: each line below must not compile)", () => {
  it("evaluate with a wrongly typed deal, definePlugin with a misspelt framework key", () => {
    const q = createQualifier();
    // @ts-expect-error an id is a text: a deal written in TypeScript is type-checked
    expect(() => q.evaluate({ id: 1, name: "D" })).toThrow(QualifyError);
    const untrusted: unknown = JSON.parse('{"id": "d", "name": "D"}');
    expect(q.evaluate(untrusted, { asOf: "2026-11-27" }).deal.id).toBe("d");
    expect(() =>
      createQualifier({
        // @ts-expect-error a misspelt key in a framework given to definePlugin
        plugins: [definePlugin({ name: "p", frameworks: [{ id: "x", name: "X", critera: [] }] })],
      }),
    ).toThrow(QualifyError);
  });
});
