import type { BatchResult } from "../engine/batch.js";
import type { QualifierOptions } from "../engine/qualifier.js";

/**
 * What a worker is built from: qualifier options that survive structured cloning. Plugins may carry
 * framework data, not code: operators and TypeScript rules cannot cross to a worker.
 */
export type WorkerSetup = QualifierOptions;

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
      readonly items: readonly string[];
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
    }
  | { readonly id: number; readonly kind: "error"; readonly message: string };
