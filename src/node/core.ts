/**
 * What `qualify/node` takes from the core. Built, this file's import is `qualify` itself (tsup.config.ts
 * marks it external), so `qualify/node` shares the one core with `qualify`: errors are `instanceof`
 * the same `QualifyError`, and plugins made with one work with the other.
 */

export type { BatchResult, Issue, Plugin, Qualifier, QualifierOptions } from "../index.js";
export { createQualifier, DEFAULT_FRAMEWORKS, QualifyError, toBatchResult } from "../index.js";

/** Today's date, `YYYY-MM-DD` (UTC): one date for a whole batch. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** The message of anything thrown, without ever throwing itself. */
export { messageOf as errorMessage } from "../validation/describe.js";
