/**
 * JSON values from untrusted data, handled without ever running code the data could name: an object
 * with its own `toString`, `valueOf` or `indexOf` is read as the plain object it is, never called.
 */

/** How deep any value read from a deal may nest (objects and arrays), and how much a copy may hold. */
export const JSON_LIMITS = Object.freeze({
  /** Deepest nesting accepted in a deal's free-form parts (`custom`); deeper is a validation issue. */
  depth: 64,
  /** Deepest nesting copied into evidence; below it, `"[truncated]"`. */
  copyDepth: 16,
  /** Most values copied into one piece of evidence; beyond it, `"[truncated]"`. */
  copyValues: 2000,
});

/** The marker put where a copy stops. */
export const TRUNCATED = "[truncated]";

/** A copy of a JSON value (where structuredClone is missing: some warehouse sandboxes have none). */
export const copyJson = (v: unknown): unknown => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** Sets a data key on a plain copy; a key named `__proto__` stays a key, never the copy's prototype. */
export function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

const OBJECT_TEXT = "[object Object]";

/**
 * The primitive JavaScript's `==`, `<`, `+` and `String()` would turn a JSON value into, computed
 * without calling anything on the value: arrays join their items with commas (null as empty), plain
 * objects are `[object Object]` whatever keys they carry. Primitives come back as they are.
 */
export function toPrimitive(value: unknown, depth = 0): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (!Array.isArray(value)) return OBJECT_TEXT;
  if (depth > JSON_LIMITS.depth) return "";
  let out = "";
  for (let i = 0; i < value.length; i++) {
    if (i > 0) out += ",";
    const item = value[i];
    if (item === null || item === undefined) continue;
    out += typeof item === "object" ? (toPrimitive(item, depth + 1) as string) : String(item);
  }
  return out;
}

/** `String(value)` for a JSON value, without calling anything on it. */
export function toText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "symbol") return value.toString();
  return String(toPrimitive(value));
}

/** `Number(value)` for a JSON value, without calling anything on it. */
export function toNumber(value: unknown): number {
  if (typeof value === "symbol" || typeof value === "bigint") return Number.NaN;
  return Number(toPrimitive(value));
}

/** `Number.parseFloat(value)` for a JSON value, without calling anything on it. */
export function parseNumber(value: unknown): number {
  if (typeof value === "number") return value;
  return Number.parseFloat(toText(value));
}

/** JavaScript's loose `==` over JSON values; objects compare by identity with objects, as in JavaScript. */
export function looseEquals(a: unknown, b: unknown): boolean {
  const ao = typeof a === "object" && a !== null;
  const bo = typeof b === "object" && b !== null;
  if (ao && bo) return a === b;
  /* biome-ignore lint/suspicious/noDoubleEquals: json-logic-js's loose equality, over primitives only */
  return (ao ? toPrimitive(a) : a) == (bo ? toPrimitive(b) : b);
}

/** JavaScript's relational `<` over JSON values (strings compare as strings, the rest as numbers). */
export function lessThan(a: unknown, b: unknown, orEqual: boolean): boolean {
  const x = typeof a === "object" && a !== null ? toPrimitive(a) : a;
  const y = typeof b === "object" && b !== null ? toPrimitive(b) : b;
  if (typeof x === "symbol" || typeof y === "symbol") return false;
  return orEqual ? (x as number) <= (y as number) : (x as number) < (y as number);
}

/** Why a value is not plain JSON, in words, or undefined when it is. */
function notJson(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return undefined;
    case "number":
      return Number.isFinite(value) ? undefined : `${value} is not a JSON number`;
    case "object": {
      if (value === null || Array.isArray(value)) return undefined;
      const proto = Object.getPrototypeOf(value);
      if (proto === Object.prototype || proto === null) return undefined;
      const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
      return `a ${typeof name === "string" && name ? name : "non-plain"} object is not JSON`;
    }
    default:
      return `a ${typeof value} is not JSON`;
  }
}

/** One problem found by {@link jsonProblems}: where (as path parts) and what. */
export interface JsonProblem {
  /** Keys and indexes from the value checked. */
  readonly path: ReadonlyArray<string | number>;
  /** What is wrong. */
  readonly message: string;
  /** `not-json`, `cycle` or `too-deep`. */
  readonly code: "not-json" | "cycle" | "too-deep";
}

/**
 * Every place where a value is not plain JSON (functions, BigInt, symbols, `undefined` or holes in
 * arrays, non-finite numbers, class instances, cycles), or nests deeper than `maxDepth`. Iterative: a
 * value nested thousands deep is reported, never a stack overflow. Stops after `max` problems.
 */
export function jsonProblems(value: unknown, maxDepth: number = JSON_LIMITS.depth, max = 100): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const onPath = new Set<object>();
  type Frame = { value: unknown; path: Array<string | number>; leave?: object };
  const stack: Frame[] = [{ value, path: [] }];
  while (stack.length > 0 && problems.length < max) {
    const frame = stack.pop() as Frame;
    if (frame.leave) {
      onPath.delete(frame.leave);
      continue;
    }
    const { value: v, path } = frame;
    const why = notJson(v);
    if (why) {
      problems.push({ path, message: `${why}: only JSON values are accepted`, code: "not-json" });
      continue;
    }
    if (typeof v !== "object" || v === null) continue;
    if (onPath.has(v)) {
      problems.push({ path, message: "the value contains itself (a cycle): JSON cannot", code: "cycle" });
      continue;
    }
    if (path.length >= maxDepth) {
      problems.push({
        path,
        message: `nested more than ${maxDepth} levels deep; flatten it`,
        code: "too-deep",
      });
      continue;
    }
    onPath.add(v);
    stack.push({ value: undefined, path, leave: v });
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        if (!(i in v))
          problems.push({ path: [...path, i], message: "an array hole is not JSON", code: "not-json" });
        else stack.push({ value: v[i], path: [...path, i] });
      }
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const item = (v as Record<string, unknown>)[key];
        // An absent value written as undefined is what JSON.stringify drops: it means "not given".
        if (item !== undefined) stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return problems;
}

/**
 * A copy of a JSON value that shares nothing with it, bounded in depth and size: deeper parts and the
 * values beyond the budget become `"[truncated]"`, so a huge or deep value never costs more than that.
 */
export function boundedCopy(
  value: unknown,
  maxDepth: number = JSON_LIMITS.copyDepth,
  budget: { left: number } = { left: JSON_LIMITS.copyValues },
): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (maxDepth <= 0 || budget.left <= 0) return TRUNCATED;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      if (budget.left-- <= 0) {
        out.push(TRUNCATED);
        break;
      }
      out.push(item === undefined ? null : boundedCopy(item, maxDepth - 1, budget));
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === "function") continue;
    if (budget.left-- <= 0) {
      out[key] = TRUNCATED;
      break;
    }
    Object.defineProperty(out, key, {
      value: boundedCopy(item, maxDepth - 1, budget),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** A deeply frozen copy of a JSON value: what code from plugins is given, so it cannot change the caller's deal. */
export function frozenCopy<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return Object.freeze(value.map((item) => frozenCopy(item))) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = frozenCopy((value as Record<string, unknown>)[key]);
    setKey(out, key, item);
  }
  return Object.freeze(out) as T;
}

/**
 * A copy of an input in which every property was read exactly once: what is validated is then what is
 * scored, even when the input has getters that answer differently each time, or is a Proxy. Plain
 * objects and arrays are copied; anything else (a Date, a class instance) is kept as it is, for
 * validation to reject. Cycles and nesting past the JSON depth limit keep the original there (validation
 * reports them). A getter or trap that throws gives `{ thrown }` with the path where it happened.
 */
export function readOnce(
  value: unknown,
): { readonly value: unknown } | { readonly thrown: unknown; readonly path: ReadonlyArray<string | number> } {
  const path: Array<string | number> = [];
  const onPath = new Set<object>();
  const copy = (v: unknown): unknown => {
    if (typeof v !== "object" || v === null || onPath.has(v) || path.length > JSON_LIMITS.depth) return v;
    const isArray = Array.isArray(v);
    const proto = isArray ? null : Object.getPrototypeOf(v);
    if (!isArray && proto !== Object.prototype && proto !== null) return v;
    onPath.add(v);
    let out: unknown;
    if (isArray) {
      const list = v as unknown[];
      const items = new Array<unknown>(list.length);
      for (let i = 0; i < items.length; i++) {
        path.push(i);
        items[i] = copy(list[i]);
        path.pop();
      }
      out = items;
    } else {
      const obj: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        path.push(key);
        const item = copy((v as Record<string, unknown>)[key]);
        path.pop();
        setKey(obj, key, item);
      }
      out = obj;
    }
    onPath.delete(v);
    return out;
  };
  try {
    return { value: copy(value) };
  } catch (thrown) {
    return { thrown, path: [...path] };
  }
}
