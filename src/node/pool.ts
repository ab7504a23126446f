import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import {
  type BatchResult,
  createQualifier,
  errorMessage as messageOf,
  type Plugin,
  type Qualifier,
  QualifyError,
  todayUtc as today,
} from "./core.js";
import { loadPlugins, materialisePlugins, resolveSpecifier } from "./load-plugins.js";
import type { InputLine } from "./ndjson-input.js";
import type { Done, Job, WorkerSetup } from "./protocol.js";
import { failedJob, joinDone, scoreJob } from "./score-job.js";

/** How to build a worker pool. */
export interface PoolOptions extends WorkerSetup {
  /** Most worker threads (default and cap: the number of cores); threads start only as chunks need them. */
  readonly workers?: number;
  /** Deals per message to a worker (default 256): bigger chunks, less messaging. */
  readonly chunkSize?: number;
}

/** A pool of worker threads, each with its own qualifier, scoring deals in parallel with order preserved. */
export interface WorkerPool {
  /** The most threads it runs (the `workers` asked for, capped at the number of cores). */
  readonly size: number;
  /**
   * Scores deals on every worker; one result per deal, in input order, with a bounded number in flight.
   * A deal that cannot be scored (a plugin throws, its worker dies) yields its issues; the batch goes on.
   */
  evaluateMany(
    deals: Iterable<unknown> | AsyncIterable<unknown>,
    options?: { asOf?: string },
  ): AsyncGenerator<BatchResult>;
  /** Scores NDJSON lines on every worker; one output line (report or error record) per input line, in order. */
  scoreLines(
    lines: Iterable<InputLine> | AsyncIterable<InputLine>,
    options?: { asOf?: string },
  ): AsyncGenerator<{ line: string; ok: boolean }>;
  /**
   * Like `scoreLines`, a chunk at a time: `bytes` holds `count` output lines as UTF-8, each ending in a
   * newline, ready to write; `failed` lists the chunk positions of error records. For big streams.
   */
  scoreChunks(
    lines: Iterable<InputLine> | AsyncIterable<InputLine>,
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

type Pending = { readonly job: Job; readonly slot: number; readonly resolve: (done: Done) => void };

/**
 * Starts a pool of worker threads. Plugins are framework data, or module specifiers that each worker
 * imports (so operators and TypeScript rules run in the workers too). The options are checked here
 * first: without module plugins a bad framework throws a `QualifyError` at once; with them, the first
 * batch rejects with it. Nothing is lost: a deal a worker cannot take (a function inside it) is scored
 * on this thread; a worker that dies is replaced, and its chunk is scored again deal by deal, so only
 * the deal that kills a worker gets an error result.
 */
export function createWorkerPool(options: PoolOptions = {}): WorkerPool {
  const { workers = availableParallelism(), chunkSize = 256, ...rest } = options;
  if (!Number.isInteger(workers) || workers < 1)
    throw new RangeError(`workers must be a whole number of at least 1; got ${workers}`);
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new RangeError(`chunkSize must be a whole number of at least 1; got ${chunkSize}`);
  const given = rest.plugins ?? [];
  const withCode = given.flatMap((plugin, i) =>
    typeof plugin !== "string" && (plugin.operators?.length || plugin.rules?.length)
      ? [
          {
            path: `plugins[${i}]`,
            code: "plugin-has-code",
            message: `Plugin "${plugin.name}" has operators or rules: code cannot cross to worker threads as objects. Pass its module specifier instead ("./my-plugin.mjs"), or evaluate without workers.`,
          },
        ]
      : [],
  );
  if (withCode.length > 0) throw new QualifyError("Cannot start worker threads", withCode);
  // Module specifiers resolved here, once: workers then load the same files whatever their directory.
  const plugins = given.map((p) => (typeof p === "string" ? resolveSpecifier(p) : p));
  const setup: WorkerSetup = { ...rest, plugins };
  const specifiers = plugins.filter((p): p is string => typeof p === "string");
  const build = (loaded: Plugin[]) => createQualifier({ ...rest, plugins: loaded });
  // The same qualifier on this thread: it validates the setup and scores what cannot cross to a worker.
  const local: Promise<Qualifier> =
    specifiers.length === 0
      ? Promise.resolve(build(plugins as Plugin[]))
      : loadPlugins(specifiers).then(() => materialisePlugins(plugins).then(build));
  local.catch(() => {}); // reported when first awaited
  const size = Math.min(workers, availableParallelism());
  const threads: Array<Worker | undefined> = Array.from({ length: size }, () => undefined);
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let turn = 0;
  let closed = false;

  // Workers keep the process alive only while they have work: an idle pool never blocks exit.
  const setRef = (on: boolean) => {
    for (const t of threads) if (t) on ? t.ref() : t.unref();
  };
  const spawn = (slot: number): Worker => {
    const thread = new Worker(WORKER_URL, { workerData: setup });
    thread.on("message", (done: Done) => {
      const p = pending.get(done.id);
      pending.delete(done.id);
      if (pending.size === 0) setRef(false);
      p?.resolve(done);
    });
    thread.on("error", () => {}); // its exit follows; the deals it held are scored again, alone
    thread.on("exit", () => {
      if (threads[slot] === thread) threads[slot] = undefined;
      if (closed) return;
      const lost = [...pending.values()].filter((p) => p.slot === slot);
      for (const p of lost) pending.delete(p.job.id);
      for (const p of lost) recover(p);
    });
    if (pending.size === 0) thread.unref();
    threads[slot] = thread;
    return thread;
  };

  /**
   * A dead worker's jobs are scored again one deal at a time on a worker of their own, in turn: when that
   * worker dies, the deal it held is the one that killed it (and gets the error); the others are scored.
   */
  let quarantine: Worker | undefined;
  let isolation: Promise<unknown> = Promise.resolve();
  const runAlone = (job: Job): Promise<Done> =>
    new Promise((resolve) => {
      const thread = quarantine ?? new Worker(WORKER_URL, { workerData: setup });
      quarantine = thread;
      let failure = "it stopped";
      const onMessage = (done: Done) => {
        stop();
        resolve(done);
      };
      const onError = (e: Error) => {
        failure = messageOf(e);
      };
      const onExit = (code: number) => {
        stop();
        if (quarantine === thread) quarantine = undefined;
        resolve(failedJob(job, `worker thread died while scoring it (${failure}; exit code ${code})`));
      };
      const stop = () => {
        thread.off("message", onMessage).off("error", onError).off("exit", onExit);
        thread.unref();
      };
      thread.on("message", onMessage).on("error", onError).on("exit", onExit);
      thread.ref();
      thread.postMessage(job);
    });
  const recover = (p: Pending) => {
    const parts = p.job.items.map((item, i) => {
      const job = { ...p.job, id: nextId++, first: p.job.first + i, items: [item] } as Job;
      const done = isolation.then(() => runAlone(job));
      isolation = done;
      return done;
    });
    Promise.all(parts).then((done) => p.resolve(joinDone(p.job.id, done)));
  };

  const send = (job: Omit<Job, "id">): Promise<Done> =>
    new Promise((resolve) => {
      const id = nextId++;
      const full = { ...job, id } as Job;
      const slot = turn++ % size;
      const thread = threads[slot] ?? spawn(slot);
      if (pending.size === 0) setRef(true);
      pending.set(id, { job: full, slot, resolve });
      try {
        thread.postMessage(full);
      } catch (e) {
        // Not cloneable (a function or symbol inside a deal): score it here, with the same qualifier.
        pending.delete(id);
        if (pending.size === 0) setRef(false);
        local.then(
          (q) => resolve(scoreJob(q, full)),
          (err) => resolve(failedJob(full, `${messageOf(e)}; ${messageOf(err)}`)),
        );
      }
    });

  async function* run<T, R>(
    items: Iterable<T> | AsyncIterable<T>,
    kind: "deals" | "lines",
    asOf: string,
    unpack: (done: Done) => R[],
  ): AsyncGenerator<R> {
    await local; // a bad setup rejects here, before any input is read
    const source =
      Symbol.asyncIterator in items
        ? (items as AsyncIterable<T>)[Symbol.asyncIterator]()
        : (items as Iterable<T>)[Symbol.iterator]();
    // At most two chunks per worker in flight: memory stays bounded however long the input.
    const inFlight: Array<{ promise: Promise<Done>; settled: boolean }> = [];
    let chunk: T[] = [];
    let first = 0;
    const dispatch = () => {
      const entry = { promise: send({ kind, first, items: chunk, asOf } as Omit<Job, "id">), settled: false };
      entry.promise.then(() => {
        entry.settled = true;
      });
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
      while (inFlight.length >= size * 2) yield* await take();
    }
    if (chunk.length > 0) dispatch();
    while (inFlight.length > 0) yield* await take();
  }

  return {
    size,
    evaluateMany: (deals, opts = {}) =>
      run(deals, "deals", opts.asOf ?? today(), (done) => (done.kind === "deals" ? [...done.results] : [])),
    scoreChunks: (lines, opts = {}) =>
      run(lines, "lines", opts.asOf ?? today(), (done) =>
        done.kind === "lines" ? [{ bytes: done.bytes, count: done.count, failed: done.failed }] : [],
      ),
    async *scoreLines(lines, opts = {}) {
      const decoder = new TextDecoder();
      for await (const chunk of this.scoreChunks(lines, opts)) {
        const out = decoder.decode(chunk.bytes).split("\n");
        const failed = new Set(chunk.failed);
        for (let i = 0; i < chunk.count; i++) yield { line: out[i] as string, ok: !failed.has(i) };
      }
    },
    close: async () => {
      closed = true;
      await Promise.all([...threads, quarantine].map((t) => t?.terminate()));
    },
  };
}
