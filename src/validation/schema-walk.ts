import { z } from "zod";

/** Strips optional, nullable, default and readonly wrappers to reach the schema that shapes the value. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodReadonly
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

/** What lies under a key in a schema: a known child, anything (open record or unknown), or nothing. */
export type Child =
  | { readonly kind: "schema"; readonly schema: z.ZodType }
  | { readonly kind: "any" }
  | { readonly kind: "none" };

/** The schema of `key` inside `schema` (`key` may be an array index). */
export function childOf(schema: z.ZodType, key: string | number): Child {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodType>;
    const child = Object.hasOwn(shape, String(key)) ? shape[String(key)] : undefined;
    return child ? { kind: "schema", schema: child } : { kind: "none" };
  }
  if (s instanceof z.ZodArray) {
    return typeof key === "number" || /^\d+$/.test(String(key))
      ? { kind: "schema", schema: s.element as z.ZodType }
      : { kind: "none" };
  }
  if (s instanceof z.ZodRecord) {
    // A table keyed by an enum (a policy's stage weights): its rows are known; an open record is anything.
    const keys = enumKeys(s);
    if (!keys) return { kind: "any" };
    return keys.includes(String(key))
      ? { kind: "schema", schema: s.valueType as z.ZodType }
      : { kind: "none" };
  }
  if (s instanceof z.ZodUnknown || s instanceof z.ZodAny) return { kind: "any" };
  return { kind: "none" };
}

/** The keys a record allows when they are an enum's values (z.record(Topic, ...)); undefined when open. */
function enumKeys(record: z.ZodRecord): string[] | undefined {
  const key = unwrap(record.keyType as z.ZodType);
  return key instanceof z.ZodEnum ? (key.options as unknown[]).map(String) : undefined;
}

/** The keys an object schema allows (empty for other schemas). */
export function keysOf(schema: z.ZodType): string[] {
  const s = unwrap(schema);
  if (s instanceof z.ZodRecord) return enumKeys(s) ?? [];
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** The element schema when `schema` is an array, else undefined. */
export function elementOf(schema: z.ZodType): z.ZodType | undefined {
  const s = unwrap(schema);
  return s instanceof z.ZodArray ? (s.element as z.ZodType) : undefined;
}

/** The schema at a path, or undefined when the path leaves the schema (or enters an open record). */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType = schema;
  for (const key of path) {
    const child = childOf(current, typeof key === "number" ? key : String(key));
    if (child.kind !== "schema") return undefined;
    current = child.schema;
  }
  return current;
}
