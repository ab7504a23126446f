import { z } from "zod";
import { isRecord } from "../model/is-record.js";
import { JSON_LIMITS, setKey } from "../model/json-value.js";
import { unwrap } from "./schema-walk.js";

/** Where nulls may be dropped: per key of an object, whether it is optional and what lies under it. */
type Plan =
  | {
      readonly kind: "object";
      readonly keys: ReadonlyMap<string, { optional: boolean; plan: Plan | undefined }>;
    }
  | { readonly kind: "array"; readonly element: Plan | undefined }
  /** Free-form data (`custom`): every null property at any depth is dropped. */
  | { readonly kind: "free" };

/** The plan of a schema: built once per schema, when the module loads. */
function planOf(schema: z.ZodType): Plan | undefined {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    const keys = new Map<string, { optional: boolean; plan: Plan | undefined }>();
    for (const [key, child] of Object.entries(s.shape as Record<string, z.ZodType>))
      keys.set(key, { optional: child.safeParse(undefined).success, plan: planOf(child) });
    return { kind: "object", keys };
  }
  if (s instanceof z.ZodArray) return { kind: "array", element: planOf(s.element as z.ZodType) };
  if (s instanceof z.ZodRecord) return { kind: "free" };
  return undefined;
}

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
      const entry = plan.kind === "free" ? { optional: true, plan } : plan.keys.get(key);
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
      const entry = plan.kind === "free" ? { optional: true, plan } : plan.keys.get(key);
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
export function nullsAsAbsent(schema: z.ZodType): (value: unknown) => unknown {
  const plan = planOf(schema);
  return (value) => drop(value, plan, new Set());
}
