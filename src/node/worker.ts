import { parentPort, workerData } from "node:worker_threads";
import { toBatchResult } from "../engine/batch.js";
import { createQualifier } from "../engine/qualifier.js";
import { scoreLine } from "./ndjson-line.js";
import type { Done, Job, WorkerSetup } from "./protocol.js";

// A pool worker: builds its own qualifier once, then scores chunks until the pool closes it.
const qualifier = createQualifier(workerData as WorkerSetup);
const encoder = new TextEncoder();

parentPort?.on("message", (job: Job) => {
  let done: Done;
  try {
    if (job.kind === "deals") {
      const results = job.items.map((deal, i) =>
        toBatchResult(job.first + i, qualifier.safeEvaluate(deal, { asOf: job.asOf })),
      );
      done = { id: job.id, kind: "deals", results };
    } else {
      let text = "";
      const failed: number[] = [];
      job.items.forEach((line, i) => {
        const scored = scoreLine(qualifier, line, job.first + i + 1, job.asOf);
        text += `${scored.out}\n`;
        if (!scored.ok) failed.push(i);
      });
      done = { id: job.id, kind: "lines", bytes: encoder.encode(text), count: job.items.length, failed };
    }
  } catch (e) {
    done = { id: job.id, kind: "error", message: (e as Error).message };
  }
  // Output bytes are transferred to the main thread, not copied: they are most of the traffic.
  parentPort?.postMessage(done, done.kind === "lines" ? [done.bytes.buffer as ArrayBuffer] : []);
});
