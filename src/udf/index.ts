/**
 * The warehouse entry (`dist/udf.js`): one self-contained script for a JavaScript UDF in BigQuery or
 * Snowflake. It defines a global `qualifyJson(dealJson, optionsJson)` that returns the report as a JSON
 * string, or `{"error": {"message", "issues"}}`: it never throws. The qualifier is built once per
 * distinct options string and reused across rows (warehouses keep globals between rows).
 */
import { z } from "zod";
import { createQualifier, type Qualifier } from "../engine/qualifier.js";
import { messageOf } from "../engine/rule-failure.js";
import { isIsoDay } from "../model/value-checks.js";
import { checkOptions, DATA_OPTIONS, describeValue } from "../validation/check-options.js";
import type { Issue } from "../validation/issue.js";

// No generated code: warehouses may forbid eval and new Function, so zod validates without its JIT.
z.config({ jitless: true });

const realDay = (v: unknown, path: ReadonlyArray<string | number>): Issue[] =>
  typeof v === "string" && isIsoDay(v)
    ? []
    : [
        {
          path: path.join("."),
          code: "invalid-date",
          message: `asOf must be a real day written as text "YYYY-MM-DD"; received ${describeValue(v)}`,
        },
      ];
/** The UDF's options: the qualifier's data options and the date to judge at. */
const UDF_OPTIONS = { ...DATA_OPTIONS, asOf: realDay };

const qualifiers = new Map<string, Qualifier>();
const MAX_CACHED = 16;

const error = (message: string, issues: readonly Issue[] = []) =>
  JSON.stringify({ error: { message, issues } });

function qualifierFor(optionsJson: string): Qualifier | string {
  const cached = qualifiers.get(optionsJson);
  if (cached) return cached;
  let options: unknown;
  try {
    options = optionsJson === "" ? {} : JSON.parse(optionsJson);
  } catch (e) {
    return error(`options are not valid JSON: ${messageOf(e)}`);
  }
  if (typeof options !== "object" || options === null || Array.isArray(options))
    return error('options must be a JSON object, e.g. {"frameworks": ["bant"], "asOf": "2026-11-27"}');
  // As strict as the CLI: a misspelt key or a wrongly typed value is an error, never a silent default.
  const issues = checkOptions(options, UDF_OPTIONS, "options");
  if (issues.length > 0) return error("invalid options", issues);
  const { asOf: _asOf, ...rest } = options as Record<string, unknown>;
  try {
    const q = createQualifier(rest as never);
    if (qualifiers.size >= MAX_CACHED) qualifiers.delete(qualifiers.keys().next().value as string);
    qualifiers.set(optionsJson, q);
    return q;
  } catch (e) {
    return error(
      "invalid options",
      (e as { issues?: Issue[] }).issues ?? [{ path: "", code: "invalid-value", message: messageOf(e) }],
    );
  }
}

/** Scores one deal given as JSON text; options as JSON text (`frameworks`, `disable`, `asOf`...). */
export function qualifyJson(dealJson: unknown, optionsJson?: unknown): string {
  try {
    const optionsText =
      typeof optionsJson === "string" ? optionsJson : optionsJson == null ? "" : JSON.stringify(optionsJson);
    const q = qualifierFor(optionsText);
    if (typeof q === "string") return q;
    const asOf = optionsText ? (JSON.parse(optionsText) as { asOf?: unknown }).asOf : undefined;
    let deal: unknown = dealJson;
    if (typeof dealJson === "string") {
      try {
        deal = JSON.parse(dealJson);
      } catch (e) {
        return error(`the deal is not valid JSON: ${messageOf(e)}`);
      }
    }
    const result = q.safeEvaluate(deal, typeof asOf === "string" ? { asOf } : {});
    return result.success ? JSON.stringify(result.data) : error("invalid deal", result.issues);
  } catch (e) {
    return error(`internal error: ${messageOf(e)}`);
  }
}

(globalThis as { qualifyJson?: typeof qualifyJson }).qualifyJson = qualifyJson;
