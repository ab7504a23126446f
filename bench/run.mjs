// `npm run bench [-- section]`: every benchmark, printed as markdown tables for docs/performance.md.
// Sections: logic, peers, floor, model, frameworks, bant, memory, workers, scale, calibrate, import (or cold), size, engines. Memory streams 1,000,000 deals
// (set BENCH_DEALS to change it).
import os from "node:os";
import { benchCalibrate } from "./calibrate.mjs";
import { benchEngines } from "./engines.mjs";
import { benchFloor } from "./floor.mjs";
import { benchBant, benchFrameworks } from "./frameworks.mjs";
import { benchLogic } from "./logic.mjs";
import { benchPeers } from "./peers.mjs";
import { benchScale } from "./scale.mjs";
import { benchAppBundle, benchImport, benchMemory, benchSize, benchWorkers } from "./system.mjs";
import { benchWorkersModel } from "./workers-model.mjs";

const table = (title, header, rows) =>
  [
    `### ${title}`,
    "",
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
  ].join("\n");

const only = process.argv[2];
const want = (name) => !only || only === name;
const deals = Number(process.env.BENCH_DEALS ?? 1_000_000);
console.log(
  `Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.availableParallelism()} cores, Node ${process.version}\n`,
);
if (want("logic"))
  console.log(
    table(
      "JsonLogic: one rule (and of 4 comparisons, some and filter over 5 items)",
      ["evaluator", "evaluations", "ratio"],
      await benchLogic(),
    ),
  );
if (want("peers"))
  console.log(
    table(
      "Plain JsonLogic against the peers: five rule shapes (rates are medians of 3; in brackets, our time over json-logic-engine's, lower is better)",
      [
        "shape",
        "json-logic-js apply",
        "json-logic-engine build()",
        "compileLogic (closures)",
        "compileLogic codegen",
        "hand-written",
      ],
      await benchPeers(),
    ),
  );
if (want("floor"))
  console.log(
    table(
      "One NDJSON line, all twelve frameworks, against the JSON floor (parse the deal, stringify its report); medians of 3",
      ["reports", "average report", "floor, lines/s", "qualify, lines/s", "our time / the floor's"],
      await benchFloor(),
    ),
  );
if (want("model")) {
  const { rows, constants } = await benchWorkersModel();
  console.log(
    `Measured per line: W (the work, one thread) ${(constants.W * 1e6).toFixed(0)} µs; Wp (a worker's, in a pool) ${(constants.Wp * 1e6).toFixed(0)} µs; M (the main thread's, in a pool) ${(constants.M * 1e6).toFixed(0)} µs: the main thread's share is ${(constants.share * 100).toFixed(0)}%.\n`,
  );
  console.log(
    table(
      "Workers by the model: rate = min(n/Wp, 1/M, cores/(Wp+M)), default frameworks, full reports",
      ["machine", "deals/s", "speed-up", "bound by"],
      rows,
    ),
  );
}
if (want("frameworks"))
  console.log(
    table("All twelve frameworks, 500 synthetic deals", ["mode", "deals", "ratio"], await benchFrameworks()),
  );
if (want("bant"))
  console.log(table("BANT alone: by hand vs qualify", ["evaluator", "deals", "ratio"], await benchBant()));
if (want("memory"))
  console.log(
    table(
      "qualify score --ndjson: peak memory (bant, meddpicc, core rules)",
      ["stream", "peak RSS", "throughput"],
      await benchMemory(deals),
    ),
  );
if (want("workers"))
  console.log(
    table(
      "qualify score --ndjson --workers: 200,000 deals from a file",
      ["run", "throughput", "speed-up"],
      await benchWorkers(),
    ),
  );
if (want("scale"))
  console.log(
    table(
      "Validation and scoring per stakeholder, 1,000 to 100,000 stakeholders (bant, meddpicc; best of 3)",
      ["org chart", "stakeholders", "validate", "vs 1,000", "score", "vs 1,000"],
      benchScale(),
    ),
  );
if (want("calibrate"))
  console.log(
    table("qualify calibrate, a history file of n lines", ["lines", "time", "peak RSS"], benchCalibrate()),
  );
if (want("import") || want("cold"))
  console.log(
    table(
      "Cold start (median of 21 fresh processes each, the variants taking turns)",
      ["what", "time", "cost"],
      benchImport(),
    ),
  );
if (want("size")) {
  console.log(table("Size of dist", ["file", "size", "gzipped"], benchSize()));
  console.log(
    table(
      "An app bundled for the browser (esbuild, minified) that imports createQualifier and scores a deal",
      ["what", "minified", "gzipped / share"],
      await benchAppBundle(),
    ),
  );
}
if (want("engines"))
  console.log(
    table(
      "Engines: the same synthetic deals, default frameworks (docs/engines.md)",
      ["engine", "deals/s", "vs the CLI alone"],
      await benchEngines(),
    ),
  );
