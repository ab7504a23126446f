import type { BatchResult, Plugin, QualifierOptions } from "./core.js";
import type { InputLine } from "./ndjson-input.js";

/**
 * What a worker is built from: qualifier options that survive structured cloning. Plugins are either
 * data (frameworks, rule sets) or module specifiers (`"./acme.mjs"`, a package name) whose default
 * export is a plugin or a list of plugins: each worker imports them itself, so their code runs there.
 */
export type WorkerSetup = Omit<QualifierOptions, "plugins"> & {
  /** Plugins: objects carrying data only, or module specifiers (relative paths resolve from the working directory). */
  readonly plugins?: ReadonlyArray<Plugin | string>;
};

/** A job for a worker: a chunk of deals (objects) or of NDJSON lines (strings, parsed in the worker). */
export type Job =
  | {
      readonly id: number;
      readonly kind: "deals";
      readonly first: number;
      readonly items: readonly unknown[];
      readonly asOf: string;
    }
  | {
      readonly id: number;
      readonly kind: "lines";
      readonly first: number;
      readonly items: readonly InputLine[];
      readonly asOf: string;
    };

/** A worker's answer: results in the chunk's order. */
export type Done =
  | { readonly id: number; readonly kind: "deals"; readonly results: readonly BatchResult[] }
  | {
      readonly id: number;
      readonly kind: "lines";
      /** The output lines as UTF-8, each ending in a newline: transferred, not copied. */
      readonly bytes: Uint8Array;
      readonly count: number;
      readonly failed: readonly number[];
    };
