import type { QualifyConfig } from "../config/define-config.js";
import { createQualifier, type Qualifier, type QualifierOptions } from "../engine/qualifier.js";
import type { WorkerSetup } from "../node/protocol.js";
import { resolveSetup } from "../node/resolve-setup.js";
import { escapeControls, formatIssues, type Issue } from "../validation/issue.js";
import type { Io } from "./commands.js";
import { UsageError } from "./usage.js";

/** Where the CLI's qualifier options come from: flags, and a config file (flags win). */
export interface CliSources {
  /** `--framework`, comma-separated ids and files (relative to the working directory). */
  readonly framework?: string | undefined;
  /** `--plugin` module specifiers (relative to the working directory). */
  readonly plugins?: readonly string[] | undefined;
  /** `--config <file>`; otherwise the nearest qualify.config.{mjs,js,json} from the working directory up. */
  readonly config?: string | undefined;
  /** `--compact` / `--questions N`: compact reports (no evidence, no why, at most N questions). */
  readonly compact?: { readonly questions?: number } | undefined;
  /** `--verbose`: say on stderr which config file is used (or that none is). */
  readonly verbose?: boolean | undefined;
}

/** The working directory, or undefined (with a message) when it was deleted under the process. */
export function workingDirectory(io: Io): string | undefined {
  try {
    return process.cwd();
  } catch {
    io.err.write("qualify: the working directory no longer exists; cd into one and run again\n");
    return undefined;
  }
}

/** Prints issues under a heading; always undefined, for `return fail(...)`. */
function fail(io: Io, heading: string, issues: readonly Issue[]): undefined {
  io.err.write(`${escapeControls(heading)}\n${formatIssues(issues)}\n`);
  return undefined;
}

/**
 * The qualifier for a command, and the same options as a worker setup (plugins named by module
 * specifier, resolved to absolute URLs, so worker threads load the same files). `select: false` for
 * commands that only need what is known (validate, frameworks, docs): no framework is chosen.
 */
export async function cliSetup(
  sources: CliSources,
  io: Io,
  { select = true }: { readonly select?: boolean } = {},
): Promise<
  { setup: WorkerSetup; options: QualifierOptions; qualifier: Qualifier; config?: QualifyConfig } | undefined
> {
  const cwd = workingDirectory(io);
  if (cwd === undefined) return undefined;
  const frameworks =
    sources.framework === undefined
      ? undefined
      : sources.framework
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
  if (frameworks?.length === 0)
    throw new UsageError(`--framework names no framework; got "${sources.framework}"`);
  const resolved = await resolveSetup({
    cwd,
    config: sources.config,
    frameworks,
    plugins: sources.plugins,
    compact: sources.compact,
    select,
  });
  if (!resolved.ok) return fail(io, resolved.heading, resolved.issues);
  const { config, setup, options } = resolved;
  if (sources.verbose)
    io.err.write(
      config ? `qualify: config ${escapeControls(config.name)}\n` : "qualify: no config file (defaults)\n",
    );
  try {
    return {
      setup,
      options,
      qualifier: createQualifier(options),
      ...(config ? { config: config.config } : {}),
    };
  } catch (e) {
    const issues = (e as { issues?: Issue[] }).issues;
    if (!issues) throw e;
    return fail(
      io,
      config ? `Invalid setup (config ${config.name}, flags):` : "Invalid --framework or --plugin:",
      issues,
    );
  }
}
