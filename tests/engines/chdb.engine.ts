import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/helpers.js";

// Opt-in (`npm run test:engines`): ClickHouse in-process through chDB (543 MB, installed on demand into
// .engines/ by scripts/test-engines.mjs, never part of `npm test`). The unmodified CLI runs as an
// executable_pool user-defined function; rows go in as the envelope {"row", "deal"} built in SQL
// (formatRowNoNewline), one line each, and come back in TabSeparatedRaw: the recipe of docs/engines.md.
const require = createRequire(join(ROOT, ".engines", "package.json"));
/** What these tests use of chDB's Session (its own types are in .engines/, outside the typecheck). */
interface ChdbSession {
  query(sql: string, format?: string): string;
  insert(params: { table: string; values: ReadonlyArray<Record<string, unknown>> }): Promise<unknown>;
}
const { Session } = require("chdb") as {
  Session: new (path: string, options: { connectionArgs: string[] }) => ChdbSession;
};
const asOf = "2026-11-27";

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "qualify-chdb-"));
  mkdirSync(join(dir, "scripts"));
  mkdirSync(join(dir, "functions"));
  const script = join(dir, "scripts", "qualify.sh");
  writeFileSync(
    script,
    `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, "dist/cli.js")}" score - --ndjson --keep-going --as-of ${asOf} --compact --questions 1 "$@"\n`,
    { mode: 0o755 },
  );
  const crashing = join(dir, "scripts", "qualify-plugin.sh");
  writeFileSync(
    crashing,
    `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, "dist/cli.js")}" score - --ndjson --keep-going --as-of ${asOf} --workers 2 --deal-timeout 2 --plugin "${join(ROOT, "tests/fixtures/plugins/attacker.mjs")}" --framework attacker\n`,
    { mode: 0o755 },
  );
  const fn = (name: string, command: string) => `
  <function>
    <type>executable_pool</type>
    <name>${name}</name>
    <return_type>String</return_type>
    <argument><type>String</type><name>line</name></argument>
    <format>TabSeparatedRaw</format>
    <command>${command}</command>
    <pool_size>2</pool_size>
    <command_read_timeout>60000</command_read_timeout>
  </function>`;
  writeFileSync(
    join(dir, "functions", "qualify_function.xml"),
    `<functions>${fn("qualify_deal", "qualify.sh")}${fn("qualify_guarded", "qualify-plugin.sh")}\n</functions>\n`,
  );
  writeFileSync(
    join(dir, "config.xml"),
    `<clickhouse>\n  <user_scripts_path>${join(dir, "scripts")}</user_scripts_path>\n  <user_defined_executable_functions_config>${join(dir, "functions")}/*_function.xml</user_defined_executable_functions_config>\n</clickhouse>\n`,
  );
  return new Session(join(dir, "data"), { connectionArgs: [`--config-file=${join(dir, "config.xml")}`] });
}

const cliLines = (lines: string[]) =>
  spawnSync(
    process.execPath,
    [
      "dist/cli.js",
      "score",
      "-",
      "--ndjson",
      "--keep-going",
      "--as-of",
      asOf,
      "--compact",
      "--questions",
      "1",
    ],
    { cwd: ROOT, input: `${lines.join("\n")}\n`, encoding: "utf8", maxBuffer: 1 << 30 },
  )
    .stdout.trimEnd()
    .split("\n");

describe("ClickHouse (chDB): the CLI as an executable_pool function", () => {
  const session = setup();
  const run = (sql: string) => session.query(sql, "TSVRaw").trimEnd().split("\n");

  it("10,000 deals, a bad row and a multi-line deal: every report matches its row, byte for byte", async () => {
    const deals = Array.from({ length: 10_000 }, (_, i) =>
      i === 4
        ? JSON.stringify({ id: `d${i}`, name: "Pretty\nprinted", stage: "proposal" }, null, 2)
        : i === 7
          ? JSON.stringify({ id: `d${i}`, name: "Bad", stage: "proposl" })
          : JSON.stringify({ id: `d${i}`, name: `Deal ${i} "quoted" \\ \t\u2028`, stage: "discovery" }),
    );
    session.query("CREATE TABLE deals (n UInt32, body String) ENGINE = Memory");
    await session.insert({ table: "deals", values: deals.map((body, n) => ({ n, body })) });
    const got = run(
      "SELECT qualify_deal(formatRowNoNewline('JSONEachRow', n AS row, body AS deal)) FROM deals ORDER BY n",
    );
    const expected = cliLines(deals.map((body, n) => JSON.stringify({ row: n, deal: body })));
    expect(got).toHaveLength(10_000);
    expect(got).toEqual(expected);
    expect(JSON.parse(got[7] as string)).toMatchObject({
      row: 7,
      id: "d7",
      error: { message: "invalid deal" },
    });
    expect(JSON.parse(got[4] as string).deal.name).toBe("Pretty\nprinted");
  }, 300_000);

  it("a crashing plugin fails its row only: the query finishes, every other row has its report", () => {
    const names = ["a", "Exit", "c", "Hang", "e"];
    const got = run(
      `SELECT qualify_guarded(formatRowNoNewline('JSONEachRow', number AS row, concat('{"id":"d', toString(number), '","name":"', arrayElement(${JSON.stringify(names).replaceAll('"', "'")}, number + 1), '"}') AS deal)) FROM numbers(5) ORDER BY number`,
    ).map((l) => JSON.parse(l));
    expect(got.map((r) => r.row)).toEqual([0, 1, 2, 3, 4]);
    expect(got[1].error).toBeDefined();
    expect(got[3].error.issues[0].code).toBe("deal-timeout");
    expect([0, 2, 4].map((i) => got[i].deal.id)).toEqual(["d0", "d2", "d4"]);
  }, 120_000);
});
