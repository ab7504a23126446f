import { parentPort, workerData } from "node:worker_threads";
import { toBatchResult } from "../engine/batch.js";
import { createQualifier } from "../engine/qualifier.js";
import { scoreLine } from "./ndjson-line.js";
import type { Done, Job, WorkerSetup } from "./protocol.js";

// A pool worker: builds its own qualifier once, then scores chunks until the pool closes it.
const qualifier = createQualifier(workerData as WorkerSetup);

parentPort?.on("message", (job: Job) => {
  let done: Done;
  try {
    if (job.kind === "deals") {
      const results = job.items.map((deal, i) =>
        toBatchResult(job.first + i, qualifier.safeEvaluate(deal, { asOf: job.asOf })),
      );
      done = { id: job.id, kind: "deals", results };
    } else {
      const scored = job.items.map((text, i) => scoreLine(qualifier, text, job.first + i + 1, job.asOf));
      done = { id: job.id, kind: "lines", lines: scored.map((s) => s.out), oks: scored.map((s) => s.ok) };
    }
  } catch (e) {
    done = { id: job.id, kind: "error", message: (e as Error).message };
  }
  parentPort?.postMessage(done);
});
