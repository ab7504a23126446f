import { Deal } from "../model/deal.js";
import type { RawIssue } from "./deal-explainer.generated.js";
import { defOf, keysOf, schemaAt, unwrap } from "./schema-walk.js";

// deal-explainer.generated.ts for the warehouse UDF (tsup.config.ts `udfDiet` swaps it in): the UDF carries
// zod anyway (framework files and custom schemas need it), so it asks zod what is wrong with a deal rather
// than carry the generated explainer too; the keys an object allows and a union's types are read from the
// schema, as the generated explainer writes them. tests/udf.test.ts holds its answers to the library's.

/** What is wrong with a value that should be a deal, as zod's issues (empty when nothing is). */
export function explainDeal(value: unknown): RawIssue[] {
  const parsed = Deal.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue): RawIssue => {
    const path = issue.path as PropertyKey[];
    if (issue.code === "unrecognized_keys")
      return { ...issue, path, allowed: keysOf(schemaAt(Deal, path) ?? Deal) };
    if (issue.code === "invalid_union") {
      const at = schemaAt(Deal, path);
      const types = (at ? (defOf(unwrap(at)).options ?? []) : []).map((o) => defOf(unwrap(o)).type);
      return { ...issue, path, types };
    }
    return { ...issue, path };
  });
}
