import type { Issue, Qualifier } from "./core.js";
import type { InputLine } from "./ndjson-input.js";

/** The NDJSON error record for an input line: `{"line": N, "error": {"message", "issues"}}`. */
export function errorRecord(line: number, message: string, issues: readonly Issue[]): string {
  return JSON.stringify({ line, error: { message, issues } });
}

/** Scores one NDJSON line: the report, or an error record with the line number. Never throws. */
export function scoreLine(
  qualifier: Qualifier,
  text: InputLine,
  line: number,
  asOf: string,
): { out: string; ok: boolean } {
  if (typeof text !== "string") return { out: errorRecord(line, text.bad, []), ok: false };
  if (text.trim() === "") return { out: errorRecord(line, "empty line", []), ok: false };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { out: errorRecord(line, `not valid JSON: ${(e as Error).message}`, []), ok: false };
  }
  // The CLI's operator runs the plugins: what a failing one threw is said in the record.
  const result = qualifier.safeEvaluate(value, { asOf, errorDetails: true });
  if (result.success) return { out: JSON.stringify(result.data), ok: true };
  const failed = result.kind === "rule-failed";
  return { out: errorRecord(line, failed ? "evaluation failed" : "invalid deal", result.issues), ok: false };
}
