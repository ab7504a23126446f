import type { QualifierOptions } from "../engine/qualifier.js";
import type { Plugin } from "../plugin/define-plugin.js";

/**
 * A `qualify.config.mjs` / `.js` / `.json`: the options of `createQualifier`, for the CLI. Plugins may be
 * module specifiers and frameworks may be file paths, both relative to the config file's directory.
 */
export interface QualifyConfig extends Omit<QualifierOptions, "plugins" | "configFile"> {
  /** Plugins: module specifiers (`"./acme-plugin.mjs"`, a package name) or plugin objects. */
  readonly plugins?: ReadonlyArray<Plugin | string>;
  /**
   * `qualify score --ndjson --workers N`: the most seconds one deal may take (default 30). A deal over
   * it fails its line with a `deal-timeout` issue, and its worker is replaced. `--deal-timeout` wins.
   */
  readonly dealTimeout?: number;
  /**
   * `qualify score --ndjson`: exit 0 when the only failures are lines that got an error record (engines
   * such as Spark fail a task on any non-zero exit). `--keep-going` sets it too.
   */
  readonly keepGoing?: boolean;
}

/** Types a config file: `export default defineConfig({ frameworks: [...], plugins: [...] })`. */
export function defineConfig(config: QualifyConfig): QualifyConfig {
  return config;
}
