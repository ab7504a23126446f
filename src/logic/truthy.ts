/** JsonLogic truthiness: like JavaScript's, except that an empty array is false. */
export function truthy(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return Boolean(value);
  return !(Array.isArray(value) && value.length === 0);
}

/** True when `value` is a JsonLogic operation: a plain object with exactly one key. */
export function isLogic(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1
  );
}

/** The operator name and argument list of an operation (a lone argument becomes a list of one). */
export function opAndArgs(logic: Record<string, unknown>): [string, unknown[]] {
  const op = Object.keys(logic)[0] as string;
  const values = logic[op];
  return [op, Array.isArray(values) ? values : [values]];
}
