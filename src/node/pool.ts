import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { BatchResult } from "../engine/batch.js";
import { createQualifier } from "../engine/qualifier.js";
import { today } from "../engine/today.js";
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
  /**
   * Like `scoreLines`, a chunk at a time: `bytes` holds `count` output lines as UTF-8, each ending in a
   * newline, ready to write; `failed` lists the chunk positions of error records. For big streams.
   */
  scoreChunks(
    lines: Iterable<string> | AsyncIterable<string>,
    options?: { asOf?: string },
  ): AsyncGenerator<{ bytes: Uint8Array; count: number; failed: readonly number[] }>;
  /** Stops the workers. */
  close(): Promise<void>;
}

const WORKER_URL = new URL("./worker.js", import.meta.url);
const STALL = Symbol("stall");
const READY = Symbol("ready");
/**
 * The next item of the input, unless something else should happen first: STALL when a partial chunk
 * is waiting (`waiting`), the item is not already there and STALL_MS pass; READY when the oldest job in
 * flight (`head`) finishes first, so its results can go out while the input is quiet.
 */
async function nextEvent<T>(
  next: IteratorResult<T> | Promise<IteratorResult<T>>,
  waiting: boolean,
  head: Promise<unknown> | undefined,
): Promise<IteratorResult<T> | typeof STALL | typeof READY> {
  const ready = await Promise.race([next, AWAITING]);
  if (ready !== STALL) return ready;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const racers: Array<Promise<IteratorResult<T> | typeof STALL | typeof READY>> = [Promise.resolve(next)];
  if (waiting) racers.push(new Promise((resolve) => (timer = setTimeout(() => resolve(STALL), STALL_MS))));
  if (head)
    racers.push(
      head.then(
        () => READY,
        () => READY,
      ),
    );
  const event = await Promise.race(racers);
  clearTimeout(timer);
  return event;
}

/** Settles at once with STALL: raced against the next item, it tells whether that item is already there. */
const AWAITING: Promise<typeof STALL> = Promise.resolve(STALL);
/** How long a partial chunk waits for more input before it is sent as it is. */
const STALL_MS = 10;

/**
 * Starts a pool of worker threads. The qualifier options must survive structured cloning (framework ids
 * or framework data, plugins carrying framework data, `disable`, `mode`): plugin code cannot cross to a
 * worker. The options are checked
 * here first, so a bad framework fails fast with a `QualifyError`, not inside a worker.
 */
export function createWorkerPool(options: PoolOptions = {}): WorkerPool {
  const { workers = availableParallelism(), chunkSize = 256, ...setup } = options;
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
    const source =
      Symbol.asyncIterator in items
        ? (items as AsyncIterable<T>)[Symbol.asyncIterator]()
        : (items as Iterable<T>)[Symbol.iterator]();
    // At most two chunks per worker in flight: memory stays bounded however long the input.
    const inFlight: Array<{ promise: Promise<Done>; settled: boolean }> = [];
    let chunk: T[] = [];
    let first = 0;
    let turn = 0;
    const dispatch = () => {
      const thread = threads[turn++ % threads.length] as Worker;
      const entry = {
        promise: send(thread, { kind, first, items: chunk, asOf } as Omit<Job, "id">),
        settled: false,
      };
      entry.promise.then(
        () => {
          entry.settled = true;
        },
        () => {
          entry.settled = true;
        },
      );
      inFlight.push(entry);
      first += chunk.length;
      chunk = [];
    };
    const take = async () => unpack(await (inFlight.shift() as { promise: Promise<Done> }).promise);
    let next = source.next();
    for (;;) {
      // Results that are ready go out at once, so a slow producer still sees answers promptly.
      while (inFlight[0]?.settled) yield* await take();
      const step = await nextEvent(next, chunk.length > 0, inFlight[0]?.promise);
      if (step === READY) continue;
      if (step === STALL) {
        dispatch();
        continue;
      }
      if (step.done) break;
      chunk.push(step.value);
      next = source.next();
      if (chunk.length >= chunkSize) dispatch();
      while (inFlight.length >= threads.length * 2) yield* await take();
    }
    if (chunk.length > 0) dispatch();
    while (inFlight.length > 0) yield* await take();
  }
  const check = (done: Done) => {
    if (done.kind === "error") throw new Error(`worker failed: ${done.message}`);
    return done;
  };

  return {
    size: workers,
    evaluateMany: (deals, opts = {}) =>
      run(deals, "deals", opts.asOf ?? today(), (done) => {
        const d = check(done);
        return d.kind === "deals" ? [...d.results] : [];
      }),
    scoreChunks: (lines, opts = {}) =>
      run(lines, "lines", opts.asOf ?? today(), (done) => {
        const d = check(done);
        return d.kind === "lines" ? [{ bytes: d.bytes, count: d.count, failed: d.failed }] : [];
      }),
    async *scoreLines(lines, opts = {}) {
      const decoder = new TextDecoder();
      for await (const chunk of this.scoreChunks(lines, opts)) {
        const out = decoder.decode(chunk.bytes).split("\n");
        for (let i = 0; i < chunk.count; i++) yield { line: out[i] as string, ok: !chunk.failed.includes(i) };
      }
    },
    close: async () => {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
