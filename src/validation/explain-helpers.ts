// What the generated explainer (src/validation/deal-explainer.generated.ts) calls: zod's own tests, so
// that it lists the issues zod would, in zod's order.
import { currencyProblem } from "../model/currency.js";

/** Where an issue is, as zod keeps it. */
export type Path = readonly PropertyKey[];

/** An issue as zod reports it (the fields src/validation/from-zod.ts reads); `allowed` and `types` carry what it would read from the schema. */
export type RawIssue = { readonly code: string; readonly path: Path; readonly [field: string]: unknown };

/** The suggestion for a currency code that is not one ("eur" -> "EUR"). */
export const currencySuggestion = (value: unknown): string | undefined =>
  currencyProblem(String(value)).suggestion;

/** zod's test for a record: an object whose constructor, if it has one, is Object's kind. */
export const isPlainObject = (v: unknown): boolean => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const ctor = (v as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== "function") return true;
  const proto: unknown = ctor.prototype;
  if (typeof proto !== "object" || proto === null || Array.isArray(proto)) return false;
  return Object.hasOwn(proto, "isPrototypeOf");
};

/** Keys a strict object does not know, inherited enumerable ones included, as zod lists them. */
export const unknownKeys = (v: object, known: readonly string[], p: Path, out: RawIssue[]): void => {
  const keys: string[] = [];
  for (const key in v) if (!known.includes(key)) keys.push(key);
  if (keys.length > 0) out.push({ code: "unrecognized_keys", keys, allowed: known, path: p });
};
