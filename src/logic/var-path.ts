import { toText } from "../model/json-value.js";

/** Keys a rule may never read: reading them would reach into JavaScript's object machinery. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Splits a JsonLogic `var` path (`a.b.0`) into its parts; a path computed from data is read as JSON text. */
export function splitPath(path: unknown): string[] {
  return (typeof path === "string" ? path : toText(path)).split(".");
}

/**
 * Reads `parts` from `data` with json-logic-js semantics (`notFound` when a step is missing), except
 * that forbidden keys and functions are never returned.
 */
export function readPath(data: unknown, parts: readonly string[], notFound: unknown): unknown {
  let current = data;
  for (const part of parts) {
    if (current === null || current === undefined) return notFound;
    if (FORBIDDEN_KEYS.has(part)) return notFound;
    current = (current as Record<string, unknown>)[part];
    if (current === undefined || typeof current === "function") return notFound;
  }
  return current;
}

/** The value of `{"var": [path, fallback]}` on `data`. */
export function readVar(data: unknown, path: unknown, fallback: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (path === undefined || path === "" || path === null) return data;
  return readPath(data, splitPath(path), notFound);
}
