import { availableParallelism } from "node:os";
import { streamChunks } from "./chunk-stream.js";
import {
  type BatchResult,
  createQualifier,
  type Issue,
  errorMessage as messageOf,
  type Plugin,
  type Qualifier,
  QualifyError,
  todayUtc as today,
} from "./core.js";
import { loadPlugins, materialisePlugins, resolveSpecifier } from "./load-plugins.js";
import type { InputLine } from "./ndjson-input.js";
import { createStartGuard, startThread, type Thread, watchProgress } from "./pool-thread.js";
import type { Done, Job, WorkerSetup } from "./protocol.js";
import { createQuarantine } from "./quarantine.js";
import { failedJob, scoreJob } from "./score-job.js";

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

type Pending = { readonly job: Job; readonly slot: number; readonly resolve: (done: Done) => void };

/** The default time limit of one deal, in seconds. */
export const DEAL_TIMEOUT_SECONDS = 30;

/** The pool's numbers, checked: a bad one is a RangeError; a plugin object with code is a QualifyError. */
function checkPoolOptions(options: PoolOptions) {
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
  const withCode = (rest.plugins ?? []).flatMap((plugin, i): Issue[] =>
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
  if (withCode.length > 0)
    throw new QualifyError("Cannot start worker threads", withCode, { kind: "invalid-rule-set" });
  return { workers, chunkSize, limitMs: dealTimeout * 1000, rest };
}

/**
 * The qualifier on this thread, built from the same setup: it validates the setup (a bad one rejects when
 * first awaited) and scores what cannot cross to a worker.
 */
function localQualifier(rest: WorkerSetup, plugins: ReadonlyArray<Plugin | string>): Promise<Qualifier> {
  const specifiers = plugins.filter((p): p is string => typeof p === "string");
  const build = (loaded: Plugin[]) => createQualifier({ ...rest, plugins: loaded });
  const local =
    specifiers.length === 0
      ? Promise.resolve(build(plugins as Plugin[])) // a bad setup throws here, at once
      : loadPlugins(specifiers).then(() => materialisePlugins(plugins).then(build));
  local.catch(() => {}); // reported when first awaited
  return local;
}

/**
 * Starts a pool of worker threads. Plugins are framework data, or module specifiers that each worker
 * imports (so operators and TypeScript rules run in the workers too). The options are checked here
 * first: without module plugins a bad framework throws a `QualifyError` at once; with them, the first
 * batch rejects with it. Nothing is lost: a deal a worker cannot take (a function inside it) is scored
 * on this thread; a worker that dies is replaced, and its chunk is scored again deal by deal, so only
 * the deal that kills a worker gets an error result; a deal stuck past the time limit gets a
 * deal-timeout result; after two failed worker starts every wait rejects with the plugin's error.
 */
export function createWorkerPool(options: PoolOptions = {}): WorkerPool {
  const { workers, chunkSize, limitMs, rest } = checkPoolOptions(options);
  // Module specifiers resolved here, once: workers then load the same files whatever their directory.
  const plugins = (rest.plugins ?? []).map((p) => (typeof p === "string" ? resolveSpecifier(p) : p));
  const setup: WorkerSetup = { ...rest, plugins };
  const local = localQualifier(rest, plugins);
  const size = Math.min(workers, availableParallelism());
  const threads: Array<Thread | undefined> = Array.from({ length: size }, () => undefined);
  const pending = new Map<number, Pending>();
  const hung = new Map<number, number>(); // job id -> the index of the deal its worker was stuck on
  const guard = createStartGuard();
  let [nextId, turn, closed] = [0, 0, false];
  const start = () => startThread(setup, guard, () => closed);
  const quarantine = createQuarantine({ start, guard, limitMs, nextId: () => nextId++ });

  // Workers keep the process alive only while they have work: an idle pool never blocks exit.
  const setRef = (on: boolean) => {
    for (const t of threads) if (t) on ? t.worker.ref() : t.worker.unref();
  };
  const spawn = (slot: number): Thread => {
    const t = start();
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
      for (const p of lost) {
        const stuck = hung.get(p.job.id);
        hung.delete(p.job.id);
        quarantine.recover(p.job, stuck).then(p.resolve, () => {}); // a broken pool rejects every wait
      }
    });
    if (pending.size === 0) t.worker.unref();
    threads[slot] = t;
    return t;
  };
  const busy = () => new Set([...pending.values()].flatMap((p) => threads[p.slot] ?? []));
  const stopWatching = watchProgress(busy, limitMs, (t, job, index) => {
    if (!pending.has(job)) return;
    hung.set(job, index);
    void t.worker.terminate();
  });

  const send = (job: Omit<Job, "id">): Promise<Done> => {
    if (guard.error()) return guard.broken;
    const answer = new Promise<Done>((resolve) => {
      const full = { ...job, id: nextId++ } as Job;
      const slot = turn++ % size;
      const thread = threads[slot] ?? spawn(slot);
      if (pending.size === 0) setRef(true);
      pending.set(full.id, { job: full, slot, resolve });
      try {
        thread.worker.postMessage(full);
      } catch (e) {
        // Not cloneable (a function or symbol inside a deal): score it here, with the same qualifier.
        pending.delete(full.id);
        if (pending.size === 0) setRef(false);
        local.then(
          (q) => resolve(scoreJob(q, full)),
          (err) => resolve(failedJob(full, `${messageOf(e)}; ${messageOf(err)}`)),
        );
      }
    });
    return Promise.race([answer, guard.broken]);
  };
  async function* run<T, R>(
    items: Iterable<T> | AsyncIterable<T>,
    kind: "deals" | "lines",
    asOf: string,
    unpack: (done: Done) => R[],
  ): AsyncGenerator<R> {
    await local; // a bad setup rejects here, before any input is read
    // At most two chunks per worker in flight: memory stays bounded however long the input.
    yield* streamChunks({ items, kind, asOf, chunkSize, maxInFlight: size * 2, send, unpack });
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
      stopWatching();
      await Promise.all([...threads.map((t) => t?.worker.terminate()), quarantine.close()]);
    },
  };
}
