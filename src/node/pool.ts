import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { BatchResult } from "../engine/batch.js";
import { createQualifier } from "../engine/qualifier.js";
import type { Done, Job, WorkerSetup } from "./protocol.js";

/** How to build a worker pool. */
export interface PoolOptions extends WorkerSetup {
  /** How many worker threads (default: every core). */
  readonly workers?: number;
  /** Deals per message to a worker (default 64): bigger chunks, less messaging. */
  readonly chunkSize?: number;
}

/** A pool of worker threads, each with its own qualifier, scoring deals in parallel with order preserved. */
export interface WorkerPool {
  /** How many workers it runs. */
  readonly size: number;
  /** Scores deals on every worker; results come back in input order, with a bounded number in flight. */
  evaluateMany(
    deals: Iterable<unknown> | AsyncIterable<unknown>,
    options?: { asOf?: string },
  ): AsyncGenerator<BatchResult>;
  /** Scores NDJSON lines on every worker; yields output lines (reports or error records) in input order. */
  scoreLines(
    lines: Iterable<string> | AsyncIterable<string>,
    options?: { asOf?: string },
  ): AsyncGenerator<{ line: string; ok: boolean }>;
  /** Stops the workers. */
  close(): Promise<void>;
}

const WORKER_URL = new URL("./worker.js", import.meta.url);

/**
 * Starts a pool of worker threads. The qualifier options must survive structured cloning (framework ids
 * or framework data, plugins carrying framework data, `disable`, `mode`): plugin code cannot cross to a
 * worker. The options are checked
 * here first, so a bad framework fails fast with a {@link QualifyError}, not inside a worker.
 */
export function createWorkerPool(options: PoolOptions = {}): WorkerPool {
  const { workers = availableParallelism(), chunkSize = 64, ...setup } = options;
  if (!Number.isInteger(workers) || workers < 1)
    throw new RangeError(`workers must be a whole number of at least 1; got ${workers}`);
  for (const plugin of setup.plugins ?? []) {
    if (plugin.operators?.length || plugin.rules?.length) {
      throw new Error(
        `Plugin "${plugin.name}" has operators or rules: code cannot cross to worker threads. Pass framework data only, or evaluate without workers.`,
      );
    }
  }
  createQualifier(setup);
  const threads = Array.from({ length: workers }, () => new Worker(WORKER_URL, { workerData: setup }));
  let nextId = 0;
  const pending = new Map<number, { resolve: (done: Done) => void; reject: (e: Error) => void }>();
  // Workers keep the process alive only while they have work: an idle pool never blocks exit.
  const idle = () => {
    for (const t of threads) t.unref();
  };
  for (const t of threads) {
    t.on("message", (done: Done) => {
      pending.get(done.id)?.resolve(done);
      pending.delete(done.id);
      if (pending.size === 0) idle();
    });
    t.on("error", (e: Error) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
  }
  idle();
  const send = (thread: Worker, job: Omit<Job, "id">): Promise<Done> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      if (pending.size === 0) for (const t of threads) t.ref();
      pending.set(id, { resolve, reject });
      thread.postMessage({ ...job, id });
    });

  async function* run<T, R>(
    items: Iterable<T> | AsyncIterable<T>,
    kind: "deals" | "lines",
    asOf: string,
    unpack: (done: Done) => R[],
  ): AsyncGenerator<R> {
    // At most two chunks per worker in flight: memory stays bounded however long the input.
    const inFlight: Promise<Done>[] = [];
    let chunk: T[] = [];
    let first = 0;
    let turn = 0;
    const dispatch = () => {
      const thread = threads[turn++ % threads.length] as Worker;
      inFlight.push(send(thread, { kind, first, items: chunk, asOf } as Omit<Job, "id">));
      first += chunk.length;
      chunk = [];
    };
    for await (const item of items) {
      chunk.push(item);
      if (chunk.length < chunkSize) continue;
      dispatch();
      if (inFlight.length >= threads.length * 2) yield* unpack(await (inFlight.shift() as Promise<Done>));
    }
    if (chunk.length > 0) dispatch();
    while (inFlight.length > 0) yield* unpack(await (inFlight.shift() as Promise<Done>));
  }
  const check = (done: Done) => {
    if (done.kind === "error") throw new Error(`worker failed: ${done.message}`);
    return done;
  };
  const today = () => new Date().toISOString().slice(0, 10);

  return {
    size: workers,
    evaluateMany: (deals, opts = {}) =>
      run(deals, "deals", opts.asOf ?? today(), (done) => {
        const d = check(done);
        return d.kind === "deals" ? [...d.results] : [];
      }),
    scoreLines: (lines, opts = {}) =>
      run(lines, "lines", opts.asOf ?? today(), (done) => {
        const d = check(done);
        return d.kind === "lines" ? d.lines.map((line, i) => ({ line, ok: d.oks[i] === true })) : [];
      }),
    close: async () => {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
