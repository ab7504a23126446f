// Workers on a larger machine, by a model from costs measured here. Per NDJSON line: W, the CPU a
// worker spends (parse, validate, score, stringify: measured on one thread); M, the CPU the main thread
// spends with a pool (read and split the input, post chunks, take the reports back, write them: its
// event-loop busy time over the run); Wp, a worker's cost inside a pool (W plus copying and messaging).
// With n workers on c cores, three bounds hold: the workers can do
// n/Wp lines a second, the main thread 1/M, and the machine c/(Wp+M). The rate is the least of them.
import { closeSync, openSync, writeSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { createQualifier } from "../dist/index.js";
import { createWorkerPool } from "../dist/node.js";
import { makeDeals } from "./deals.mjs";

const asOf = "2026-11-27";
const COUNT = 20_000;

/** Measures W and M; returns the model's rows and the constants. */
export async function benchWorkersModel() {
  const deals = makeDeals(2000);
  const lines = Array.from({ length: COUNT }, (_, i) =>
    JSON.stringify({ ...deals[i % deals.length], id: `d${i}` }),
  );
  const sink = openSync("/dev/null", "w");

  // W: one thread, the whole line's work (as a worker does it), after a warm-up.
  const q = createQualifier();
  const one = () => {
    for (const line of lines) {
      const r = q.safeEvaluate(JSON.parse(line), { asOf });
      writeSync(sink, `${JSON.stringify(r.success ? r.data : r.issues)}\n`);
    }
  };
  one();
  let t = performance.now();
  one();
  const W = (performance.now() - t) / 1000 / COUNT;

  // M: the main thread's busy time with a pool of one worker (the worker does W on its own core).
  const pool = createWorkerPool({ workers: 1 });
  const drain = async () => {
    for await (const chunk of pool.scoreChunks(lines, { asOf })) writeSync(sink, chunk.bytes);
  };
  await drain();
  const before = performance.eventLoopUtilization();
  t = performance.now();
  await drain();
  const wall = (performance.now() - t) / 1000;
  const elu = performance.eventLoopUtilization(before);
  const M = elu.active / 1000 / COUNT;
  await pool.close();
  closeSync(sink);

  // A worker's cost in a pool: one worker's wall time per line (the main thread keeps up, so the worker is
  // the bottleneck), which adds what W leaves out: copying chunks in and reports out, messaging.
  const Wp = Math.max(W, wall / COUNT);
  const rate = (n, c) => Math.min(n / Wp, 1 / M, c / (Wp + M));
  const base = 1 / W;
  const rows = [2, 4, 8, 16, 32].map((c) => {
    const n = c;
    const r = rate(n, c);
    const bound = r === 1 / M ? "main thread" : r === n / Wp ? "workers" : "cores";
    return [
      `${c} cores, --workers ${n}`,
      `${Math.round(r)} deals/s`,
      `${(r / base).toFixed(2)}x one thread`,
      bound,
    ];
  });
  return {
    rows,
    constants: { W, Wp, M, wall, cores: os.availableParallelism(), share: M / (Wp + M) },
  };
}
