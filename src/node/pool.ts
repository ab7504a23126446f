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
  /**
   * The most seconds one deal may take (default 30). A deal over it gets a `deal-timeout` error result,
   * its worker is replaced, and every other deal is scored, in order.
   */
  readonly dealTimeout?: number;
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

/** Failed starts (a worker that dies before it is ready) after which the pool gives up. */
const MAX_FAILED_STARTS = 2;
/** The default time limit of one deal, in seconds. */
export const DEAL_TIMEOUT_SECONDS = 30;

/** A worker thread with the progress it shares: [job id, items done]. */
type Thread = { readonly worker: Worker; readonly progress: Int32Array; ready: boolean; error?: string };

/**
 * Starts a pool of worker threads. Plugins are framework data, or module specifiers that each worker
 * imports (so operators and TypeScript rules run in the workers too). The options are checked here
 * first: without module plugins a bad framework throws a `QualifyError` at once; with them, the first
 * batch rejects with it. Nothing is lost: a deal a worker cannot take (a function inside it) is scored
 * on this thread; a worker that dies is replaced, and its chunk is scored again deal by deal, so only
 * the deal that kills a worker gets an error result.
 */
export function createWorkerPool(options: PoolOptions = {}): WorkerPool {
  const {
    workers = availableParallelism(),
    chunkSize = 256,
    dealTimeout = DEAL_TIMEOUT_SECONDS,
    ...rest
  } = options;
  if (!(typeof dealTimeout === "number" && dealTimeout > 0))
    throw new RangeError(`dealTimeout must be a number of seconds greater than 0; got ${dealTimeout}`);
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
  const threads: Array<Thread | undefined> = Array.from({ length: size }, () => undefined);
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let turn = 0;
  let closed = false;
  const limitMs = dealTimeout * 1000;

  // After MAX_FAILED_STARTS workers die before they are ready (a plugin that fails only in a worker), the
  // pool starts no more threads: every wait rejects once with the plugin's error.
  let failedStarts = 0;
  let broken: QualifyError | undefined;
  let breakPool: (e: QualifyError) => void = () => {};
  const brokenPromise = new Promise<never>((_, reject) => {
    breakPool = reject;
  });
  brokenPromise.catch(() => {});
  const startFailed = (t: Thread, code: number) => {
    failedStarts += 1;
    if (failedStarts < MAX_FAILED_STARTS || broken) return;
    broken = new QualifyError("Cannot start worker threads", [
      {
        path: "",
        code: "worker-start-failed",
        message: `${failedStarts} worker threads failed to start (${t.error ?? `exit code ${code}`}); no more are started. Fix the plugin, or run without --workers`,
      },
    ]);
    breakPool(broken);
  };

  const startThread = (): Thread => {
    const progress = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(WORKER_URL, { workerData: { setup, progress: progress.buffer } });
    const t: Thread = { worker, progress, ready: false };
    worker.on("message", (m: { ready?: boolean }) => {
      if (m.ready) t.ready = true;
    });
    worker.on("error", (e) => {
      // One line: a plugin's multi-line error reads as one clause of the pool's message.
      t.error = messageOf(e)
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)
        .join("; ");
    });
    worker.on("exit", (code) => {
      if (!t.ready && !closed) startFailed(t, code);
    });
    return t;
  };

  // Workers keep the process alive only while they have work: an idle pool never blocks exit.
  const setRef = (on: boolean) => {
    for (const t of threads) if (t) on ? t.worker.ref() : t.worker.unref();
  };
  /** Deals that overran the limit, by job id: the item index the worker was stuck on. */
  const hung = new Map<number, number>();
  const spawn = (slot: number): Thread => {
    const t = startThread();
    t.worker.on("message", (done: Done | { ready: true }) => {
      if ("ready" in done) return;
      const p = pending.get(done.id);
      pending.delete(done.id);
      if (pending.size === 0) setRef(false);
      p?.resolve(done);
    });
    t.worker.on("exit", () => {
      if (threads[slot] === t) threads[slot] = undefined;
      if (closed) return;
      const lost = [...pending.values()].filter((p) => p.slot === slot);
      for (const p of lost) pending.delete(p.job.id);
      for (const p of lost) recover(p);
    });
    if (pending.size === 0) t.worker.unref();
    threads[slot] = t;
    return t;
  };

  // The watchdog: a worker whose progress has not moved for the limit is stuck on one deal; it is ended,
  // that deal gets a deal-timeout result, and the rest of its chunk is scored again.
  const seen = new Map<Thread, { job: number; done: number; since: number }>();
  const watchdog = setInterval(
    () => {
      const now = Date.now();
      for (const t of threads) {
        if (!t || ![...pending.values()].some((p) => threads[p.slot] === t)) {
          if (t) seen.delete(t);
          continue;
        }
        const [job, done] = [Atomics.load(t.progress, 0), Atomics.load(t.progress, 1)];
        const last = seen.get(t);
        if (!last || last.job !== job || last.done !== done) seen.set(t, { job, done, since: now });
        else if (now - last.since >= limitMs && pending.has(job)) {
          hung.set(job, done);
          seen.delete(t);
          void t.worker.terminate();
        }
      }
    },
    Math.min(1000, Math.max(10, limitMs / 4)),
  );
  watchdog.unref();

  /**
   * A dead worker's jobs are scored again one deal at a time on a worker of their own, in turn: when that
   * worker dies, the deal it held is the one that killed it (and gets the error); the others are scored.
   * A deal that overruns the limit there too gets a deal-timeout result.
   */
  let quarantine: Thread | undefined;
  let isolation: Promise<unknown> = Promise.resolve();
  const timedOut = (job: Job) =>
    failedJob(
      job,
      `the deal took longer than ${dealTimeout} s (--deal-timeout): its worker was stopped`,
      "deal-timeout",
    );
  const runAlone = (job: Job): Promise<Done> => {
    if (broken) return brokenPromise;
    return new Promise((resolve) => {
      const t = quarantine ?? startThread();
      quarantine = t;
      let over = false;
      const timer = setTimeout(() => {
        over = true;
        void t.worker.terminate();
      }, limitMs);
      const onMessage = (done: Done | { ready: true }) => {
        if ("ready" in done) return;
        stop();
        resolve(done);
      };
      const onExit = (code: number) => {
        stop();
        if (quarantine === t) quarantine = undefined;
        if (over) return resolve(timedOut(job));
        if (broken) return brokenPromise.catch(() => resolve(failedJob(job, broken?.message ?? "")));
        resolve(
          failedJob(
            job,
            `worker thread died while scoring it (${t.error ?? "it stopped"}; exit code ${code})`,
          ),
        );
      };
      const stop = () => {
        clearTimeout(timer);
        t.worker.off("message", onMessage).off("exit", onExit);
        t.worker.unref();
      };
      t.worker.on("message", onMessage).on("exit", onExit);
      t.worker.ref();
      t.worker.postMessage(job);
    });
  };
  const recover = (p: Pending) => {
    const stuck = hung.get(p.job.id);
    hung.delete(p.job.id);
    const parts = p.job.items.map((item, i) => {
      const job = { ...p.job, id: nextId++, first: p.job.first + i, items: [item] } as Job;
      // The deal that overran the limit is not run again: it would overrun again.
      if (i === stuck) return Promise.resolve(timedOut(job));
      const done = isolation.then(() => runAlone(job));
      isolation = done.catch(() => {});
      return done;
    });
    Promise.all(parts).then(
      (done) => p.resolve(joinDone(p.job.id, done)),
      () => {}, // the pool broke: every wait rejects with its error
    );
  };

  const send = (job: Omit<Job, "id">): Promise<Done> => {
    if (broken) return brokenPromise;
    const answer = new Promise<Done>((resolve) => {
      const id = nextId++;
      const full = { ...job, id } as Job;
      const slot = turn++ % size;
      const thread = threads[slot] ?? spawn(slot);
      if (pending.size === 0) setRef(true);
      pending.set(id, { job: full, slot, resolve });
      try {
        thread.worker.postMessage(full);
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
    return Promise.race([answer, brokenPromise]);
  };

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
      const settle = () => {
        entry.settled = true;
      };
      entry.promise.then(settle, settle);
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
      clearInterval(watchdog);
      await Promise.all([...threads, quarantine].map((t) => t?.worker.terminate()));
    },
  };
}
