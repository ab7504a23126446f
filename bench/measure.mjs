// A shared timing helper: mitata's measure, reported as operations per second.
import { do_not_optimize, measure } from "mitata";

/** Times `fn` (which does `ops` operations per call) and returns operations per second. */
export async function opsPerSecond(fn, ops) {
  const stats = await measure(() => do_not_optimize(fn()), { min_cpu_time: 400 * 1e6 });
  return (ops * 1e9) / stats.avg;
}

/** Formats a rate as "1.23M/s". */
export function rate(n) {
  return n >= 1e6
    ? `${(n / 1e6).toFixed(2)}M/s`
    : n >= 1e3
      ? `${(n / 1e3).toFixed(1)}k/s`
      : `${n.toFixed(0)}/s`;
}

/** The median of three measurements of `opsPerSecond(fn, ops)`: steadier on a shared machine. */
export async function medianOpsPerSecond(fn, ops) {
  const rates = [await opsPerSecond(fn, ops), await opsPerSecond(fn, ops), await opsPerSecond(fn, ops)];
  return rates.sort((a, b) => a - b)[1];
}
