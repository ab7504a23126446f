import { createReadStream, realpathSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { calibratedFramework, createCalibrator } from "../calibrate/calibrate.js";
import { materialisePlugins } from "../node/load-plugins.js";
import { ndjsonLines } from "../node/ndjson-input.js";
import { streamProblem } from "../node/read-input.js";
import type { Io } from "./commands.js";
import { forTerminal } from "./escape.js";
import { formatCalibration } from "./format-calibration.js";
import { reportFailure } from "./report-failure.js";
import { type CliSources, cliSetup } from "./setup.js";
import { outputFormat, UsageError } from "./usage.js";

/** Whether two paths name one file (the same path, or one file through a link). */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** `qualify calibrate HISTORY --framework ID [--as-of DATE] [--out FILE] [--format text|json|markdown]`. */
export async function calibrateCommand(
  file: string | undefined,
  opts: {
    framework?: string;
    asOf?: string;
    out?: string;
    format?: string;
    force?: boolean;
    dropLeaks?: boolean;
  },
  sources: CliSources,
  io: Io,
): Promise<number> {
  const format = outputFormat(opts.format);
  if (!file) throw new UsageError("calibrate takes one NDJSON history file (or - for stdin)");
  if (opts.out !== undefined && file !== "-" && sameFile(opts.out, file))
    throw new UsageError(
      `--out ${forTerminal(opts.out)} names the history itself; writing there would destroy it. Choose another file`,
    );
  const framework = opts.framework;
  if (!framework || framework.includes(",")) throw new UsageError("calibrate needs one --framework id");
  // The framework may be an id or a framework file (its id is then the file's).
  const built = await cliSetup({ ...sources, framework }, io);
  if (!built) return 1;
  const frameworkId = built.qualifier.frameworks[0]?.id ?? framework;
  const problem = await streamProblem(file);
  if (problem) {
    io.err.write(`${forTerminal(file)}: ${problem}\n`);
    return 1;
  }
  const { setup } = built;
  const plugins = await materialisePlugins(setup.plugins ?? []);
  try {
    const calibrator = createCalibrator({
      framework: frameworkId,
      plugins,
      ...(opts.asOf ? { asOf: opts.asOf } : {}),
      ...(opts.dropLeaks ? { dropLeaks: true } : {}),
      ...(setup.disable ? { disable: setup.disable } : {}),
      ...(setup.coreRules !== undefined ? { coreRules: setup.coreRules } : {}),
      ...(setup.budget ? { budget: setup.budget } : {}),
    });
    // Streamed: each line is scored as it arrives and only its features are kept (memory flat in lines).
    const input = file === "-" ? process.stdin : createReadStream(file);
    let number = 0;
    for await (const line of ndjsonLines(input as AsyncIterable<Uint8Array>)) {
      number += 1;
      // Blank lines are nothing, not invalid lines; line numbers still count them, as an editor does.
      if (typeof line === "string" && line.trim() === "") continue;
      let value: unknown = null;
      if (typeof line === "string") {
        try {
          value = JSON.parse(line);
        } catch {}
      }
      calibrator.add(value, number);
    }
    const result = calibrator.result();
    // No skill over the base rate: the weights would be noise, and a framework file outlives this warning.
    const refused = opts.out !== undefined && !result.holdout.skilful && !opts.force;
    if (opts.out && !refused) {
      try {
        await writeFile(opts.out, `${JSON.stringify(calibratedFramework(result), null, 2)}\n`);
      } catch (e) {
        io.err.write(
          `${forTerminal(opts.out)}: cannot write the framework there (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`,
        );
        return 1;
      }
    }
    io.out.write(
      format === "json"
        ? `${JSON.stringify(result, null, 2)}\n`
        : formatCalibration(result, format === "markdown"),
    );
    if (refused) {
      io.err.write(
        `qualify: not writing ${forTerminal(opts.out as string)}: the fit shows no skill over the base rate on held-out deals, so its weights would be noise. Use --force to write it anyway.\n`,
      );
      return 1;
    }
    if (opts.out) io.err.write(`wrote the calibrated framework to ${forTerminal(opts.out)}\n`);
    return 0;
  } catch (e) {
    return reportFailure(e, "Cannot calibrate:", io);
  }
}
