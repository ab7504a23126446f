import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { dealJsonSchema, safeParseDeal } from "../src/index.js";
import { cli, ROOT } from "./support/helpers.js";

// The stream contract engines need (docs/cli.md, docs/engines.md): the row echo, error records with the
// deal's id, --keep-going, one line per report for every splitter, SQL nulls as unknown.
const ATTACKER = join(ROOT, "tests/fixtures/plugins/attacker.mjs");
const asOf = "2026-11-27";
const score = (input: string, extra: string[] = []) =>
  cli(["score", "-", "--ndjson", "--as-of", asOf, "--compact", "--questions", "1", ...extra], { input });
const parsed = (stdout: string) =>
  stdout
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l));
const pretty = JSON.stringify({ id: "p1", name: "Pretty" }, null, 2);

describe("the row echo: {row, deal} in, the same row first in every output line", () => {
  it.each([
    ["a number", 17],
    ["a string", "r-17"],
    ["an object (a composite key)", { shard: 3, key: [1, "a"] }],
    ["null", null],
  ])("row as %s, deal as an object and as JSON text (pretty-printed, line breaks inside)", (_, row) => {
    const input = [
      JSON.stringify({ row, deal: { id: "a", name: "A" } }),
      JSON.stringify({ row, deal: pretty }),
      JSON.stringify({ deal: { id: "b", name: "B" }, row }),
    ].join("\n");
    const r = score(input);
    expect(r.code).toBe(0);
    const out = parsed(r.stdout);
    expect(out.map((o) => o.row)).toEqual([row, row, row]);
    expect(out.map((o) => o.deal.id)).toEqual(["a", "p1", "b"]);
    for (const line of r.stdout.trimEnd().split("\n")) expect(line.startsWith('{"row":')).toBe(true);
  });

  it("a bad row keeps its row and its deal id; the lines after it keep theirs (no shift)", () => {
    const input = [
      JSON.stringify({ row: 1, deal: { id: "a", name: "A" } }),
      JSON.stringify({ row: 2, deal: { id: "b", name: "B", stage: "proposl" } }),
      JSON.stringify({ row: 3, deal: "{not json" }),
      JSON.stringify({ row: 4, deal: { name: "no id" } }),
      JSON.stringify({ row: 5, deal: { id: "e", name: "E" } }),
    ].join("\n");
    const out = parsed(score(input).stdout);
    expect(out.map((o) => o.row)).toEqual([1, 2, 3, 4, 5]);
    expect(out[1]).toMatchObject({ row: 2, line: 2, id: "b", error: { message: "invalid deal" } });
    expect(out[2].error.message).toMatch(/"deal" is text that is not valid JSON/);
    expect(out[3].id).toBeUndefined();
    expect(out[4].deal.id).toBe("e");
  });

  it("a deal that is not an envelope is a deal: an object with row and deal and anything else is validated as one", () => {
    const out = parsed(score(JSON.stringify({ row: 1, deal: {}, id: "x", name: "X" })).stdout);
    expect(out[0].error.issues.map((i: { path: string }) => i.path)).toEqual(["row", "deal"]);
    expect(out[0].row).toBeUndefined();
    expect(out[0].id).toBe("x");
  });

  it("with --workers, a deal that kills or outlasts its worker keeps its row and id", () => {
    const input = ["a", "Hang", "c"]
      .map((name, i) => JSON.stringify({ row: `r${i}`, deal: { id: `d${i}`, name } }))
      .join("\n");
    const r = score(input, [
      "--plugin",
      ATTACKER,
      "--framework",
      "attacker",
      "--workers",
      "2",
      "--deal-timeout",
      "3",
    ]);
    // A generous limit: a busy machine must not time out the deals that do return.
    expect(r.stdout.trim().split("\n"), r.stderr).toHaveLength(3);
    const out = parsed(r.stdout);
    expect(out.map((o) => o.row)).toEqual(["r0", "r1", "r2"]);
    expect(out[1]).toMatchObject({ row: "r1", id: "d1", error: { issues: [{ code: "deal-timeout" }] } });
  });
});

describe("exit codes and --keep-going", () => {
  const mixed = [JSON.stringify({ id: "a", name: "A" }), "{not json", JSON.stringify({ id: "b" })].join("\n");
  it.each([
    [[], 1],
    [["--keep-going"], 0],
    [["--keep-going", "--workers", "2"], 0],
  ])("per-line failures with %j exit %i, and every line has its record", (flags, code) => {
    const r = score(mixed, flags as string[]);
    expect(r.code).toBe(code);
    expect(parsed(r.stdout)).toHaveLength(3);
  });

  it("keepGoing in a config file does the same", () => {
    const dir = mkdtempSync(join(tmpdir(), "qualify-keep-"));
    const config = join(dir, "qualify.config.json");
    writeFileSync(config, JSON.stringify({ keepGoing: true }));
    expect(score(mixed, ["--config", config]).code).toBe(0);
    writeFileSync(config, JSON.stringify({ keepGoing: "yes" }));
    const bad = score(mixed, ["--config", config]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/keepGoing/);
  });

  it("a run that could not finish still exits non-zero with --keep-going", () => {
    const r = cli(["score", "missing.ndjson", "--ndjson", "--keep-going"]);
    expect(r.code).toBe(1);
    const exit = score(JSON.stringify({ id: "d0", name: "Exit" }), [
      "--plugin",
      ATTACKER,
      "--framework",
      "attacker",
      "--keep-going",
    ]);
    expect(exit.code).toBe(70);
  });
});

describe("one line per report for every line splitter", () => {
  it("U+2028, U+2029 and U+0085 in a deal come out escaped: splitlines() sees one line per report", () => {
    const name = "Line\u2028Para\u2029Next\u0085End";
    const r = score(
      `${JSON.stringify({ row: 1, deal: { id: "u", name } })}\n${JSON.stringify({ id: "v", name, stage: 3 })}`,
    );
    for (const char of ["\u2028", "\u2029", "\u0085"]) expect(r.stdout).not.toContain(char);
    expect(r.stdout).toContain("\\u2028");
    const out = parsed(r.stdout);
    expect(out[0].deal.name).toBe(name);
    expect(out[1].error.message).toBe("invalid deal");
    // What Python's str.splitlines() splits on, besides \n: none is in the output, so one line is one report.
    for (const code of [0x0d, 0x0b, 0x0c, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029])
      expect(r.stdout).not.toContain(String.fromCharCode(code));
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(2);
  });
});

describe("SQL nulls are unknown", () => {
  const withNulls = {
    id: "n1",
    name: "From SQL",
    stage: null,
    amount: { value: 1000, currency: null },
    account: null,
    stakeholders: [{ id: "s1", name: "S", roles: null, engaged: true, lastContact: null }],
    timeline: { decisionBy: null, decisionByHistory: null },
    custom: { tier: null },
  };
  it("null on an optional field is absent: the model, the CLI and the JSON Schema agree", () => {
    const result = safeParseDeal(withNulls);
    expect(result.success).toBe(true);
    if (result.success)
      expect(result.data).toEqual({
        id: "n1",
        name: "From SQL",
        amount: { value: 1000 },
        stakeholders: [{ id: "s1", name: "S", engaged: true }],
        timeline: {},
        custom: {},
      });
    expect(score(JSON.stringify(withNulls)).code).toBe(0);
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(dealJsonSchema());
    expect(validate(withNulls), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ["a required field", { id: null, name: "N" }, "id"],
    ["a list item", { id: "d", name: "N", stakeholders: [null] }, "stakeholders[0]"],
    [
      "a role in a list",
      { id: "d", name: "N", stakeholders: [{ id: "s", name: "S", roles: [null] }] },
      "stakeholders[0].roles[0]",
    ],
  ])("null in %s stays an error, with its path", (_, deal, path) => {
    const result = safeParseDeal(deal);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => i.path)).toContain(path);
    const validate = new Ajv2020({ strict: false }).compile(dealJsonSchema());
    expect(validate(deal)).toBe(false);
  });

  it("nulls nested past the depth a deal may have: an issue naming the depth, never a crash", () => {
    let deep: unknown = null;
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    const result = safeParseDeal({ id: "d", name: "N", custom: { deep } });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]?.path).toMatch(/^custom\.deep/);
  });
});
