import { z } from "zod";
import { Criterion, Framework, RuleSet } from "./framework.js";
import { PolicyOverride } from "./policy.js";

// The model's schemas that scoring needs only now and then: to read a plugin's policy, to explain what is
// wrong with a framework file the generated acceptor does not take. Reached through `modelSchemas()` (./model-side.ts), never
// imported by the scoring path, so that importing qualify does not load zod.

export { Criterion, Framework, PolicyOverride, RuleSet };

/**
 * A stand-in for a schema (src/lazy-value.ts) gets the real schema's entry in zod's registry (its
 * description, its metadata), which zod keeps by object: a JSON Schema made from a schema that uses the
 * stand-in keeps its descriptions.
 */
export function adoptStandIn(standIn: z.ZodType, real: z.ZodType): void {
  const meta = z.globalRegistry.get(real);
  if (meta !== undefined && !z.globalRegistry.has(standIn)) z.globalRegistry.add(standIn, meta);
}
