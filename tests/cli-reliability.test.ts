import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "./support/helpers.js";

const story = readFileSync(`${ROOT}/examples/deals/story-alice.json`, "utf8");
const tmp = `${ROOT}/.bench-tmp/cli-reliability-${process.pid}`;
mkdirSync(tmp, { recursive: true });
const hostile = "tests/fixtures/plugins/hostile.mjs";
const deal = (name: string, i: number) => JSON.stringify({ id: `d${i}`, name, stage: "discovery" });

describe("input files as people make them", () => {
  it("a .json file with a UTF-8 byte-order mark scores", () => {
    writeFileSync(`${tmp}/bom.json`, `\uFEFF${story}`);
    const run = cli(["score", `${tmp}/bom.json`, "--as-of", "2026-11-27"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Who's involved in making this decision?");
  });

  it("invalid UTF-8 is an error that says so, never silently replaced", () => {
    writeFileSync(`${tmp}/latin1.json`, Buffer.from('{"id":"d","name":"Caf\xe9"}', "latin1"));
    const run = cli(["score", `${tmp}/latin1.json`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("not valid UTF-8 text (first bad byte at offset 22)");
  });

  it("a YAML 1.1 date stays a string (core schema)", () => {
    writeFileSync(`${tmp}/d.yaml`, "%YAML 1.1\n---\nid: d\nname: D\ntimeline:\n  decisionBy: 2026-12-01\n");
    const run = cli(["score", `${tmp}/d.yaml`, "--as-of", "2026-11-27", "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("empty stdin says there was no input", () => {
    const run = cli(["score", "-"], { input: "" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("-: no input: stdin was empty");
  });

  it("writing to a full disk is an error (exit 1), not a silent success", () => {
    const run = spawnSync(
      "sh",
      ["-c", `node dist/cli.js score examples/deals/story-alice.json > /dev/full`],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("cannot write the output: ENOSPC");
  });
});

describe("NDJSON: one output line per input line, in order, always", () => {
  // Good deals, invalid deals, lines that are not JSON, blank lines, bad UTF-8, a deal whose plugin
  // operator throws, and one that kills the thread it runs on.
  const kinds = fc.constantFrom("good", "invalid", "garbage", "blank", "latin1", "throw", "die");
  const line = (kind: string, i: number): Buffer => {
    switch (kind) {
      case "good":
        return Buffer.from(deal(`Deal ${i}`, i));
      case "invalid":
        return Buffer.from(JSON.stringify({ id: i, name: "bad" }));
      case "garbage":
        return Buffer.from("{not json");
      case "blank":
        return Buffer.from("");
      case "latin1":
        return Buffer.from(`{"id":"x","name":"Caf\xe9"}`, "latin1");
      case "throw":
        return Buffer.from(deal("Throw", i));
      default:
        return Buffer.from(deal("Die", i));
    }
  };
  const run = (input: Buffer, workers: boolean) =>
    spawnSync(
      process.execPath,
      [
        "dist/cli.js",
        "score",
        "--ndjson",
        "-",
        "--as-of",
        "2026-11-27",
        "--plugin",
        hostile,
        "-f",
        "hostile",
        ...(workers ? ["--workers", "2"] : []),
      ],
      { cwd: ROOT, input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );

  it.each([false, true])("workers: %s", (workers) => {
    fc.assert(
      fc.property(fc.array(kinds, { minLength: 1, maxLength: 40 }), fc.boolean(), (plan, crlf) => {
        // Without workers a dying plugin would take the whole process with it: that case is for workers.
        const used = workers ? plan : plan.map((k) => (k === "die" ? "throw" : k));
        const input = Buffer.concat(
          used.flatMap((k, i) => [line(k, i + 1), Buffer.from(crlf ? "\r\n" : "\n")]),
        );
        const result = run(input, workers);
        const out = result.stdout.trimEnd().split("\n");
        expect(out).toHaveLength(used.length);
        out.forEach((text, i) => {
          const record = JSON.parse(text);
          if (used[i] === "good") expect(record.deal.id).toBe(`d${i + 1}`);
          else expect(record.line).toBe(i + 1);
        });
        expect(result.status).toBe(used.every((k) => k === "good") ? 0 : 1);
      }),
      { numRuns: workers ? 8 : 12, seed: 20261128 },
    );
  });

  it("a throwing rule at line 700 of 1,000 with --workers 2: 1,000 lines, the failure named, exit 1", () => {
    const lines = Array.from({ length: 1000 }, (_, i) => deal(i === 699 ? "Throw" : `Deal ${i + 1}`, i + 1));
    const result = run(Buffer.from(`${lines.join("\n")}\n`), true);
    const out = result.stdout.trimEnd().split("\n");
    expect(out).toHaveLength(1000);
    const record = JSON.parse(out[699] as string);
    expect(record).toMatchObject({
      line: 700,
      error: {
        message: "evaluation failed",
        issues: [{ path: "frameworks.hostile.criteria.c", code: "rule-failed" }],
      },
    });
    expect(record.error.issues[0].message).toContain('failed on deal "d700": hostile operator threw');
    expect(result.status).toBe(1);
  });
});
