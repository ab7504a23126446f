import { quote } from "./issue.js";

/**
 * A value named for a person, in every message that says what was received: `the text "1000"`, `-3`,
 * `null`, `a list`, `an object`, `a Map`. The one describer: validation, options, CRM records.
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text ${quote(value)}`;
  if (typeof value === "function") return "a function";
  if (typeof value === "object") {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor
      ?.name;
    return typeof name === "string" && name !== "Object" && name !== "" ? `a ${name}` : "an object";
  }
  if (typeof value === "bigint") return `the BigInt ${value}n`;
  return String(value);
}

/** The message of anything thrown, without ever throwing itself: the one helper for errors in words. */
export function messageOf(error: unknown): string {
  try {
    if (error instanceof Error) return error.message;
    return typeof error === "string" ? error : `a non-error value was thrown (${typeof error})`;
  } catch {
    return "an unreadable error";
  }
}
