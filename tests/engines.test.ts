import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { DuckDBInstance, DuckDBScalarFunction, VARCHAR } from "@duckdb/node-api";
import { getQuickJS } from "quickjs-emscripten";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ROOT } from "./support/helpers.js";

// qualify inside the engines teams already run (docs/engines.md): DuckDB calling the built library and
// dist/udf.js as scalar SQL functions, and dist/udf.js in QuickJS (no Node, no V8). Each gives the CLI's
// report, byte for byte, for every example deal.
const asOf = "2026-11-27";
const files = readdirSync(`${ROOT}/examples/deals`)
  .filter((f) => f.endsWith(".json"))
  .sort();
// The deal files as engines hold them: pretty-printed JSON text, line breaks and all.
const texts = files.map((f) => readFileSync(`${ROOT}/examples/deals/${f}`, "utf8"));
const udfCode = readFileSync(`${ROOT}/dist/udf.js`, "utf8");

/** The CLI's report line for each example deal (NDJSON: one line per deal). */
function cliLines(): string[] {
  const input = texts.map((t) => JSON.stringify(JSON.parse(t))).join("\n");
  const run = cli(["score", "-", "--ndjson", "--as-of", asOf], { input: `${input}\n` });
  expect(run.code).toBe(0);
  return run.stdout.trimEnd().split("\n");
}

describe("DuckDB (@duckdb/node-api): scalar SQL functions", () => {
  let expected: string[];
  let instance: DuckDBInstance;
  let rows: (sql: string) => Promise<unknown[][]>;

  beforeAll(async () => {
    expected = cliLines();
    const { createQualifier } = await import(`${ROOT}/dist/index.js`);
    const qualifier = createQualifier();
    // dist/udf.js as one more script in DuckDB's own process: it sets globalThis.qualifyJson.
    const sandbox = createContext({});
    runInContext(udfCode, sandbox);
    const qualifyJson = sandbox.qualifyJson as (deal: string, options: string) => string;
    instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const scalar = (name: string, score: (deal: string) => string) =>
      connection.registerScalarFunction(
        DuckDBScalarFunction.create({
          name,
          mainFunction: (_info, input, output) => {
            const deals = input.getColumnVector(0);
            for (let i = 0; i < input.rowCount; i++) output.setItem(i, score(deals.getItem(i) as string));
            output.flush();
          },
          returnType: VARCHAR,
          parameterTypes: [VARCHAR],
        }),
      );
    // `qualify` is a clause in DuckDB (as in Snowflake and BigQuery): the function is qualify_deal.
    scalar("qualify_deal", (deal) => {
      const result = qualifier.safeEvaluate(JSON.parse(deal), { asOf });
      return JSON.stringify(result.success ? result.data : { error: result.issues });
    });
    scalar("qualify_udf", (deal) => qualifyJson(deal, JSON.stringify({ asOf })));
    await connection.run("CREATE TABLE deals (n INTEGER, body VARCHAR)");
    for (const [i, text] of texts.entries())
      await connection.run("INSERT INTO deals VALUES ($n, $body)", { n: i, body: text });
    rows = async (sql) => (await connection.runAndReadAll(sql)).getRows() as unknown[][];
  });
  afterAll(() => instance?.closeSync());

  it("qualify_deal (the library) gives the CLI's report for every example deal, pretty-printed JSON text in a column", async () => {
    const got = await rows("SELECT qualify_deal(body) FROM deals ORDER BY n");
    expect(got.map((r) => r[0])).toEqual(expected);
  });

  it("qualify_udf (dist/udf.js in DuckDB's process) gives the same bytes", async () => {
    const got = await rows("SELECT qualify_udf(body) FROM deals ORDER BY n");
    expect(got.map((r) => r[0])).toEqual(expected);
  });

  it("a row exported with to_json, missing columns as null, is scored: SQL nulls are unknown", async () => {
    const [[out]] = (await rows(
      "SELECT qualify_deal(to_json({'id': 'd1', 'name': 'From SQL', 'stage': NULL::VARCHAR, 'amount': {'value': 1000, 'currency': NULL::VARCHAR}, 'timeline': NULL::STRUCT(decisionBy VARCHAR)}))",
    )) as [[string]];
    const report = JSON.parse(out);
    expect(report.error).toBeUndefined();
    expect(report.deal).toEqual({ id: "d1", name: "From SQL" });
    const [[viaUdf]] = (await rows(
      "SELECT qualify_udf(to_json({'id': 'd1', 'name': 'From SQL', 'stage': NULL::VARCHAR}))",
    )) as [[string]];
    expect(JSON.parse(viaUdf).deal).toEqual({ id: "d1", name: "From SQL" });
  });
});

describe("QuickJS (quickjs-emscripten): dist/udf.js with no Node and no V8", () => {
  it("gives the CLI's report for every example deal", async () => {
    const expected = cliLines();
    const QuickJS = await getQuickJS();
    const vm = QuickJS.newContext();
    try {
      const loaded = vm.evalCode(udfCode, "udf.js");
      if (loaded.error) throw new Error(`udf.js did not load: ${JSON.stringify(vm.dump(loaded.error))}`);
      loaded.value.dispose();
      const got = texts.map((text) => {
        const call = vm.evalCode(
          `qualifyJson(${JSON.stringify(text)}, ${JSON.stringify(JSON.stringify({ asOf }))})`,
        );
        if (call.error) throw new Error(JSON.stringify(vm.dump(call.error)));
        const out = vm.getString(call.value);
        call.value.dispose();
        return out;
      });
      expect(got).toEqual(expected);
    } finally {
      vm.dispose();
    }
  });
});

describe("Python: a long-lived CLI per partition (Spark mapPartitions, Dask map_partitions)", () => {
  const python = spawnSync("python3", ["--version"]);
  it.skipIf(python.status !== 0)(
    "examples/engines/qualify_partitions.py joins every report to its key, bad rows included (skipped without python3)",
    () => {
      const deals = texts.map((t, i) => `k${i}\t${JSON.stringify(JSON.parse(t))}`);
      deals.push(`bad\t${JSON.stringify({ id: "x", name: "Bad", stage: "proposl" })}`);
      const run = spawnSync(
        "python3",
        ["examples/engines/qualify_partitions.py", process.execPath, "dist/cli.js"],
        { cwd: ROOT, input: `${deals.join("\n")}\n`, encoding: "utf8", maxBuffer: 1 << 28 },
      );
      expect(run.status, run.stderr).toBe(0);
      const out = run.stdout
        .trimEnd()
        .split("\n")
        .map((l) => l.split("\t"));
      expect(out.map(([key]) => key)).toEqual([...texts.map((_, i) => `k${i}`), "bad"]);
      for (const [i, [, report]] of out.slice(0, -1).entries())
        expect(JSON.parse(report as string).deal.id).toBe(
          (JSON.parse(texts[i] as string) as { id: string }).id,
        );
      expect(JSON.parse(out.at(-1)?.[1] as string)).toMatchObject({ row: "bad", id: "x", error: {} });
    },
  );
});
