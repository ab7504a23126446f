import { once } from "node:events";
import { createReadStream } from "node:fs";
import type { Qualifier } from "../engine/qualifier.js";
import { today } from "../engine/today.js";
import { isIsoDay } from "../model/value-checks.js";
import { ndjsonLines } from "../node/ndjson-input.js";
import { scoreLine } from "../node/ndjson-line.js";
import type { createWorkerPool } from "../node/pool.js";
import type { WorkerSetup } from "../node/protocol.js";
import { loadFile, readError, streamProblem } from "../node/read-input.js";
import { formatIssues } from "../validation/issue.js";
import { forTerminal } from "./escape.js";
import { formatMarkdown, formatText } from "./format-report.js";
import { reportFailure } from "./report-failure.js";
import { cliSetup } from "./setup.js";
import { makeStyle } from "./style.js";
import { outputFormat, UsageError } from "./usage.js";

/** Where a command writes. */
export interface Io {
  readonly out: NodeJS.WritableStream & { isTTY?: boolean };
  readonly err: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

/** `qualify score`: exit 0, or 1 when the deal is invalid. */
export async function score(
  file: string,
  opts: {
    framework?: string;
    asOf?: string;
    format?: string;
    ndjson?: boolean;
    workers?: number;
    trace?: boolean;
    plugins?: readonly string[];
    config?: string;
    compact?: { questions?: number };
    verbose?: boolean;
    dealTimeout?: number;
    /** Exit 0 when the only failures are per-line error records. */
    keepGoing?: boolean;
  },
  io: Io,
): Promise<number> {
  const format = outputFormat(opts.format);
  // An impossible day is a usage error like any other bad flag value (exit 2), not invalid input.
  if (opts.asOf !== undefined && !isIsoDay(opts.asOf))
    throw new UsageError(`--as-of must be a real day written YYYY-MM-DD; got "${opts.asOf}"`);
  if (opts.workers !== undefined && !opts.ndjson) throw new UsageError("--workers goes with --ndjson");
  if (opts.trace && (opts.ndjson || format !== "json"))
    throw new UsageError("--trace goes with --format json, for one deal");
  if (opts.dealTimeout !== undefined && opts.workers === undefined)
    throw new UsageError(
      "--deal-timeout goes with --workers: the main thread cannot stop a deal that never returns",
    );
  const built = await cliSetup(
    {
      framework: opts.framework,
      plugins: opts.plugins,
      config: opts.config,
      compact: opts.compact,
      verbose: opts.verbose,
    },
    io,
  );
  if (!built) return 1;
  const { setup, qualifier } = built;
  const dealTimeout = opts.dealTimeout ?? built.config?.dealTimeout;
  const keepGoing = opts.keepGoing ?? built.config?.keepGoing ?? false;
  const evalOpts = { ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}), trace: opts.trace === true };
  if (opts.ndjson)
    return scoreStream(
      file,
      setup,
      qualifier,
      opts.asOf ?? today(),
      { workers: opts.workers, dealTimeout, keepGoing },
      io,
    );
  const loaded = await loadFile(file);
  if (!loaded.ok) {
    io.err.write(`${forTerminal(file)}: ${loaded.message}\n`);
    return 1;
  }
  const result = qualifier.safeEvaluate(loaded.value, { ...evalOpts, errorDetails: true });
  if (!result.success) {
    const what = result.kind === "rule-failed" ? "evaluation failed" : "invalid deal";
    io.err.write(
      `${forTerminal(file)}: ${what}, ${result.issues.length} problem(s)\n${formatIssues(result.issues)}\n`,
    );
    return 1;
  }
  if (format === "json") io.out.write(`${JSON.stringify(result.data, null, 2)}\n`);
  else if (format === "markdown") io.out.write(formatMarkdown(result.data));
  else io.out.write(formatText(result.data, makeStyle(io.out, io.env)));
  return 0;
}

async function scoreStream(
  file: string,
  setup: WorkerSetup,
  qualifier: Qualifier,
  asOf: string,
  threads: { workers: number | undefined; dealTimeout: number | undefined; keepGoing: boolean },
  io: Io,
): Promise<number> {
  const { workers, dealTimeout } = threads;
  const problem = await streamProblem(file);
  if (problem) {
    io.err.write(`${forTerminal(file)}: ${problem}\n`);
    return 1;
  }
  const input = file === "-" ? process.stdin : createReadStream(file);
  // A read error mid-stream (a disk error, a file removed under us) ends the run with a message, exit 1.
  let readFailure: string | undefined;
  const lines = (async function* () {
    try {
      yield* ndjsonLines(input as AsyncIterable<Uint8Array>);
    } catch (e) {
      readFailure = readError(e);
    }
  })();
  const progress = io.err.isTTY === true;
  let [count, failed] = [0, 0];
  const emit = async (text: string | Uint8Array, lines: number, bad: number) => {
    const before = count;
    count += lines;
    failed += bad;
    if (!io.out.write(text)) await once(io.out, "drain");
    if (progress && Math.floor(count / 1000) > Math.floor(before / 1000))
      io.err.write(`\r${count} deals, ${failed} failed`);
  };
  if (workers === undefined) {
    for await (const text of lines) {
      const scored = scoreLine(qualifier, text, count + 1, asOf);
      await emit(`${scored.out}\n`, 1, scored.ok ? 0 : 1);
    }
  } else {
    let pool: ReturnType<typeof createWorkerPool>;
    try {
      // Worker threads load with --workers only: a run on one thread never starts their machinery.
      const { createWorkerPool } = await import("../node/pool.js");
      pool = createWorkerPool({ ...setup, workers, ...(dealTimeout ? { dealTimeout } : {}) });
    } catch (e) {
      return reportFailure(e, "Cannot use --workers:", io);
    }
    try {
      for await (const chunk of pool.scoreChunks(lines, { asOf }))
        await emit(chunk.bytes, chunk.count, chunk.failed.length);
    } catch (e) {
      // The pool gave up (workers that cannot start): the run did not finish; said once, exit 1.
      io.err.write(`qualify: stopped after ${count} lines\n`);
      return reportFailure(e, "Cannot use --workers:", io);
    } finally {
      await pool.close();
    }
  }
  if (progress) io.err.write(`\r${count} deals, ${failed} failed\n`);
  if (readFailure) {
    io.err.write(`${forTerminal(file)}: stopped after ${count} lines: ${readFailure}\n`);
    return 1;
  }
  // Every line got its record: with --keep-going, per-line failures are the engine's to read, not a failed run.
  return failed > 0 && !threads.keepGoing ? 1 : 0;
}
