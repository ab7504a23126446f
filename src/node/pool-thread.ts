import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { errorMessage as messageOf, QualifyError } from "./core.js";
import type { WorkerSetup } from "./protocol.js";

/**
 * dist/worker.js: beside this code in qualify/node (dist/node.js), one folder up from the CLI's command
 * chunks (dist/cli/*.js). Looked up at each worker start (a file check).
 */
function workerUrl(): URL {
  const beside = new URL("./worker.js", import.meta.url);
  return existsSync(beside) ? beside : new URL("../worker.js", import.meta.url);
}

/** Failed starts (a worker that dies before it is ready) after which a pool gives up. */
export const MAX_FAILED_STARTS = 2;

/** A worker thread with the progress it shares, `[job id, items done]`, and whether it started. */
export interface Thread {
  readonly worker: Worker;
  readonly progress: Int32Array;
  ready: boolean;
  /** Its last error, on one line (a plugin's multi-line error reads as one clause of a message). */
  error?: string;
}

/**
 * Counts failed starts: after {@link MAX_FAILED_STARTS} (a plugin that fails only in a worker) the pool
 * is broken, and `broken` rejects, once, with the plugin's error; nothing starts another thread then.
 */
export interface StartGuard {
  /** The error the pool broke with, if it did. */
  readonly error: () => QualifyError | undefined;
  /** Rejects with that error when the pool breaks; never settles otherwise. */
  readonly broken: Promise<never>;
  /** Records a thread that died before it was ready. */
  failed(t: Thread, code: number): void;
}

/** A guard with no failed start yet. */
export function createStartGuard(): StartGuard {
  let count = 0;
  let error: QualifyError | undefined;
  let reject: (e: QualifyError) => void = () => {};
  const broken = new Promise<never>((_, r) => {
    reject = r;
  });
  broken.catch(() => {}); // seen by whoever waits on it
  return {
    error: () => error,
    broken,
    failed(t, code) {
      count += 1;
      if (count < MAX_FAILED_STARTS || error) return;
      error = new QualifyError(
        "Cannot start worker threads",
        [
          {
            path: "",
            code: "worker-start-failed",
            message: `${count} worker threads failed to start (${t.error ?? `exit code ${code}`}); no more are started. Fix the plugin, or run without --workers`,
          },
        ],
        { kind: "invalid-rule-set" },
      );
      reject(error);
    },
  };
}

/** Starts a worker on `setup`; one that exits before it is ready (and before `closed()`) is a failed start. */
export function startThread(setup: WorkerSetup, guard: StartGuard, closed: () => boolean): Thread {
  const progress = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(workerUrl(), { workerData: { setup, progress: progress.buffer } });
  const t: Thread = { worker, progress, ready: false };
  worker.on("message", (m: { ready?: boolean }) => {
    if (m.ready) t.ready = true;
  });
  worker.on("error", (e) => {
    t.error = messageOf(e)
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .join("; ");
  });
  worker.on("exit", (code) => {
    if (!t.ready && !closed()) guard.failed(t, code);
  });
  return t;
}

/**
 * Watches busy threads: one whose progress has not moved for `limitMs` is stuck on one deal, and
 * `onStuck` gets it with the job and the index of that deal. Returns the function that stops watching.
 */
export function watchProgress(
  busy: () => Iterable<Thread>,
  limitMs: number,
  onStuck: (t: Thread, job: number, index: number) => void,
): () => void {
  const seen = new Map<Thread, { job: number; done: number; since: number }>();
  const timer = setInterval(
    () => {
      const now = Date.now();
      const watched = new Set(busy());
      for (const t of seen.keys()) if (!watched.has(t)) seen.delete(t);
      for (const t of watched) {
        // A thread still starting is not stuck on a deal: its deals' time runs from when it is ready.
        if (!t.ready) {
          seen.delete(t);
          continue;
        }
        const [job, done] = [Atomics.load(t.progress, 0), Atomics.load(t.progress, 1)];
        const last = seen.get(t);
        if (!last || last.job !== job || last.done !== done) seen.set(t, { job, done, since: now });
        else if (now - last.since >= limitMs) {
          seen.delete(t);
          onStuck(t, job, done);
        }
      }
    },
    Math.min(1000, Math.max(10, limitMs / 4)),
  );
  timer.unref();
  return () => clearInterval(timer);
}
