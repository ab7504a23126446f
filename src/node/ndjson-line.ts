import type { Qualifier } from "../engine/qualifier.js";

/** Scores one NDJSON line: the report, or an error record with the line number. Never throws. */
export function scoreLine(
  qualifier: Qualifier,
  text: string,
  line: number,
  asOf: string,
): { out: string; ok: boolean } {
  if (text.trim() === "")
    return { out: JSON.stringify({ line, error: { message: "empty line", issues: [] } }), ok: false };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      out: JSON.stringify({
        line,
        error: { message: `not valid JSON: ${(e as Error).message}`, issues: [] },
      }),
      ok: false,
    };
  }
  const result = qualifier.safeEvaluate(value, { asOf });
  return result.success
    ? { out: JSON.stringify(result.data), ok: true }
    : { out: JSON.stringify({ line, error: { message: "invalid deal", issues: result.issues } }), ok: false };
}
