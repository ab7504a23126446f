import { z } from "zod";
import { PolicyOverride } from "./policy.js";
import { Stakeholder } from "./stakeholder.js";

// The model's schemas that scoring needs only now and then: to read a plugin's policy, to check `var`
// paths over people when a rule file is checked. Reached through `modelSchemas()` (./model-side.ts), never
// imported by the scoring path, so that importing qualify does not load zod.

export { PolicyOverride };

/** A list of stakeholders: what the domain operators that pick people return. */
export const People = z.array(Stakeholder);

/**
 * A stand-in for a schema (src/lazy-value.ts) gets the real schema's entry in zod's registry (its
 * description, its metadata), which zod keeps by object: a JSON Schema made from a schema that uses the
 * stand-in keeps its descriptions.
 */
export function adoptStandIn(standIn: z.ZodType, real: z.ZodType): void {
  const meta = z.globalRegistry.get(real);
  if (meta !== undefined && !z.globalRegistry.has(standIn)) z.globalRegistry.add(standIn, meta);
}
