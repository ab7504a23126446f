import type { Issue, Qualifier } from "./core.js";
import type { InputLine } from "./ndjson-input.js";

/**
 * What an error record says about its input line besides the error: the `row` the line carried (echoed
 * unchanged) and the deal's `id` when it could be read.
 */
export interface LineInfo {
  /** The line's `row`, when it was an envelope `{"row": ..., "deal": ...}`. */
  readonly row?: { readonly value: unknown };
  /** The deal's id, when it could be read. */
  readonly id?: string;
}

// Line splitters other than JSON's own (Python's str.splitlines, some engines' readers) also break at
// U+2028, U+2029 and U+0085: JSON allows them raw in strings, so every output line escapes them.
const SPLITTERS = /[\u2028\u2029\u0085]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** A JSON text that every line splitter sees as one line: U+2028, U+2029 and U+0085 escaped. */
export function oneLine(json: string): string {
  SPLITTERS.lastIndex = 0;
  return SPLITTERS.test(json) ? json.replace(SPLITTERS, escapeChar) : json;
}

/** `{"row": ..., ` when the line carried a row: what every output line for it starts with. */
const rowPrefix = (info: LineInfo | undefined): string =>
  info?.row ? `"row":${JSON.stringify(info.row.value) ?? "null"},` : "";

/**
 * The NDJSON error record for an input line: `{"row": ..., "line": N, "id": ..., "error": {"message",
 * "issues"}}` (`row` when the line carried one, `id` when the deal's could be read).
 */
export function errorRecord(
  line: number,
  message: string,
  issues: readonly Issue[],
  info?: LineInfo,
): string {
  const id = info?.id !== undefined ? `"id":${JSON.stringify(info.id)},` : "";
  return oneLine(`{${rowPrefix(info)}"line":${line},${id}"error":${JSON.stringify({ message, issues })}}`);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * An input value as a deal and what to echo: an envelope `{"row": <any JSON>, "deal": <deal or deal JSON
 * text>}` (exactly those keys; a deal always has more) gives its deal and row; anything else is the deal.
 */
export function unwrapLine(
  value: unknown,
): { deal: unknown; info: LineInfo } | { bad: string; info: LineInfo } {
  const keys = isObject(value) ? Object.keys(value) : [];
  const envelope = keys.length === 2 && keys.includes("row") && keys.includes("deal");
  if (!envelope) return { deal: value, info: idOf(value, {}) };
  const { row, deal } = value as { row: unknown; deal: unknown };
  const info = { row: { value: row } };
  if (typeof deal !== "string") return { deal, info: idOf(deal, info) };
  try {
    const parsed: unknown = JSON.parse(deal);
    return { deal: parsed, info: idOf(parsed, info) };
  } catch (e) {
    return { bad: `"deal" is text that is not valid JSON: ${(e as Error).message}`, info };
  }
}

const idOf = (deal: unknown, info: LineInfo): LineInfo =>
  isObject(deal) && typeof deal.id === "string" ? { ...info, id: deal.id } : info;

/** What an input line's text says for its error record, when it could not be scored at all (a worker died). */
export function infoOfText(text: InputLine): LineInfo {
  if (typeof text !== "string") return {};
  try {
    return unwrapLine(JSON.parse(text)).info;
  } catch {
    return {};
  }
}

/**
 * Scores one NDJSON line: the report (after the line's `row`, when it carried one), or an error record
 * with the line number, the row and the deal's id. Never throws.
 */
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
  const unwrapped = unwrapLine(value);
  if ("bad" in unwrapped) return { out: errorRecord(line, unwrapped.bad, [], unwrapped.info), ok: false };
  // The CLI's operator runs the plugins: what a failing one threw is said in the record.
  const result = qualifier.safeEvaluate(unwrapped.deal, { asOf, errorDetails: true });
  if (result.success) {
    const report = JSON.stringify(result.data);
    const prefix = rowPrefix(unwrapped.info);
    return { out: oneLine(prefix ? `{${prefix}${report.slice(1)}` : report), ok: true };
  }
  const failed = result.kind === "rule-failed";
  const message = failed ? "evaluation failed" : "invalid deal";
  return { out: errorRecord(line, message, result.issues, unwrapped.info), ok: false };
}
