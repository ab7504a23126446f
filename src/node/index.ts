/**
 * `qualify/node`: what only Node.js can do. A worker-thread pool that scores deals on every core with
 * order preserved. The main entry (`qualify`) imports no `node:` module and runs anywhere.
 * @packageDocumentation
 */

export { type LoadConfigOptions, loadConfig } from "./load-config.js";
export type { BadLine, InputLine } from "./ndjson-input.js";
export { createWorkerPool, type PoolOptions, type WorkerPool } from "./pool.js";
export type { WorkerSetup } from "./protocol.js";
