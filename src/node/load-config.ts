import { type QualifierOptions, QualifyError } from "./core.js";
import { resolveSetup } from "./resolve-setup.js";

/** Where {@link loadConfig} looks. */
export interface LoadConfigOptions {
  /** The folder to resolve from, as the CLI's working directory (default: `process.cwd()`). */
  readonly cwd?: string;
  /** A config file to use instead of looking for the nearest one (relative to `cwd`). */
  readonly file?: string;
}

/**
 * The qualifier options exactly as `qualify score` resolves them in a folder: the nearest
 * `qualify.config.{mjs,js,json}` up to the project root (or `file`), its plugins loaded (module paths
 * resolve against the config file), its framework files loaded, `meta.config` named. So
 * `createQualifier(await loadConfig())` scores as the CLI does there. Without a config: the defaults.
 * Throws a `QualifyError` (`kind: "invalid-rule-set"`) listing every problem. (The CLI's own settings,
 * such as `dealTimeout`, are not qualifier options and are left out.)
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<QualifierOptions> {
  const resolved = await resolveSetup({ cwd: options.cwd ?? process.cwd(), config: options.file });
  if (!resolved.ok)
    throw new QualifyError(resolved.heading.replace(/:$/, ""), resolved.issues, { kind: "invalid-rule-set" });
  return resolved.options;
}
