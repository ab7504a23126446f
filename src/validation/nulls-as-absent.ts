import { isRecord } from "../model/is-record.js";
import { JSON_LIMITS, setKey } from "../model/json-value.js";

/**
 * Where nulls may be dropped: per key of an object, whether it is optional and what lies under it. The
 * deal's plan is generated from its schema at build time (`dealNullsPlan` in deal-acceptor.generated.ts).
 */
export type NullsPlan =
  | {
      readonly kind: "object";
      readonly keys: Readonly<Record<string, { readonly optional: boolean; readonly plan?: NullsPlan }>>;
    }
  | { readonly kind: "array"; readonly element?: NullsPlan }
  /** Free-form data (`custom`): every null property at any depth is dropped. */
  | { readonly kind: "free" };
type Plan = NullsPlan;

/** The entry of `key` in a plan: how a null there is read, and the plan below it. */
const entryOf = (plan: Plan, key: string) =>
  plan.kind === "free"
    ? { optional: true, plan }
    : plan.kind === "object" && Object.hasOwn(plan.keys, key)
      ? plan.keys[key]
      : undefined;

const isPlainObject = isRecord;

/**
 * Whether anything under `value` would be dropped (a walk that allocates nothing). A value already on
 * the path (a cycle), or nested deeper than a deal may be, is left as it is, for validation to name.
 */
function hasDroppable(value: unknown, plan: Plan | undefined, onPath: Set<object>): boolean {
  // Past the depth a deal may have (validation names it), nothing is walked: the stack stays bounded.
  if (
    !plan ||
    typeof value !== "object" ||
    value === null ||
    onPath.has(value) ||
    onPath.size > JSON_LIMITS.depth
  )
    return false;
  onPath.add(value);
  try {
    if (plan.kind === "array")
      return Array.isArray(value) && value.some((item) => hasDroppable(item, plan.element, onPath));
    if (!isPlainObject(value)) return false;
    for (const key of Object.keys(value)) {
      const item = value[key];
      const entry = entryOf(plan, key);
      if (!entry) continue;
      if (item === null ? entry.optional : hasDroppable(item, entry.plan, onPath)) return true;
    }
    return false;
  } finally {
    onPath.delete(value);
  }
}

function drop(value: unknown, plan: Plan | undefined, onPath: Set<object>): unknown {
  if (!plan || !hasDroppable(value, plan, onPath)) return value;
  const node = value as object;
  onPath.add(node);
  try {
    if (plan.kind === "array") return (value as unknown[]).map((item) => drop(item, plan.element, onPath));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as Record<string, unknown>)) {
      const item = (value as Record<string, unknown>)[key];
      const entry = entryOf(plan, key);
      if (entry && item === null && entry.optional) continue;
      const kept = entry ? drop(item, entry.plan, onPath) : item;
      setKey(out, key, kept);
    }
    return out;
  } finally {
    onPath.delete(node);
  }
}

/**
 * Reads `null` on an optional field as absent (unknown), the way SQL engines export a missing column
 * (`to_json(row)`, BigQuery's `TO_JSON_STRING`): a copy without those properties, or the value itself when
 * it has none. A null on a required field, or inside a list, is kept for validation to name. Under an
 * open record (`custom`), every null property is dropped.
 */
export function nullsAsAbsent(plan: NullsPlan): (value: unknown) => unknown {
  return (value) => drop(value, plan, new Set());
}
