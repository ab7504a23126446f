import { z } from "zod";
import { CalibrationResult } from "../calibrate/model.js";
import { Comparison } from "../compare/model.js";
import { Deal } from "../model/deal.js";
import { Framework, RuleSet } from "../model/framework.js";
import { Report } from "../model/report.js";

const BASE = "https://unpkg.com/qualify/schema";

function generate(
  schema: z.ZodType,
  id: string,
  title: string,
  io: "input" | "output",
): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return { ...json, $id: `${BASE}/${id}`, title };
}

/** JSON Schema (draft 2020-12) of a deal file, generated from the zod schema. */
export function dealJsonSchema(): Record<string, unknown> {
  return generate(Deal, "deal.schema.json", "qualify deal, version 1", "input");
}

/** JSON Schema of a framework or rule-set file. */
export function frameworkJsonSchema(): Record<string, unknown> {
  return generate(
    z.union([Framework, RuleSet]),
    "framework.schema.json",
    "qualify framework or rule set",
    "input",
  );
}

/** JSON Schema of a report. */
export function reportJsonSchema(): Record<string, unknown> {
  return generate(Report, "report.schema.json", "qualify report, version 1", "output");
}

/** JSON Schema of a comparison of two snapshots (`qualify diff`, `compare`). */
export function comparisonJsonSchema(): Record<string, unknown> {
  return generate(
    Comparison,
    "comparison.schema.json",
    "qualify comparison of two snapshots, version 1",
    "output",
  );
}

/** JSON Schema of a calibration result (`qualify calibrate --format json`, `calibrate`). */
export function calibrationJsonSchema(): Record<string, unknown> {
  return generate(
    CalibrationResult,
    "calibration.schema.json",
    "qualify calibration result, version 1",
    "output",
  );
}
