import policyFile from "../../frameworks/policy.json" with { type: "json" };
import { isPlainRecord } from "./is-record.js";
import { copyJson } from "./json-value.js";
import type { Policy, PolicyOverride } from "./policy.js";

// The built-in judgement policy and how overrides apply, free of zod (the schemas are in policy.ts): a
// qualifier without plugin policies reads the defaults and never builds a policy schema.

const deepFreeze = <T>(value: T): T => {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

/** The built-in policy: frameworks/policy.json (checked against {@link Policy} by the tests and at generation). */
export const DEFAULT_POLICY: Readonly<Policy> = deepFreeze(copyJson(policyFile) as Policy);

/**
 * The policy with overrides applied in order: objects merge key by key (a stage-weight row by its stages),
 * lists and numbers replace. The overrides are already validated ({@link PolicyOverride}).
 */
export function mergePolicy(base: Readonly<Policy>, overrides: readonly PolicyOverride[]): Readonly<Policy> {
  if (overrides.length === 0) return base;
  const merge = (a: unknown, b: unknown): unknown => {
    if (!isPlainRecord(a) || !isPlainRecord(b)) return b === undefined ? a : copyJson(b);
    const out: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) out[key] = merge(a[key], value);
    return out;
  };
  return deepFreeze(overrides.reduce<unknown>((acc, o) => merge(acc, o), base) as Policy);
}
