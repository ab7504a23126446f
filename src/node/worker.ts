import { parentPort, workerData } from "node:worker_threads";
import { createQualifier } from "./core.js";
import { materialisePlugins } from "./load-plugins.js";
import type { Job, WorkerSetup } from "./protocol.js";
import { scoreJob } from "./score-job.js";

// A pool worker: imports the plugin modules, builds its own qualifier once, then scores chunks until the
// pool closes it. Specifiers arrive already resolved by the pool, so the working directory does not matter.
const setup = workerData as WorkerSetup;
const qualifier = createQualifier({ ...setup, plugins: await materialisePlugins(setup.plugins ?? []) });

parentPort?.on("message", (job: Job) => {
  const done = scoreJob(qualifier, job);
  // Output bytes are transferred to the main thread, not copied: they are most of the traffic.
  parentPort?.postMessage(done, done.kind === "lines" ? [done.bytes.buffer as ArrayBuffer] : []);
});
