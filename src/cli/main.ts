import { parseArgs } from "node:util";
import pkg from "../../package.json" with { type: "json" };
import { thrownText } from "../validation/check-options.js";
import { escapeControls } from "../validation/issue.js";
import type { Io } from "./commands.js";
import { COMMANDS, type Command, flagProblem, parseArgsOptions } from "./flags.js";
import { helpFor, UsageError } from "./usage.js";

// Each command's code is loaded when it runs (a chunk of its own): `qualify --version` or `score` does not
// pay for the docs, calibration, CRM or comparison code.
const commands = {
  score: () => import("./commands.js"),
  diff: () => import("./diff-command.js"),
  calibrate: () => import("./calibrate-command.js"),
  import: () => import("./import-command.js"),
  validate: () => import("./validate-command.js"),
  frameworks: () => import("./framework-commands.js"),
};

const OPTIONS = parseArgsOptions();

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...rest] = positionals;
    if (values.version) {
      io.out.write(`${pkg.version}\n`);
      return 0;
    }
    if (values.help || !command) {
      io.out.write(`${helpFor(command)}\n`);
      return command || values.help ? 0 : 2;
    }
    if (!(COMMANDS as readonly string[]).includes(command))
      throw new UsageError(`unknown command "${command}"`);
    // A flag the command does not take is a usage error, never silently ignored.
    const misplaced = flagProblem(command as Command, Object.keys(values));
    if (misplaced) throw new UsageError(misplaced);
    const framework = values.framework?.join(",");
    if (values.questions !== undefined && !/^\d+$/.test(values.questions))
      throw new UsageError(`--questions must be a whole number; got "${values.questions}"`);
    const compact =
      values.compact || values.questions !== undefined
        ? { ...(values.questions !== undefined ? { questions: Number(values.questions) } : {}) }
        : undefined;
    const sources = { plugins: values.plugin ?? [], config: values.config, compact, verbose: values.verbose };
    const dealTimeout = values["deal-timeout"];
    if (dealTimeout !== undefined && !(/^\d+(\.\d+)?$/.test(dealTimeout) && Number(dealTimeout) > 0))
      throw new UsageError(`--deal-timeout must be a number of seconds greater than 0; got "${dealTimeout}"`);
    switch (command) {
      case "score": {
        if (rest.length !== 1) throw new UsageError("score takes one deal file (or - for stdin)");
        const workers = values.workers === undefined ? undefined : Number(values.workers);
        if (workers !== undefined && !(/^\d+$/.test(values.workers ?? "") && workers >= 1)) {
          throw new UsageError(`--workers must be a whole number of at least 1; got "${values.workers}"`);
        }
        return await (await commands.score()).score(
          rest[0] as string,
          {
            ...(framework ? { framework } : {}),
            ...(values["as-of"] !== undefined ? { asOf: values["as-of"] } : {}),
            ...(values.format ? { format: values.format } : {}),
            ndjson: values.ndjson === true,
            trace: values.trace === true,
            ...(workers ? { workers } : {}),
            plugins: values.plugin ?? [],
            ...(values.config !== undefined ? { config: values.config } : {}),
            ...(compact ? { compact } : {}),
            ...(values.verbose ? { verbose: true } : {}),
            ...(dealTimeout !== undefined ? { dealTimeout: Number(dealTimeout) } : {}),
            ...(values["keep-going"] ? { keepGoing: true } : {}),
          },
          io,
        );
      }
      case "diff":
        return await (await commands.diff()).diff(
          rest,
          {
            ...(values.format ? { format: values.format } : {}),
            ...(values["as-of"] ? { asOf: values["as-of"] } : {}),
          },
          { ...sources, framework },
          io,
        );
      case "calibrate":
        if (rest.length !== 1)
          throw new UsageError("calibrate takes one NDJSON history file (or - for stdin)");
        return await (await commands.calibrate()).calibrateCommand(
          rest[0],
          {
            ...(framework ? { framework } : {}),
            ...(values["as-of"] ? { asOf: values["as-of"] } : {}),
            ...(values.out ? { out: values.out } : {}),
            ...(values.format ? { format: values.format } : {}),
            ...(values.force ? { force: true } : {}),
            ...(values["drop-leaks"] ? { dropLeaks: true } : {}),
          },
          sources,
          io,
        );
      case "import":
        return await (await commands.import()).importCommand(
          rest[0],
          rest[1],
          importFlags(values, rest.length),
          io,
        );
      case "validate":
        return await (await commands.validate()).validate(rest, sources, io);
      case "frameworks":
        return await (await commands.frameworks()).frameworks(rest[0], sources, io);
      case "docs":
        if (rest.length !== 1) throw new UsageError("docs takes one output directory");
        return await (await commands.frameworks()).docs(
          rest[0] as string,
          values.framework ?? [],
          sources,
          io,
          values.format,
        );
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err.write(`qualify: ${escapeControls((e as Error).message)}\nRun qualify --help for usage.\n`);
      return 2;
    }
    io.err.write(`qualify: internal error: ${escapeControls(thrownText(e))}\n`);
    return 70;
  }
}

/** The flags of `qualify import`, after checking it got a CRM and a file. */
function importFlags(
  values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"],
  count: number,
) {
  if (count !== 2)
    throw new UsageError("import takes a CRM (salesforce or hubspot) and a file of its records");
  return {
    mapping: values.mapping,
    asOf: values["as-of"],
    closeDate: values["close-date"],
    emails: values.emails,
    currency: values.currency,
    ndjson: values.ndjson === true,
    strict: values.strict === true,
  };
}

let finished = false;

// A reader that stops early (`qualify ... | head`) is not an error: stop quietly, as Unix tools do.
// Any other write error (a full disk, a closed file) is: say so and exit 1, never 0 with output lost.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  finished = true; // our own ending, with its own message
  if (e.code === "EPIPE") process.exit(0);
  process.stderr.write(`qualify: cannot write the output: ${e.code ?? e.message}\n`);
  process.exit(1);
});

// If the run ever stopped without finishing (a promise nothing settles), Node would exit 0 with the output
// cut short. It must not look like success.
process.on("beforeExit", () => {
  if (finished) return;
  finished = true;
  process.stderr.write("qualify: internal error: the run stopped before it finished\n");
  process.exit(70);
});

// A plugin that calls process.exit() mid-run (on the main thread) would otherwise end it with its code,
// 0 included, and the output cut short: an unfinished run always exits 70 and says so.
process.on("exit", () => {
  if (finished) return;
  process.stderr.write(
    "qualify: internal error: the run was ended before it finished (process.exit from a plugin?); the output is incomplete\n",
  );
  process.exitCode = 70;
});

run(process.argv.slice(2), { out: process.stdout, err: process.stderr, env: process.env }).then((code) => {
  finished = true;
  process.exitCode = code;
});
