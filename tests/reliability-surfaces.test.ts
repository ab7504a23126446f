import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { compare, history } from "../src/compare/compare.js";
import { safeFromHubSpot } from "../src/crm/hubspot.js";
import { compileLogic, createQualifier, safeParseDeal } from "../src/index.js";
import { Report } from "../src/model/report.js";
import { loadConfigFile } from "../src/node/config-file.js";
import { qualifyJson } from "../src/udf/index.js";
import { cli, ROOT, readJson } from "./support/helpers.js";
import { plantedHistory } from "./support/history.js";

// Issue 21: every surface added since the core (config, UDF, history, diff, calibrate, import, plugins,
// code generation) keeps the same promise: nothing lost, nothing silently wrong. Each class is attacked
// here from an angle the issue did not quote.

const ATTACKER = join(ROOT, "tests/fixtures/plugins/attacker.mjs");
const story = readJson("examples/deals/story-alice.json") as Record<string, unknown>;
const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), "qualify-rel-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Runs the built CLI in a directory of our choosing. */
function cliIn(cwd: string, args: string[], input = "") {
  const r = spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), ...args], {
    cwd,
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("config files: awaited or refused, never read as empty", () => {
  it.each([
    ["a promised default export is awaited", 'export default Promise.resolve({ frameworks: ["champ"] });', 0],
    [
      "export default await is awaited",
      'export default await Promise.resolve({ frameworks: ["champ"] });',
      0,
    ],
    ["a Map is refused", 'export default new Map([["frameworks", ["champ"]]]);', 1],
    ["an array is refused", 'export default [{ frameworks: ["champ"] }];', 1],
    ["null is refused", "export default null;", 1],
    ["throw null is named", "throw null;", 1],
    ["a throwing getter is named", 'export default { get frameworks() { throw new Error("boom"); } };', 1],
    ["no default export is named", 'export const frameworks = ["champ"];', 1],
  ])("%s", (_, source, code) => {
    const dir = tmp();
    writeFileSync(join(dir, "package.json"), "{}");
    writeFileSync(join(dir, "qualify.config.mjs"), source);
    writeFileSync(join(dir, "deal.json"), JSON.stringify(story));
    const r = cliIn(dir, ["score", "deal.json", "--format", "json", "--as-of", "2026-11-27"]);
    expect(r.code).toBe(code);
    if (code === 0)
      expect(JSON.parse(r.stdout).frameworks.map((f: { id: string }) => f.id)).toEqual(["champ"]);
    else expect(r.stderr).toContain("qualify.config.mjs");
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });

  it.each([
    [{ budget: { steps: "1000" } }, "budget.steps", "did you mean 1000?"],
    [{ compact: { questions: -3 } }, "compact.questions", "at least 0"],
    [{ operators: [null] }, "operators", "Unknown key"],
    [{ frameworks: "x" }, "frameworks", 'did you mean ["x"]?'],
    [{ framework: ["bant"] }, "framework", 'did you mean "frameworks"?'],
    [{ codegen: "true" }, "codegen", "did you mean true?"],
    [{ mode: "compile" }, "mode", 'did you mean "compiled"?'],
    [{ dealTimeout: 0 }, "dealTimeout", "greater than 0"],
  ])("a wrongly typed value %j is exit 1 with its path and the fix, never coerced", (config, path, hint) => {
    const dir = tmp();
    writeFileSync(join(dir, "qualify.config.json"), JSON.stringify(config));
    writeFileSync(join(dir, "deal.json"), JSON.stringify(story));
    const r = cliIn(dir, ["score", "deal.json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`qualify.config.json: ${path}:`);
    expect(r.stderr).toContain(hint);
  });

  it("a top-level await that never settles is an error naming the file after a bounded wait", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "qualify.config.mjs"), "await new Promise(() => {}); export default {};");
    const loaded = await loadConfigFile("qualify.config.mjs", dir, 200);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.issues[0]?.file).toBe("qualify.config.mjs");
      expect(loaded.issues[0]?.code).toBe("config-timeout");
    }
  });
});

describe("config lookup stops at the project root and names the config used", () => {
  it("a parent project's config never applies; the one used is in meta.config and --verbose", () => {
    const outer = tmp();
    writeFileSync(join(outer, "qualify.config.json"), JSON.stringify({ frameworks: ["champ"] }));
    const project = join(outer, "project");
    mkdirSync(join(project, "sub"), { recursive: true });
    writeFileSync(join(project, "package.json"), "{}");
    writeFileSync(join(project, "deal.json"), JSON.stringify(story));
    const none = cliIn(join(project, "sub"), ["score", "../deal.json", "--format", "json", "--verbose"]);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout).meta.config).toBeUndefined();
    expect(none.stderr).toContain("no config file");
    writeFileSync(join(project, "qualify.config.json"), JSON.stringify({ frameworks: ["spiced"] }));
    const used = cliIn(join(project, "sub"), ["score", "../deal.json", "--format", "json", "--verbose"]);
    const report = JSON.parse(used.stdout);
    expect(report.meta.config).toBe(join("..", "qualify.config.json"));
    expect(report.frameworks[0].id).toBe("spiced");
    expect(used.stderr).toContain(`config ${join("..", "qualify.config.json")}`);
    expect(Report.safeParse(report).success).toBe(true);
  });

  it("a deleted working directory is a clean error, not an internal one", () => {
    const dir = tmp();
    const r = spawnSync(
      "sh",
      ["-c", `cd "${dir}" && rmdir "${dir}" && "${process.execPath}" "${join(ROOT, "dist/cli.js")}" score -`],
      { encoding: "utf8", input: JSON.stringify(story) },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("working directory no longer exists");
  });
});

describe("options as data: the UDF and createQualifier are as strict as the CLI", () => {
  it.each([
    [{ asOf: 20261127 }, "asOf"],
    [{ asof: "2026-11-27" }, 'did you mean "asOf"?'],
    [{ framework: ["bant"] }, 'did you mean "frameworks"?'],
    [{ disable: "enthusiasm-gap" }, 'did you mean ["enthusiasm-gap"]?'],
    [{ compact: { question: 2 } }, 'did you mean "questions"?'],
    [{ asOf: "2026-02-30" }, "real day"],
  ])("qualifyJson with %j is an error naming the key", (options, text) => {
    const out = JSON.parse(qualifyJson(JSON.stringify(story), JSON.stringify(options)));
    expect(out.error).toBeDefined();
    const said = [
      out.error.message,
      ...out.error.issues.map((i: { path: string; message: string }) => `${i.path} ${i.message}`),
    ];
    expect(said.join("\n")).toContain(text);
  });

  it("createQualifier refuses a misspelt option, a path where a plugin belongs and a nameless plugin", () => {
    expect(() => createQualifier({ framworks: ["bant"] } as never)).toThrow(/did you mean "frameworks"/);
    expect(() => createQualifier({ plugins: ["./x.mjs"] } as never)).toThrow(/loadConfig/);
    expect(() => createQualifier({ plugins: [{ operators: [] }] } as never)).toThrow(/needs a name/);
  });
});

describe("history and diff: reports read as reports, dates unique, rule changes named first", () => {
  const q = createQualifier({ frameworks: ["bant"] });
  const report = q.evaluate(story as unknown, { asOf: "2026-11-27" });

  it("a stored report on a history line is read as the report, never as an empty deal", () => {
    const later = { asOf: "2026-12-04", deal: { ...story, stage: "evaluation" } };
    const h = history([report, later], { qualifier: q });
    expect(h.trend[0]?.scores.bant).toBe(report.frameworks[0]?.score);
    expect(h.trend[0]?.scores.bant).toBeGreaterThan(0);
  });

  it("two snapshots of one date are an error naming both lines, whatever their order", () => {
    const a = { asOf: "2026-11-27", deal: story };
    const b = { asOf: "2026-11-27", deal: { ...story, stage: "proposal" } };
    for (const order of [
      [a, b],
      [b, a],
    ])
      expect(() => history(order, { qualifier: q, lines: [3, 7] })).toThrow(/line 3 and line 7/);
  });

  it("the CLI names an invalid history line by its number in the file, blank lines counted", () => {
    const dir = tmp();
    const file = join(dir, "h.ndjson");
    writeFileSync(
      file,
      `\n${JSON.stringify({ asOf: "2026-11-27", deal: story })}\n\n{"asOf":"2026-12-01","deal":{"id":"x"}}\n`,
    );
    const r = cli(["diff", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("line 4");
  });

  it("reports made by different rules: said first, and score changes are not deal progress", () => {
    const other = createQualifier({
      frameworks: [
        { id: "bant", name: "BANT", extends: "bant", replaces: true, criteria: [{ id: "need", weight: 9 }] },
      ],
    });
    const after = other.evaluate(story as unknown, { asOf: "2026-12-04" });
    const c = compare(report, after, { qualifier: q });
    expect(c.rulesChanged?.frameworks).toContain("bant");
    expect(c.frameworks[0]?.rulesChanged).toBe(true);
    const dir = tmp();
    writeFileSync(join(dir, "a.json"), JSON.stringify(report));
    writeFileSync(join(dir, "b.json"), JSON.stringify(after));
    const r = cli(["diff", join(dir, "a.json"), join(dir, "b.json")]);
    expect(r.stdout.split("\n")[1]).toMatch(/^Rules changed/);
    expect(r.stdout).toContain("not deal progress");
  });

  it("an invalid stored report names the file, the path and the reason", () => {
    const dir = tmp();
    const bad = { ...report, frameworks: [{ ...report.frameworks[0], score: "high" }] };
    writeFileSync(join(dir, "a.json"), JSON.stringify(bad));
    writeFileSync(join(dir, "b.json"), JSON.stringify(report));
    const r = cli(["diff", join(dir, "a.json"), join(dir, "b.json")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("a.json: frameworks[0].score:");
  });
});

describe("calibration counts deals, refuses leakage and never overwrites its input", () => {
  const lines = plantedHistory(240, { budget: 2, authority: 2, need: 0, timeline: 0 }, -2, 7);

  it("repeated snapshots of one deal count once, at the last one on or before --as-of; blank lines are nothing", () => {
    const dir = tmp();
    const file = join(dir, "h.ndjson");
    const early = lines.map((l) => JSON.stringify({ ...l, asOf: "2026-01-01" }));
    const late = lines.map((l) => JSON.stringify({ ...l, asOf: "2026-03-01" }));
    writeFileSync(file, `${early.join("\n")}\n\n\n${late.join("\n")}\n`);
    const r = cli(["calibrate", file, "--framework", "bant", "--as-of", "2026-06-01", "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sample.won + out.sample.lost).toBe(240);
    expect(out.sample.skipped).toBe(0);
    expect(out.warnings.join(" ")).toContain("480 snapshots were of 240 deals");
  });

  it("too few distinct deals is refused even with many lines", () => {
    const dir = tmp();
    const file = join(dir, "h.ndjson");
    const few = lines.slice(0, 60);
    writeFileSync(
      file,
      `${[1, 2, 3].flatMap((d) => few.map((l) => JSON.stringify({ ...l, asOf: `2026-01-0${d}` }))).join("\n")}\n`,
    );
    const r = cli(["calibrate", file, "--framework", "bant", "--as-of", "2026-06-01"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("found 60 distinct deals");
  });

  it("snapshots at closed stages are refused as leakage, with the count and the fix", () => {
    const dir = tmp();
    const file = join(dir, "h.ndjson");
    const leaky = lines.map((l, i) =>
      JSON.stringify(i % 10 === 0 ? { ...l, deal: { ...(l.deal as object), stage: "closed-won" } } : l),
    );
    writeFileSync(file, `${leaky.join("\n")}\n`);
    const r = cli(["calibrate", file, "--framework", "bant", "--as-of", "2026-06-01"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/24 snapshots were taken at a closed stage/);
    expect(r.stderr).toContain("before it closed");
  });

  it("--out naming the input is refused before anything is written", () => {
    const dir = tmp();
    const file = join(dir, "h.ndjson");
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    const before = readFileSync(file, "utf8");
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "dist/cli.js"), "calibrate", "h.ndjson", "--framework", "bant", "--out", "./h.ndjson"],
      { cwd: dir, encoding: "utf8" },
    );
    expect(r.status).toBe(2);
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});

describe("money: a currency is an ISO 4217 code", () => {
  it.each([
    ["eur", "EUR"],
    ["EUR ", "EUR"],
    ["€", "EUR"],
    ["usd", "USD"],
    ["£", "GBP"],
  ])("%j is an input error suggesting %s", (currency, suggestion) => {
    const r = safeParseDeal({ id: "d", name: "D", amount: { value: 10, currency } });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.issues[0]?.path).toBe("amount.currency");
      expect(r.issues[0]?.suggestion).toBe(suggestion);
    }
  });

  it("CRM imports read a lower-case code as the code, with a warning", () => {
    const records = readJson("examples/crm/hubspot/harbor-renewal.records.json") as {
      deal: { properties: Record<string, unknown> };
    };
    const copy = structuredClone(records);
    copy.deal.properties.deal_currency_code = "eur";
    const r = safeFromHubSpot(copy);
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.deal.amount?.currency).toBe("EUR");
      expect(r.data.warnings.some((w) => w.code === "invalid-currency")).toBe(true);
    }
  });
});

describe("inputs that change while read are read once", () => {
  it("a getter that answers differently each time scores what was validated", () => {
    let reads = 0;
    const deal = {
      ...story,
      get id() {
        reads += 1;
        return reads === 1 ? "first" : { not: "a string" };
      },
    };
    const r = createQualifier().safeEvaluate(deal, { asOf: "2026-11-27" });
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.deal.id).toBe("first");
      expect(Report.safeParse(r.data).success).toBe(true);
    }
  });

  it("a Proxy whose trap throws is an issue with its path, not a throw", () => {
    const stakeholder = new Proxy(
      { id: "a", name: "A" },
      {
        get() {
          throw new Error("trap");
        },
      },
    );
    const r = createQualifier().safeEvaluate({ id: "d", name: "D", stakeholders: [stakeholder] });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.path).toBe("stakeholders[0].id");
  });
});

describe("plugins cannot lose output or leak their objects", () => {
  const lines = (names: string[]) => names.map((n, i) => JSON.stringify({ id: `d${i}`, name: n })).join("\n");
  const score = (input: string, extra: string[] = []) =>
    cli(
      [
        "score",
        "-",
        "--ndjson",
        "--plugin",
        ATTACKER,
        "--framework",
        "attacker",
        "--as-of",
        "2026-11-27",
        ...extra,
      ],
      { input },
    );

  it("process.exit(0) from a plugin mid-run exits 70 and says so", () => {
    const r = score(lines(["a", "Exit", "c"]));
    expect(r.code).toBe(70);
    expect(r.stderr).toContain("before it finished");
  });

  it.each([["Cycle"], ["Huge"]])(
    "a %s evidence value fails its line, naming the rule; the others are written",
    (name) => {
      const r = score(lines(["a", name, "c"]));
      const out = r.stdout.trim().split("\n");
      expect(out).toHaveLength(3);
      expect(JSON.parse(out[1] as string).error.issues[0].path).toBe("rules.attacker");
      expect(out[1]?.length).toBeLessThan(2000);
      expect(JSON.parse(out[2] as string).deal.id).toBe("d2");
    },
  );

  it("a deal that never returns fails its line after --deal-timeout; every other line is written, in order", () => {
    const r = score(lines(["a", "b", "Hang", "c", "d"]), ["--workers", "2", "--deal-timeout", "2"]);
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[2].error.issues[0].code).toBe("deal-timeout");
    expect([0, 1, 3, 4].map((i) => out[i].deal.id)).toEqual(["d0", "d1", "d3", "d4"]);
  });

  it("a plugin that fails only in workers stops the pool after two starts, said once", () => {
    const input = lines(Array.from({ length: 40 }, (_, i) => `n${i}`));
    const r = cli(
      ["score", "-", "--ndjson", "--workers", "2", "--plugin", ATTACKER, "--framework", "attacker"],
      {
        input,
        env: { QUALIFY_ATTACK_WORKER_ONLY: "1" },
      },
    );
    expect(r.code).toBe(1);
    expect(r.stderr.match(/worker threads failed to start/g)).toHaveLength(1);
    expect(r.stderr).toContain("attacker fails in workers");
  });

  it("evidence is a copy: a plugin changing its object later changes no report", async () => {
    const plugin = (await import(ATTACKER)).default;
    const r = createQualifier({ frameworks: ["attacker"], plugins: [plugin] }).evaluate({
      id: "d",
      name: "Leak",
    });
    await new Promise((done) => setTimeout(done, 5));
    expect(r.frameworks[0]?.criteria[0]?.evidence[0]?.value).toEqual({ said: "yes" });
  });
});

describe("import --ndjson: one bad line is its own error record", () => {
  it("the other record sets are still imported", () => {
    const set = JSON.stringify(readJson("examples/crm/hubspot/harbor-renewal.records.json"));
    const r = cli(["import", "hubspot", "-", "--ndjson"], { input: `${set}\n{not json\n${set}\n` });
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[1]).toMatchObject({ line: 2 });
    expect(out[2].id).toBe(out[0].id);
  });
});

describe("import: warnings capped per record set", () => {
  it("150 contacts with unknown roles print 100 warnings and one line for the rest", () => {
    const records = readJson("examples/crm/hubspot/quill-startup.records.json") as {
      contacts: Array<{ id: string; properties: Record<string, unknown> }>;
    };
    const c0 = records.contacts[0] as { id: string; properties: Record<string, unknown> };
    records.contacts = Array.from({ length: 150 }, (_, i) => ({
      ...c0,
      id: `9${i}`,
      properties: { ...c0.properties, hs_object_id: `9${i}`, hs_buying_role: `Weird${i}` },
    }));
    // hs_buying_role believed (trustContactRoles), so that each unknown value is a warning of its own.
    const mapping = join(mkdtempSync(join(tmpdir(), "qualify-map-")), "mapping.json");
    writeFileSync(mapping, JSON.stringify({ trustContactRoles: true }));
    const r = cli(["import", "hubspot", "-", "--mapping", mapping], { input: JSON.stringify(records) });
    expect(r.code).toBe(0);
    const listed = r.stderr.split("\n").filter((l) => l.includes("warning:"));
    expect(listed).toHaveLength(100);
    expect(r.stderr).toMatch(/and \d+ more warnings left out/);
  });
});

describe("code generation: bounded nesting, the closures' answers", () => {
  it("an or of 1,000 comparisons compiles and agrees", () => {
    const rule = { or: Array.from({ length: 1000 }, (_, i) => ({ "==": [{ var: "x" }, i] })) };
    const [gen, closures] = [compileLogic(rule, { codegen: true }), compileLogic(rule)];
    for (const x of [0, 999, 1000]) expect(gen({ x })).toBe(closures({ x }));
  });

  it("property: deep chains of ! and and (to 300 levels) agree with the closures", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("!", "and", "or", "if"), { minLength: 1, maxLength: 300 }),
        fc.boolean(),
        (ops, x) => {
          let rule: unknown = { var: "x" };
          for (const op of ops)
            rule = op === "!" ? { "!": [rule] } : op === "if" ? { if: [rule, 1, 0] } : { [op]: [rule, true] };
          expect(compileLogic(rule, { codegen: true })({ x })).toEqual(compileLogic(rule)({ x }));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("terminal output: file names are escaped", () => {
  it.each([["score"], ["calibrate"]])("%s escapes a hostile file name", (command) => {
    const name = "no\u001b]0;pwned\u0007such.json";
    const args = command === "calibrate" ? [command, name, "--framework", "bant"] : [command, name];
    const r = cli(args);
    expect(r.stderr).not.toContain("\u001b");
    expect(r.stderr).toContain("\\u001b");
  });
});
