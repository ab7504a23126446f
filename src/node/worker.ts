import { parentPort, workerData } from "node:worker_threads";
import { createQualifier } from "./core.js";
import { materialisePlugins } from "./load-plugins.js";
import type { Job, WorkerSetup } from "./protocol.js";
import { scoreJob } from "./score-job.js";

// A pool worker: imports the plugin modules, builds its own qualifier once, then scores chunks until the
// pool closes it. Specifiers arrive already resolved by the pool, so the working directory does not matter.
// `progress` is shared with the pool: [job id, items done], written after each deal, so the pool can tell
// a deal that never returns from a slow chunk without any message (a hung thread cannot send one).
const { setup, progress: shared } = workerData as { setup: WorkerSetup; progress: SharedArrayBuffer };
const progress = new Int32Array(shared);
const qualifier = createQualifier({ ...setup, plugins: await materialisePlugins(setup.plugins ?? []) });
// Started: a worker that dies before this is a failed start (the pool stops after two).
parentPort?.postMessage({ ready: true });

parentPort?.on("message", (job: Job) => {
  Atomics.store(progress, 1, 0);
  Atomics.store(progress, 0, job.id);
  const done = scoreJob(qualifier, job, (i) => Atomics.store(progress, 1, i + 1));
  // Output bytes are transferred to the main thread, not copied: they are most of the traffic.
  parentPort?.postMessage(done, done.kind === "lines" ? [done.bytes.buffer as ArrayBuffer] : []);
});
