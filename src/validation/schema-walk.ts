import type { z } from "zod";

// The walk reads each schema's definition (`_zod.def`), never zod's classes: it needs no zod at run time,
// so checking a rule's `var` paths or wording a rejection does not load zod (the schemas do, when they are
// first used).

/** A schema's definition, as zod 4 keeps it. */
type Def = {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly element?: z.ZodType;
  readonly keyType?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly options?: readonly z.ZodType[];
};

/** The definition of a schema. */
export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(["optional", "nullable", "default", "readonly"]);

/** Strips optional, nullable, default and readonly wrappers to reach the schema that shapes the value. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

/** A schema-shaped description of an object with these fields (a `reduce` body's scope), made without zod. */
export function objectScope(shape: Readonly<Record<string, z.ZodType | "unknown">>): z.ZodType {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([k, s]) => [
      k,
      s === "unknown" ? ({ _zod: { def: { type: "unknown" } } } as unknown as z.ZodType) : s,
    ]),
  );
  return { _zod: { def: { type: "object", shape: fields } } } as unknown as z.ZodType;
}

/** What lies under a key in a schema: a known child, anything (open record or unknown), or nothing. */
export type Child =
  | { readonly kind: "schema"; readonly schema: z.ZodType }
  | { readonly kind: "any" }
  | { readonly kind: "none" };

/** The schema of `key` inside `schema` (`key` may be an array index). */
export function childOf(schema: z.ZodType, key: string | number): Child {
  const def = defOf(unwrap(schema));
  if (def.type === "object" && def.shape) {
    const child = Object.hasOwn(def.shape, String(key)) ? def.shape[String(key)] : undefined;
    return child ? { kind: "schema", schema: child } : { kind: "none" };
  }
  if (def.type === "array" && def.element) {
    return typeof key === "number" || /^\d+$/.test(String(key))
      ? { kind: "schema", schema: def.element }
      : { kind: "none" };
  }
  if (def.type === "record" && def.valueType) {
    // A table keyed by an enum (a policy's stage weights): its rows are known; an open record is anything.
    const keys = enumKeys(def);
    if (!keys) return { kind: "any" };
    return keys.includes(String(key)) ? { kind: "schema", schema: def.valueType } : { kind: "none" };
  }
  if (def.type === "unknown" || def.type === "any") return { kind: "any" };
  return { kind: "none" };
}

/** The values of an enum schema (through optional wrappers), or undefined when it is not an enum. */
export function enumOptions(schema: z.ZodType): string[] | undefined {
  const def = defOf(unwrap(schema));
  return def.type === "enum" && def.entries ? Object.values(def.entries).map(String) : undefined;
}

/** The keys a record allows when they are an enum's values (z.record(Topic, ...)); undefined when open. */
function enumKeys(record: Def): string[] | undefined {
  return record.keyType ? enumOptions(record.keyType) : undefined;
}

/** The keys an object schema allows (empty for other schemas). */
export function keysOf(schema: z.ZodType): string[] {
  const def = defOf(unwrap(schema));
  if (def.type === "record") return enumKeys(def) ?? [];
  return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

/** The element schema when `schema` is an array, else undefined. */
export function elementOf(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(unwrap(schema));
  return def.type === "array" ? def.element : undefined;
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
