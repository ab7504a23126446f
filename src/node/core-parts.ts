/**
 * What `src/node/core.ts` takes from the core, from the modules that hold it rather than from the whole
 * public API: the CLI's build maps core.ts's `../index.js` here (tsup.config.ts, `cliCore`), so that
 * `qualify score` does not load the calibration, comparison, docs and JSON Schema modules it never uses.
 * (qualify/node and its worker import the package itself instead: one core shared with the app.)
 */
export type { BatchResult } from "../engine/batch.js";
export { toBatchResult } from "../engine/batch.js";
export type { Qualifier, QualifierOptions } from "../engine/qualifier.js";
export { createQualifier, DEFAULT_FRAMEWORKS } from "../engine/qualifier.js";
export type { Plugin } from "../plugin/define-plugin.js";
export type { Issue } from "../validation/issue.js";
export { QualifyError } from "../validation/issue.js";
