import { isAbsolute, resolve } from "node:path";
import type { QualifyConfig } from "../config/define-config.js";
import { findConfig, type LoadedConfig, loadConfigFile } from "./config-file.js";
import { DEFAULT_FRAMEWORKS, type Issue, type Plugin, type QualifierOptions } from "./core.js";
import { loadPlugins, materialisePlugins, resolveSpecifier } from "./load-plugins.js";
import type { WorkerSetup } from "./protocol.js";
import { loadFile } from "./read-input.js";

/** What the options are resolved from: a folder, its config file, and (for the CLI) flags that win. */
export interface SetupSources {
  /** The working directory: the config is looked for from here up, and flags' paths resolve from it. */
  readonly cwd: string;
  /** A config file to use instead of looking for one (relative to `cwd`). */
  readonly config?: string | undefined;
  /** Framework ids and files that replace the config's (`--framework`). */
  readonly frameworks?: readonly string[] | undefined;
  /** Plugin module specifiers added to the config's (`--plugin`, relative to `cwd`). */
  readonly plugins?: readonly string[] | undefined;
  /** Compact reports (`--compact`, `--questions`), over the config's. */
  readonly compact?: { readonly questions?: number } | undefined;
  /** False for commands that only need what is known: no framework is chosen (not even the defaults). */
  readonly select?: boolean;
}

/** Resolved options: as data for worker threads (`setup`), and ready for `createQualifier` (`options`). */
export type ResolvedSetup =
  | {
      readonly ok: true;
      readonly setup: WorkerSetup;
      readonly options: QualifierOptions;
      /** The config file used, as loaded (its `dealTimeout` and name), if any. */
      readonly config?: Extract<LoadedConfig, { ok: true }>;
    }
  | { readonly ok: false; readonly heading: string; readonly issues: readonly Issue[] };

const failed = (heading: string, issues: readonly Issue[]): ResolvedSetup => ({ ok: false, heading, issues });

/** Whether a framework value names a file (a path, or a .json/.yaml name) rather than an id. */
export const isFile = (s: string) => /\.(json|ya?ml)$/i.test(s) || s.includes("/");

/**
 * Resolves qualifier options the way `qualify` does in a folder: the nearest config (up to the project
 * root) or the one given; its plugins (relative to it) and the added ones, each module loaded once;
 * frameworks from the flags, else the config, else the defaults, files among them loaded and registered
 * so others may extend them; flags win. Problems come back as issues, never thrown (bugs aside).
 */
export async function resolveSetup(sources: SetupSources): Promise<ResolvedSetup> {
  const { cwd, select = true } = sources;
  const configFile = sources.config ?? findConfig(cwd);
  let config: Extract<LoadedConfig, { ok: true }> | undefined;
  if (configFile !== undefined) {
    const loaded = await loadConfigFile(configFile, cwd);
    if (!loaded.ok) return failed("Invalid config:", loaded.issues);
    config = loaded;
  }
  const plugins = pluginsOf(config, sources);
  try {
    await loadPlugins(plugins.filter((p): p is string => typeof p === "string"));
  } catch (e) {
    const issues = (e as { issues?: Issue[] }).issues;
    if (!issues) throw e;
    return failed("Invalid plugin:", issues);
  }
  const chosen = await frameworksOf(config, sources, select);
  if (!chosen.ok) return failed("Invalid framework file:", chosen.issues);
  const options = optionsOf(config?.config, config?.name, sources.compact);
  const setup: WorkerSetup = {
    ...options,
    frameworks: select ? chosen.frameworks : [],
    plugins: [...plugins, ...chosen.files],
  };
  try {
    const loaded = await materialisePlugins(setup.plugins ?? []);
    return {
      ok: true,
      setup,
      options: { ...options, frameworks: setup.frameworks ?? [], plugins: loaded },
      ...(config ? { config } : {}),
    };
  } catch (e) {
    const issues = (e as { issues?: Issue[] }).issues;
    if (!issues) throw e;
    return failed("Invalid plugin:", issues);
  }
}

/**
 * Plugins: the config's (relative to the config file), then the added ones (relative to the working
 * directory). One module named twice (by the config and a flag, or twice) is loaded once.
 */
function pluginsOf(
  config: Extract<LoadedConfig, { ok: true }> | undefined,
  sources: SetupSources,
): Array<Plugin | string> {
  const dir = config?.dir ?? sources.cwd;
  return [
    ...new Set([
      ...(config?.config.plugins ?? []).map((p) => (typeof p === "string" ? resolveSpecifier(p, dir) : p)),
      ...(sources.plugins ?? []).map((p) => resolveSpecifier(p, sources.cwd)),
    ]),
  ];
}

/** The frameworks chosen, and the framework files among them as plugin data (chosen by their ids). */
async function frameworksOf(
  config: Extract<LoadedConfig, { ok: true }> | undefined,
  sources: SetupSources,
  select: boolean,
): Promise<
  | {
      ok: true;
      frameworks: Array<string | Record<string, unknown>>;
      files: Array<{ name: string; frameworks: unknown[] }>;
    }
  | { ok: false; issues: Issue[] }
> {
  const fromFlags = sources.frameworks !== undefined;
  const items = fromFlags
    ? [...(sources.frameworks ?? [])]
    : [...(config?.config.frameworks ?? (select ? DEFAULT_FRAMEWORKS : []))];
  const base = fromFlags ? sources.cwd : (config?.dir ?? sources.cwd);
  const frameworks: Array<string | Record<string, unknown>> = [];
  const files: Array<{ name: string; frameworks: unknown[] }> = [];
  for (const item of items) {
    if (typeof item !== "string" || !isFile(item)) {
      frameworks.push(item as string | Record<string, unknown>);
      continue;
    }
    const loaded = await loadFile(isAbsolute(item) ? item : resolve(base, item));
    if (!loaded.ok)
      return { ok: false, issues: [{ path: "", file: item, code: "unreadable", message: loaded.message }] };
    files.push({ name: item, frameworks: [loaded.value] });
    const id = (loaded.value as { id?: unknown } | null)?.id;
    if (typeof id === "string" && (loaded.value as { kind?: unknown }).kind !== "ruleset")
      frameworks.push(id);
  }
  return { ok: true, frameworks, files };
}

/** The qualifier options a config gives (compact from the flags winning), named by its file. */
function optionsOf(
  config: QualifyConfig | undefined,
  name: string | undefined,
  compact: SetupSources["compact"],
): Omit<QualifierOptions, "frameworks" | "plugins"> {
  return {
    ...(config?.disable ? { disable: config.disable } : {}),
    ...(config?.coreRules !== undefined ? { coreRules: config.coreRules } : {}),
    ...(config?.mode ? { mode: config.mode } : {}),
    ...(config?.codegen !== undefined ? { codegen: config.codegen } : {}),
    ...(config?.budget ? { budget: config.budget } : {}),
    ...(name !== undefined ? { configFile: name } : {}),
    ...(compact ? { compact } : config?.compact ? { compact: config.compact } : {}),
  };
}
