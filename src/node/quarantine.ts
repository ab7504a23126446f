import type { StartGuard, Thread } from "./pool-thread.js";
import type { Done, Job } from "./protocol.js";
import { failedJob, joinDone } from "./score-job.js";

/** Scores a dead worker's jobs again, one deal at a time, on a thread of their own. */
export interface Quarantine {
  /**
   * The answer for `job`, each deal scored alone in turn: when the thread dies, the deal it held is the
   * one that killed it (and gets the error); the others are scored. The deal at `stuck` (it overran the
   * time limit) is not run again: it gets a deal-timeout result. Rejects when the pool breaks.
   */
  recover(job: Job, stuck: number | undefined): Promise<Done>;
  /** Stops its thread. */
  close(): Promise<unknown>;
}

/** A quarantine whose threads come from `start`, each deal limited to `limitMs`. */
export function createQuarantine(options: {
  readonly start: () => Thread;
  readonly guard: StartGuard;
  readonly limitMs: number;
  readonly nextId: () => number;
}): Quarantine {
  const { start, guard, limitMs } = options;
  let thread: Thread | undefined;
  let turn: Promise<unknown> = Promise.resolve();
  const timedOut = (job: Job) =>
    failedJob(
      job,
      `the deal took longer than ${limitMs / 1000} s (--deal-timeout): its worker was stopped`,
      "deal-timeout",
    );
  const runAlone = (job: Job): Promise<Done> => {
    if (guard.error()) return guard.broken;
    return new Promise((resolve) => {
      const t = thread ?? start();
      thread = t;
      let over = false;
      // The deal's time runs from when its worker is ready: a thread's start (its JIT, the plugins it
      // loads) is not the deal's time, however busy the machine.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const startClock = () => {
        timer ??= setTimeout(() => {
          over = true;
          void t.worker.terminate();
        }, limitMs);
      };
      if (t.ready) startClock();
      const onMessage = (done: Done | { ready: true }) => {
        if ("ready" in done) return startClock();
        stop();
        resolve(done);
      };
      const onExit = (code: number) => {
        stop();
        if (thread === t) thread = undefined;
        if (over) return resolve(timedOut(job));
        const broke = guard.error();
        if (broke) return resolve(failedJob(job, broke.message));
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
  return {
    recover(job, stuck) {
      const parts = job.items.map((item, i) => {
        const one = { ...job, id: options.nextId(), first: job.first + i, items: [item] } as Job;
        if (i === stuck) return Promise.resolve(timedOut(one));
        const done = turn.then(() => runAlone(one));
        turn = done.catch(() => {});
        return done;
      });
      return Promise.all(parts).then((done) => joinDone(job.id, done));
    },
    close: async () => thread?.worker.terminate(),
  };
}
