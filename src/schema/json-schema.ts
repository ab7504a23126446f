import { z } from "zod";
import { CalibrationResult } from "../calibrate/model.js";
import { Comparison } from "../compare/model.js";
import { Deal } from "../model/deal.js";
import { Framework, RuleSet } from "../model/framework.js";
import { Policy } from "../model/policy.js";
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

/**
 * Makes every optional property of every object schema also accept `null`: the deal model reads a null
 * optional field as absent (unknown), as SQL engines export a missing column. Required ones stay as they are.
 */
function nullableOptionals(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableOptionals);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = nullableOptionals(value);
  const properties = out.properties as Record<string, unknown> | undefined;
  if (out.type === "object" && properties) {
    const required = new Set((out.required as string[] | undefined) ?? []);
    for (const [key, value] of Object.entries(properties))
      if (!required.has(key) && !key.startsWith("$")) {
        const { description, ...rest } = value as Record<string, unknown>;
        properties[key] = {
          ...(description !== undefined ? { description } : {}),
          anyOf: [rest, { type: "null", description: "Unknown, the same as absent." }],
        };
      }
  }
  return out;
}

/** JSON Schema (draft 2020-12) of a deal file, generated from the zod schema; a null optional field is absent. */
export function dealJsonSchema(): Record<string, unknown> {
  return nullableOptionals(generate(Deal, "deal.schema.json", "qualify deal, version 1", "input")) as Record<
    string,
    unknown
  >;
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

/** JSON Schema of the judgement policy file (frameworks/policy.json). */
export function policyJsonSchema(): Record<string, unknown> {
  return generate(Policy, "policy.schema.json", "qualify judgement policy", "input");
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
