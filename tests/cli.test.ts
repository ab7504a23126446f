import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import pkg from "../package.json" with { type: "json" };
import { makeStyle } from "../src/cli/style.js";
import { cli, ROOT } from "./support/helpers.js";

const story = "examples/deals/story-alice.json";
const storyText = readFileSync(`${ROOT}/${story}`, "utf8");
const ESC = "\u001b[";

describe("qualify score", () => {
  it("prints the text report for a person", () => {
    const run = cli(["score", story, "--as-of", "2026-11-27"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("BANT  25/100");
    expect(run.stdout).toContain("? Authority");
    expect(run.stdout).toContain("1. Who's involved in making this decision?  -> Alice Moreno");
    expect(run.stdout).not.toContain(ESC);
    expect(run.stderr).toBe("");
  });

  it("--format json prints the Report and nothing else", () => {
    const run = cli(["score", story, "--as-of", "2026-11-27", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      JSON.parse(readFileSync(`${ROOT}/examples/reports/story-alice.json`, "utf8")),
    );
  });

  it("--trace shows what each rule saw and returned", () => {
    const run = cli([
      "score",
      story,
      "--as-of",
      "2026-11-27",
      "--format",
      "json",
      "--trace",
      "--framework",
      "bant",
    ]);
    expect(run.code).toBe(0);
    const authority = JSON.parse(run.stdout).frameworks[0].criteria[1];
    expect(
      authority.trace.map((t: { status: string; when: { result: unknown } }) => [t.status, t.when.result]),
    ).toEqual([
      ["unmet", 0], // nobody who decides is against the deal
      ["met", 0], // nobody who decides is engaged
      ["partial", 0], // nobody claims to decide above their approval limit
      ["partial", 0], // no partner or advisor claims to decide
      ["partial", 0], // nobody who decides was lost
      ["partial", 0], // nobody is known to decide
      ["partial", false], // Alice does not report to an executive on record
    ]);
    expect(cli(["score", story, "--trace"]).code).toBe(2);
  });

  it("--format markdown is for a CRM note", () => {
    const run = cli(["score", story, "--as-of", "2026-11-27", "--format", "markdown"]);
    expect(run.stdout).toMatch(/^## Hosting for the line-of-business platform/);
    expect(run.stdout).toContain("| ? | Authority | unknown |");
    expect(run.stdout).toContain("1. **Who's involved in making this decision?** (ask Alice Moreno)");
  });

  it("reads stdin, JSON or YAML by content", () => {
    expect(cli(["score", "-", "--as-of", "2026-11-27", "--format", "json"], { input: storyText }).code).toBe(
      0,
    );
    const yaml = "id: y1\nname: From YAML\nstakeholders:\n  - id: a\n    name: Ann\n    engaged: true\n";
    const run = cli(["score", "-", "--as-of", "2026-11-27", "--format", "json"], { input: yaml });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).deal).toEqual({ id: "y1", name: "From YAML" });
  });

  it("reads a .yaml file", () => {
    const run = cli([
      "score",
      "tests/fixtures/deals/yaml-deal.yaml",
      "--as-of",
      "2026-11-27",
      "--format",
      "json",
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings.map((f: { id: string }) => f.id)).toContain("brand-competitor");
  });

  it("--framework picks frameworks by id and by file", () => {
    const run = cli([
      "score",
      story,
      "--as-of",
      "2026-11-27",
      "--format",
      "json",
      "--framework",
      "spin,examples/frameworks/acme-meddpicc.json",
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).frameworks.map((f: { id: string }) => f.id)).toEqual([
      "spin",
      "acme-meddpicc",
    ]);
  });

  it("an invalid deal: exit 1, every problem by path on stderr, nothing on stdout", () => {
    const run = cli(["score", "-"], {
      input: JSON.stringify({ id: "x", name: "X", stakeholder: [], stage: "won" }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('stakeholder: Unknown field "stakeholder"; did you mean "stakeholders"?');
    expect(run.stderr).toContain("stage: Expected one of");
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it.each([
    [["score", "missing.json"], 1, "missing.json: no such file"],
    [["score", "-"], 1, "not valid JSON or YAML"],
    [["score"], 2, "score takes one deal file"],
    [["score", story, "--format", "pdf"], 2, "--format must be text, json or markdown"],
    [["score", story, "--as-of", "yesterday"], 2, "--as-of must be a real day written YYYY-MM-DD"],
    [["score", story, "--as-of", "2026-02-30"], 2, "--as-of must be a real day written YYYY-MM-DD"],
    [["score", story, "--as-of="], 2, '--as-of must be a real day written YYYY-MM-DD; got ""'],
    [["score", story, "-f", ",,,"], 2, "--framework names no framework"],
    [["score", "--ndjson", story, "--workers", "0x2"], 2, "--workers must be a whole number"],
    [["score", "--ndjson", story, "--workers", "0"], 2, "--workers must be a whole number"],
    [["score", "--ndjson", "examples"], 1, "examples: is a directory, not a file"],
    [["score", "examples"], 1, "examples: is a directory, not a file"],
    [["docs", "README.md"], 1, "README.md: cannot write the pages there"],
    [["score", story, "--framework", "medpicc"], 1, 'did you mean "meddpicc"'],
    [["score", story, "--bogus"], 2, "Unknown option '--bogus'"],
    [["frobnicate"], 2, 'unknown command "frobnicate"'],
    [[], 2, "Usage:"],
  ])("qualify %j exits %i", (args, code, message) => {
    const run = cli(args, { input: args[1] === "-" ? "{not json" : "" });
    expect(run.code).toBe(code);
    expect(run.stderr + (code === 2 && args.length === 0 ? run.stdout : "")).toContain(message);
  });
});

describe("qualify score --ndjson", () => {
  it("one report per line, an error record for a bad line, and the run goes on", () => {
    const lines = [
      JSON.stringify({ id: "a", name: "A" }),
      "{ this is not json",
      JSON.stringify({ id: "c", name: "C", stage: "nope" }),
      JSON.stringify({ id: "d", name: "D" }),
    ];
    const run = cli(["score", "--ndjson", "-", "--as-of", "2026-11-27"], { input: `${lines.join("\n")}\n` });
    expect(run.code).toBe(1);
    const out = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0].deal.id).toBe("a");
    expect(out[1]).toMatchObject({ line: 2, error: { message: expect.stringContaining("not valid JSON") } });
    expect(out[2]).toMatchObject({
      line: 3,
      error: { message: "invalid deal", issues: [expect.objectContaining({ path: "stage" })] },
    });
    expect(out[3].deal.id).toBe("d");
  });

  it("exit 0 when every line is good, from a file", () => {
    const run = cli(["score", "--ndjson", "tests/fixtures/deals/three.ndjson", "--as-of", "2026-11-27"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(3);
  });
});

// `script` (util-linux) runs the command on a pseudo-terminal, so stderr is a TTY as for a person.
const hasScript = spawnSync("sh", ["-c", "command -v script"]).status === 0;

describe("progress on a terminal", () => {
  it.skipIf(!hasScript)("a progress line on stderr when it is a TTY, none otherwise", () => {
    const lines = Array.from({ length: 1200 }, (_, i) => JSON.stringify({ id: `d${i}`, name: "D" })).join(
      "\n",
    );
    const file = `${ROOT}/.bench-tmp/progress-${process.pid}.ndjson`;
    mkdirSync(`${ROOT}/.bench-tmp`, { recursive: true });
    writeFileSync(file, `${lines}\n`);
    const tty = spawnSync(
      "script",
      ["-qec", `node dist/cli.js score --ndjson ${file} --as-of 2026-11-27 > /dev/null`, "/dev/null"],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(tty.stdout).toContain("1000 deals, 0 failed");
    expect(tty.stdout).toContain("1200 deals, 0 failed");
    const piped = cli(["score", "--ndjson", file, "--as-of", "2026-11-27"]);
    expect(piped.stderr).toBe("");
  });
});

describe("qualify validate", () => {
  it("valid deals and frameworks: exit 0", () => {
    const run = cli(["validate", story, "frameworks/bant.json", "examples/frameworks/acme-meddpicc.json"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("frameworks/bant.json: valid framework");
  });

  it("every problem with its file, path and a did you mean", () => {
    const run = cli([
      "validate",
      "tests/fixtures/invalid/typo-framework.json",
      "tests/fixtures/invalid/dangling-deal.json",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'tests/fixtures/invalid/typo-framework.json: criteria[0].status[0].when.var: Unknown path "budget.staus": "staus" is not a field of budget; did you mean "budget.status"?',
    );
    expect(run.stderr).toContain(
      'tests/fixtures/invalid/dangling-deal.json: stakeholders[0].reportsTo: "bobb" names no stakeholder; did you mean "bob"?',
    );
  });

  it("needs a file", () => {
    expect(cli(["validate"]).code).toBe(2);
  });
});

describe("qualify frameworks and docs", () => {
  it("lists the built-ins", () => {
    const run = cli(["frameworks"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(12);
  });

  it("shows one", () => {
    const run = cli(["frameworks", "scotsman"]);
    expect(run.stdout).toContain("# SCOTSMAN (`scotsman`)");
    expect(run.stdout).toContain('unknown is "don\'t know enough"');
  });

  it("an unknown id is a usage error", () => {
    expect(cli(["frameworks", "nope"]).code).toBe(2);
  });

  it("docs writes a page per framework, the user's own included", () => {
    const dir = `${ROOT}/.bench-tmp/docs-${process.pid}`;
    const run = cli(["docs", dir, "--framework", "examples/frameworks/acme-meddpicc.json"]);
    expect(run.code).toBe(0);
    expect(readFileSync(`${dir}/acme-meddpicc.md`, "utf8")).toContain(
      "### Security review (`acme-meddpicc/security-review`)",
    );
    expect(readFileSync(`${dir}/README.md`, "utf8")).toContain("## Crosswalk");
  });
});

describe("help and version", () => {
  it.each(["score", "validate", "frameworks", "docs"])("qualify %s --help", (command) => {
    const run = cli([command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`qualify ${command}`);
  });
  it("--version", () => {
    expect(cli(["--version"]).stdout.trim()).toBe(pkg.version);
  });
});

describe("colour on a terminal, as a user sees it", () => {
  const onTty = (noColor: boolean) => {
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: "xterm" };
    delete env.NO_COLOR;
    if (noColor) env.NO_COLOR = "1";
    return spawnSync("script", ["-qec", `node dist/cli.js score ${story} --as-of 2026-11-27`, "/dev/null"], {
      cwd: ROOT,
      encoding: "utf8",
      env,
    }).stdout;
  };
  it.skipIf(!hasScript)("coloured on a TTY, plain with NO_COLOR", () => {
    expect(onTty(false)).toContain(ESC);
    const plain = onTty(true);
    expect(plain).not.toContain(ESC);
    expect(plain).toContain("Who's involved in making this decision?");
  });
});

describe("colour", () => {
  it("only on a terminal, never with NO_COLOR", () => {
    expect(makeStyle({ isTTY: true }, {}).red("x")).toContain(ESC);
    expect(makeStyle({ isTTY: true }, { NO_COLOR: "1" }).red("x")).toBe("x");
    expect(makeStyle({ isTTY: false }, {}).red("x")).toBe("x");
  });
});
