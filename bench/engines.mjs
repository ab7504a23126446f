// Engines (docs/engines.md): the same synthetic deals scored by the CLI alone (score --ndjson, one
// process, the baseline), by DuckDB through a scalar SQL function calling the library and calling
// dist/udf.js, and by dist/udf.js in QuickJS. Throughput in deals per second, and the ratio to the CLI.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createContext, runInContext } from "node:vm";
import { DuckDBInstance, DuckDBScalarFunction, VARCHAR } from "@duckdb/node-api";
import { getQuickJS } from "quickjs-emscripten";
import { createQualifier } from "../dist/index.js";
import { makeDeals } from "./deals.mjs";
import { rate } from "./measure.mjs";

const asOf = "2026-11-27";
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

async function duckdb(lines, score) {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  connection.registerScalarFunction(
    DuckDBScalarFunction.create({
      name: "qualify_deal",
      mainFunction: (_info, input, output) => {
        const deals = input.getColumnVector(0);
        for (let i = 0; i < input.rowCount; i++) output.setItem(i, score(deals.getItem(i)));
        output.flush();
      },
      returnType: VARCHAR,
      parameterTypes: [VARCHAR],
    }),
  );
  await connection.run("CREATE TABLE deals (body VARCHAR)");
  const appender = await connection.createAppender("deals");
  for (const line of lines) {
    appender.appendVarchar(line);
    appender.endRow();
  }
  appender.closeSync();
  const start = process.hrtime.bigint();
  const reader = await connection.runAndReadAll("SELECT sum(length(qualify_deal(body))) FROM deals");
  const took = seconds(start);
  reader.getRows();
  instance.closeSync();
  return lines.length / took;
}

/**
 * ClickHouse through chDB, when `npm run test:engines` has installed it into .engines/: the CLI as an
 * executable_pool function (the recipe of docs/engines.md), `pool` processes.
 */
async function clickhouse(lines, pool) {
  if (!existsSync(".engines/node_modules/chdb")) return undefined;
  const { Session } = createRequire(resolve(".engines/package.json"))("chdb");
  const dir = mkdtempSync(join(tmpdir(), "qualify-bench-chdb-"));
  mkdirSync(join(dir, "scripts"));
  const cli = resolve("dist/cli.js");
  writeFileSync(
    join(dir, "scripts", "qualify.sh"),
    `#!/bin/sh\nexec "${process.execPath}" "${cli}" score - --ndjson --keep-going --as-of ${asOf}\n`,
    { mode: 0o755 },
  );
  writeFileSync(
    join(dir, "qualify_function.xml"),
    `<functions><function><type>executable_pool</type><name>qualify_deal</name><return_type>String</return_type><argument><type>String</type><name>line</name></argument><format>TabSeparatedRaw</format><command>qualify.sh</command><pool_size>${pool}</pool_size></function></functions>`,
  );
  writeFileSync(
    join(dir, "config.xml"),
    `<clickhouse><user_scripts_path>${join(dir, "scripts")}</user_scripts_path><user_defined_executable_functions_config>${dir}/*_function.xml</user_defined_executable_functions_config></clickhouse>`,
  );
  const session = new Session(join(dir, "data"), {
    connectionArgs: [`--config-file=${join(dir, "config.xml")}`],
  });
  session.query("CREATE TABLE deals (n UInt32, body String) ENGINE = Memory");
  await session.insert({ table: "deals", values: lines.map((body, n) => ({ n, body })) });
  const start = process.hrtime.bigint();
  session.query(
    "SELECT sum(length(qualify_deal(formatRowNoNewline('JSONEachRow', n AS row, body AS deal)))) FROM deals",
    "TSVRaw",
  );
  return lines.length / seconds(start);
}

/** Deals per second through each engine, and the ratio to the CLI alone. */
export async function benchEngines(count = 5000) {
  const lines = makeDeals(count).map((d) => JSON.stringify(d));
  const input = `${lines.join("\n")}\n`;
  const cliStart = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["dist/cli.js", "score", "-", "--ndjson", "--as-of", asOf], {
    input,
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`the CLI failed: ${run.stderr}`);
  const cli = count / seconds(cliStart);

  const qualifier = createQualifier();
  const library = await duckdb(lines, (deal) => {
    const r = qualifier.safeEvaluate(JSON.parse(deal), { asOf });
    return JSON.stringify(r.success ? r.data : { error: r.issues });
  });
  const code = readFileSync("dist/udf.js", "utf8");
  const sandbox = createContext({});
  runInContext(code, sandbox);
  const options = JSON.stringify({ asOf });
  const udf = await duckdb(lines, (deal) => sandbox.qualifyJson(deal, options));

  const QuickJS = await getQuickJS();
  const vm = QuickJS.newContext();
  vm.evalCode(code).value.dispose();
  const sample = lines.slice(0, Math.min(500, count));
  const qjsStart = process.hrtime.bigint();
  for (const line of sample) {
    const out = vm.evalCode(`qualifyJson(${JSON.stringify(line)}, ${JSON.stringify(options)})`);
    vm.getString(out.value);
    out.value.dispose();
  }
  const quickjs = sample.length / seconds(qjsStart);
  vm.dispose();
  const ch = await clickhouse(lines, 2);
  const row = (what, n) => [what, rate(n), `${(n / cli).toFixed(2)}x`];
  return [
    row(`the CLI alone: score --ndjson, ${count.toLocaleString("en")} deals, start included (baseline)`, cli),
    ch === undefined
      ? ["ClickHouse (chDB): run `npm run test:engines` once to install it", "-", "-"]
      : row("ClickHouse (chDB): the CLI as an executable_pool function, pool of 2, start included", ch),
    row("DuckDB: a scalar function calling the library", library),
    row("DuckDB: a scalar function calling dist/udf.js", udf),
    row(`QuickJS: dist/udf.js (${sample.length} deals, WebAssembly, no JIT)`, quickjs),
  ];
}
