import { isAbsolute, resolve } from "node:path";
import type { QualifyConfig } from "../config/define-config.js";
import { createQualifier, DEFAULT_FRAMEWORKS, type Qualifier } from "../engine/qualifier.js";
import { loadPlugins, materialisePlugins, resolveSpecifier } from "../node/load-plugins.js";
import type { WorkerSetup } from "../node/protocol.js";
import type { Plugin } from "../plugin/define-plugin.js";
import { escapeControls, formatIssues, type Issue } from "../validation/issue.js";
import type { Io } from "./commands.js";
import { findConfig, type LoadedConfig, loadConfig } from "./config.js";
import { loadFile } from "./read-input.js";
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

/** Whether a --framework value names a file (a path, or a .json/.yaml name) rather than an id. */
export const isFile = (s: string) => /\.(json|ya?ml)$/i.test(s) || s.includes("/");

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
  select = true,
): Promise<{ setup: WorkerSetup; qualifier: Qualifier; config?: QualifyConfig } | undefined> {
  const cwd = workingDirectory(io);
  if (cwd === undefined) return undefined;
  const configFile = sources.config ?? findConfig(cwd);
  let config: Extract<LoadedConfig, { ok: true }> | undefined;
  if (configFile !== undefined) {
    const loaded = await loadConfig(configFile, cwd);
    if (!loaded.ok) return fail(io, "Invalid config:", loaded.issues);
    config = loaded;
  }
  if (sources.verbose)
    io.err.write(
      config ? `qualify: config ${escapeControls(config.name)}\n` : "qualify: no config file (defaults)\n",
    );
  const configDir = config?.dir ?? cwd;
  // Plugins: the config's (relative to the config file), then --plugin (relative to the working directory).
  // One module named twice (by the config and by --plugin, or twice) is loaded once.
  const given: Array<Plugin | string> = [
    ...new Set([
      ...(config?.config.plugins ?? []).map((p) =>
        typeof p === "string" ? resolveSpecifier(p, configDir) : p,
      ),
      ...(sources.plugins ?? []).map((p) => resolveSpecifier(p, cwd)),
    ]),
  ];
  try {
    await loadPlugins(given.filter((p): p is string => typeof p === "string"));
  } catch (e) {
    const issues = (e as { issues?: Issue[] }).issues;
    if (!issues) throw e;
    return fail(io, "Invalid plugin:", issues);
  }
  // Frameworks: --framework, else the config's, else the defaults. Files are registered as plugin
  // frameworks (so others may extend them), then chosen by id.
  const fromFlag = sources.framework !== undefined;
  const items: Array<string | Record<string, unknown>> = fromFlag
    ? (sources.framework as string)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [...(config?.config.frameworks ?? (select ? DEFAULT_FRAMEWORKS : []))];
  if (fromFlag && items.length === 0)
    throw new UsageError(`--framework names no framework; got "${sources.framework}"`);
  const base = fromFlag ? cwd : configDir;
  const frameworks: Array<string | Record<string, unknown>> = [];
  const files: Array<{ name: string; frameworks: unknown[] }> = [];
  for (const item of items) {
    if (typeof item !== "string") {
      frameworks.push(item);
      continue;
    }
    if (!isFile(item)) {
      frameworks.push(item);
      continue;
    }
    const path = isAbsolute(item) ? item : resolve(base, item);
    const loaded = await loadFile(path);
    if (!loaded.ok) {
      io.err.write(`${escapeControls(item)}: ${loaded.message}\n`);
      return undefined;
    }
    files.push({ name: item, frameworks: [loaded.value] });
    const id = (loaded.value as { id?: unknown } | null)?.id;
    if (typeof id === "string" && (loaded.value as { kind?: unknown }).kind !== "ruleset")
      frameworks.push(id);
  }
  const options = {
    ...(config?.config.disable ? { disable: config.config.disable } : {}),
    ...(config?.config.coreRules !== undefined ? { coreRules: config.config.coreRules } : {}),
    ...(config?.config.mode ? { mode: config.config.mode } : {}),
    ...(config?.config.codegen !== undefined ? { codegen: config.config.codegen } : {}),
    ...(config?.config.budget ? { budget: config.config.budget } : {}),
    ...(config ? { configFile: config.name } : {}),
    ...(sources.compact
      ? { compact: sources.compact }
      : config?.config.compact
        ? { compact: config.config.compact }
        : {}),
  };
  const setup: WorkerSetup = {
    ...options,
    frameworks: select ? frameworks : [],
    plugins: [...given, ...files],
  };
  try {
    const plugins = await materialisePlugins(setup.plugins ?? []);
    return {
      setup,
      qualifier: createQualifier({ ...options, frameworks: setup.frameworks ?? [], plugins }),
      ...(config ? { config: config.config } : {}),
    };
  } catch (e) {
    const issues = (e as { issues?: Issue[] }).issues;
    if (!issues) throw e;
    return fail(
      io,
      config ? `Invalid setup (config ${config.file}, flags):` : "Invalid --framework or --plugin:",
      issues,
    );
  }
}
