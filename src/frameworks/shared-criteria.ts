import shared from "../../frameworks/shared.criteria.json" with { type: "json" };
import type { Criterion } from "../model/framework.js";
import { QualifyError } from "../validation/issue.js";
import { checkFramework } from "./check-framework.js";

let cache: ReadonlyMap<string, Criterion> | undefined;

/**
 * The built-in shared criteria (`frameworks/shared.criteria.json`), by id: one definition of Authority,
 * Budget, Need and Timeline that six frameworks `use`. The file is a framework file, validated like any
 * other the first time it is asked for; the result is constant, so it is kept.
 */
export function sharedCriteria(): ReadonlyMap<string, Criterion> {
  if (cache) return cache;
  const result = checkFramework(shared, { frameworks: new Map() }, () => new Map());
  if (!result.success)
    throw new QualifyError("Invalid frameworks/shared.criteria.json", result.issues, {
      kind: "invalid-rule-set",
    });
  cache = new Map(result.data.criteria.map((c) => [c.id, c]));
  return cache;
}
