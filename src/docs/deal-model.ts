import { z } from "zod";
import { Deal } from "../model/deal.js";
import { ISO_DATE_PATTERN, ISO_DAY_PATTERN } from "../model/iso-date.js";
import { unwrap } from "../validation/schema-walk.js";

/** A field's type in words: enums as their values, dates as dates, lists of what. */
export function typeOf(schema: z.ZodType): string {
  const s = unwrap(schema);
  if (s instanceof z.ZodEnum) return (s.options as string[]).map((o) => `\`${o}\``).join(" \\| ");
  if (s instanceof z.ZodArray) {
    const item = unwrap(s.element as z.ZodType);
    return item instanceof z.ZodObject ? "list of objects" : `list of ${typeOf(item)}`;
  }
  if (s instanceof z.ZodObject) return "object";
  if (s instanceof z.ZodRecord) return "object (any JSON)";
  if (s instanceof z.ZodUnion) return (s.options as z.ZodType[]).map(typeOf).join(" or ");
  // Dates carry the one date pattern as metadata (the same the JSON Schemas publish).
  const pattern = schema.meta()?.pattern ?? s.meta()?.pattern;
  if (s instanceof z.ZodString && pattern === ISO_DAY_PATTERN) return "date (YYYY-MM-DD)";
  if (s instanceof z.ZodString && pattern === ISO_DATE_PATTERN)
    return "date (ISO 8601: YYYY-MM-DD or a date-time)";
  return s.def.type;
}

function rows(schema: z.ZodType, prefix: string, out: string[]): void {
  const s = unwrap(schema);
  const shape = s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>) : {};
  for (const [key, child] of Object.entries(shape)) {
    if (key.startsWith("$")) continue;
    const path = `${prefix}${key}`;
    const required = !(child instanceof z.ZodOptional);
    const description = child.description ?? unwrap(child).description ?? "";
    out.push(
      `| \`${path}\`${required ? " (required)" : ""} | ${typeOf(child)} | ${description.replace(/\|/g, "\\|")} |`,
    );
    const inner = unwrap(child);
    if (inner instanceof z.ZodObject) rows(inner, `${path}.`, out);
    if (inner instanceof z.ZodArray && unwrap(inner.element as z.ZodType) instanceof z.ZodObject)
      rows(inner.element as z.ZodType, `${path}[].`, out);
  }
}

/** The deal model reference page, generated from the zod schema: every field, its type and meaning. */
export function dealModelPage(): string {
  const out = [
    "# The deal model (input version 1)",
    "",
    "Generated from the zod schema by `npm run generate`; do not edit by hand. The same schema gives the",
    "TypeScript types, the validation and the [JSON Schema](../schema/deal.schema.json) (point an editor at",
    'it with `"$schema": "../schema/deal.schema.json"` at the top of a deal file).',
    "",
    'Every field is optional unless marked required. **Absent means "we don\'t know", never "no"**: leave out',
    "what you don't know, and `qualify` reports it as unknown. **`null` on an optional field is the same as",
    "absent** (unknown), as SQL engines export a missing column (`to_json(row)`, BigQuery's `TO_JSON_STRING`);",
    "a required field stays required, and a `null` inside a list is an error. Roles are confirmed roles only: a",
    "title is not authority. Anything beyond the model goes under `custom`, where rules may read any path (a",
    "`null` there is dropped too).",
    "",
    "| field | type | meaning |",
    "| --- | --- | --- |",
  ];
  rows(Deal, "", out);
  out.push(
    "",
    "Beyond types, a deal is checked for: unique stakeholder ids; `reportsTo`, `budget.ownerId`, `needs[].ownerId`,",
    "`metrics[].agreedBy` and `interactions[].stakeholderIds` naming a stakeholder; no `reportsTo` cycle; real",
    'calendar dates; and no unknown field (a typo gets a "did you mean").',
    "",
  );
  return out.join("\n");
}
