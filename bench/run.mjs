// `npm run bench`: every benchmark, printed as markdown tables for docs/performance.md.
import os from "node:os";
import { benchLogic } from "./logic.mjs";

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
console.log(
  `Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}\n`,
);
if (!only || only === "logic")
  console.log(
    table(
      "JsonLogic: one rule (and of 4 comparisons, some and filter over 5 items)",
      ["evaluator", "evaluations", "ratio"],
      await benchLogic(),
    ),
  );
