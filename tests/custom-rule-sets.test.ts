import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createQualifier, definePlugin, type FrameworkInput, safeParseFramework } from "../src/index.js";
import { cli, ROOT } from "./support/helpers.js";

const criterion: FrameworkInput["criteria"][number] = {
  id: "c",
  name: "C",
  description: "D",
  weight: 1,
  status: [{ when: true, status: "met", reason: "R" }],
  unknown: "U",
  questions: [],
};
const base: FrameworkInput = { id: "acme-base", name: "Acme base", criteria: [criterion] };
const child: FrameworkInput = {
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

describe("a company plugin (examples/plugin) through every door", () => {
  const deal = JSON.parse(readFileSync(`${ROOT}/examples/plugin/deal.json`, "utf8"));
  const run = (args: string[], cwd = ROOT, input = "") =>
    spawnSync(process.execPath, [`${ROOT}/dist/cli.js`, ...args], { cwd, encoding: "utf8", input });

  it("the API: operator, TypeScript rule with its finding, typed custom fields", async () => {
    const { default: acme } = await import("../examples/plugin/acme-plugin.mjs");
    const q = createQualifier({ plugins: [acme], frameworks: ["acme-qualification"] });
    const report = q.evaluate(deal, { asOf: "2026-11-27" });
    const security = report.frameworks[0]?.criteria.find((c) => c.id === "security-review");
    expect(security?.explanation).toBe("The security review is booked; the decision falls in FY2027 Q4.");
    expect(report.findings.map((f) => f.id)).toContain("needs-board-approval");
    // A typo in the deal's custom fields is an invalid deal, with its path and a suggestion.
    const typo = q.safeEvaluate({ ...deal, custom: { securityReveiw: "scheduled" } }, { asOf: "2026-11-27" });
    expect(typo.success).toBe(false);
    if (!typo.success)
      expect(typo.issues[0]).toMatchObject({ path: "custom.securityReveiw", suggestion: "securityReview" });
    // A typo in a rule's path under custom is caught when the framework is loaded.
    const bad = {
      id: "acme-typo",
      name: "Typo",
      criteria: [
        {
          id: "c",
          name: "C",
          description: "D",
          weight: 1,
          status: [
            { when: { "==": [{ var: "custom.securityReveiw" }, "passed"] }, status: "met", reason: "R" },
          ],
          unknown: "U",
          questions: [],
        },
      ],
    };
    expect(() => createQualifier({ plugins: [acme], frameworks: [bad] })).toThrow(
      /did you mean "custom.securityReview"/,
    );
  });

  it("the CLI with --plugin, the config file, and --workers 2 give the same reports", () => {
    const line = JSON.stringify(deal);
    const input = `${line}\n${line}\n`;
    const flags = [
      "score",
      "--ndjson",
      "-",
      "--as-of",
      "2026-11-27",
      "--plugin",
      "./examples/plugin/acme-plugin.mjs",
      "-f",
      "acme-qualification,bant",
    ];
    const one = run(flags, ROOT, input);
    const workers = run([...flags, "--workers", "2"], ROOT, input);
    expect(one.status).toBe(0);
    expect(workers.stdout).toBe(one.stdout);
    // From the config file (found from the working directory), with its disable list applied.
    const config = run(["score", "--ndjson", "-", "--as-of", "2026-11-27"], `${ROOT}/examples/plugin`, input);
    expect(config.status).toBe(0);
    const a = JSON.parse(one.stdout.split("\n")[0] as string);
    const b = JSON.parse(config.stdout.split("\n")[0] as string);
    expect(b.frameworks).toEqual(a.frameworks);
    expect(b.findings.map((f: { id: string }) => f.id)).not.toContain("brand-competitor");
  });

  it("qualify docs --plugin writes the plugin's framework (its own origin), its operators and its findings", () => {
    const dir = `${tmp}/docs`;
    const result = run(["docs", dir, "--plugin", "./examples/plugin/acme-plugin.mjs"]);
    expect(result.status).toBe(0);
    const page = readFileSync(`${dir}/acme-qualification.md`, "utf8");
    expect(page).toContain("**Origin:** Acme Revenue Operations");
    expect(page).not.toContain("Dick Dunkel");
    expect(readFileSync(`${dir}/operators.md`, "utf8")).toContain("| `fiscal-quarter` | 1 |");
    expect(readFileSync(`${dir}/findings.md`, "utf8")).toContain("`needs-board-approval`");
  });

  it("a config with a typo says where, with a suggestion", () => {
    writeFileSync(`${tmp}/bad.config.json`, JSON.stringify({ framworks: ["bant"] }));
    const result = run(["score", "examples/deals/story-alice.json", "--config", `${tmp}/bad.config.json`]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('framworks: Unknown key "framworks"; did you mean "frameworks"?');
  });

  it("a config with plugin objects carrying code and --workers: a clean error (exit 1), never an internal one", () => {
    const dir = `${tmp}/code-config`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      `${dir}/qualify.config.mjs`,
      `import { defineOperator, definePlugin } from ${JSON.stringify(`${ROOT}/dist/index.js`)};
export default { plugins: [definePlugin({ name: "inline", operators: [defineOperator({ name: "yes", description: "Always.", evaluate: () => true })] })] };`,
    );
    const result = run(["score", "--ndjson", "-", "--workers", "2"], dir, '{"id":"d","name":"D"}\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("[plugin-has-code]");
  });

  it("a plugin module that cannot be found is a clean error", () => {
    const result = run(["score", "examples/deals/story-alice.json", "--plugin", "./nope.mjs"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Cannot find plugin module");
  });
});
