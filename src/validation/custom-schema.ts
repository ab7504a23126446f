import { z } from "zod";
import { Deal } from "../model/deal.js";
import type { Issue } from "./issue.js";

/** Anything that declares the shape of `deal.custom`: a JSON Schema object, or a zod schema. */
export type CustomSchemaInput = Readonly<Record<string, unknown>> | z.ZodType;

const isZod = (v: unknown): v is z.ZodType => typeof v === "object" && v !== null && "_zod" in v;
const isZod3 = (v: unknown): boolean =>
  typeof v === "object" &&
  v !== null &&
  !("_zod" in v) &&
  "_def" in v &&
  typeof (v as { safeParse?: unknown }).safeParse === "function";

/**
 * One schema for `deal.custom` from every declaration (framework files' `customSchema`, plugins'
 * `customSchema`): JSON Schemas are converted with zod's own converter; object schemas are merged key by
 * key (a later declaration of a key wins), and the result stays strict if any declaration was. Returns
 * the Deal schema with that `custom`, or undefined when nothing declares one; a schema that cannot be
 * read is an issue with its path.
 */
export function dealWithCustom(
  declarations: ReadonlyArray<{ schema: CustomSchemaInput; where: string }>,
  issues: Issue[],
): { deal: z.ZodType; custom: z.ZodType } | undefined {
  if (declarations.length === 0) return undefined;
  const shapes: Record<string, z.ZodType> = {};
  let strict = false;
  for (const { schema, where } of declarations) {
    // A zod 3 schema has `_def` and `safeParse` but no `_zod`: read as a JSON Schema it would mean nothing.
    if (isZod3(schema)) {
      issues.push({
        path: where,
        code: "invalid-schema",
        message:
          'customSchema is a zod 3 schema; qualify needs zod 4 (import { z } from "zod" with zod 4 installed, or "zod/v4" from zod 3.25), or a JSON Schema',
      });
      continue;
    }
    let zod: z.ZodType;
    try {
      zod = isZod(schema)
        ? schema
        : (z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]) as z.ZodType);
    } catch (e) {
      issues.push({
        path: where,
        code: "invalid-schema",
        message: `customSchema cannot be read as a JSON Schema: ${(e as Error).message}`,
      });
      continue;
    }
    if (!(zod instanceof z.ZodObject)) {
      issues.push({
        path: where,
        code: "invalid-schema",
        message: 'customSchema must describe an object ({"type": "object", "properties": {...}})',
      });
      continue;
    }
    Object.assign(shapes, zod.shape);
    const catchall = (zod._zod.def as unknown as { catchall?: { _zod: { def: { type: string } } } }).catchall;
    if (catchall?._zod.def.type === "never") strict = true;
  }
  const custom = strict ? z.strictObject(shapes) : z.looseObject(shapes);
  return { deal: Deal.extend({ custom: custom.optional() }), custom };
}
