import type { Deal } from "../model/deal.js";
import { jsonProblems } from "../model/json-value.js";
import { acceptDeal, dealNullsPlan } from "./deal-acceptor.generated.js";
import { explainDeal } from "./deal-explainer.generated.js";
import { checkDealReferences } from "./deal-references.js";
import { fromZod } from "./from-zod.js";
import { capIssues, failure, formatPath, type Issue, QualifyError, type SafeParseResult } from "./issue.js";
import { nullsAsAbsent } from "./nulls-as-absent.js";

// A check generated at build time from the Deal schema (scripts/acceptor-source.mjs) that accepts only
// what the schema accepts, with no zod, no issues collected and nothing copied. Valid input, the common
// case, takes this path; anything it does not accept is explained by code generated the same way
// (deal-explainer.generated.ts), in zod's words, without zod.
// SQL engines write a missing column as null: on an optional field, that is absent (unknown).
const withoutNulls = nullsAsAbsent(dealNullsPlan);

/**
 * Validates a deal: types, enums, dates, unknown fields (with "did you mean") and references, all at once.
 * `null` on an optional field is read as absent (unknown), as SQL engines export a missing column.
 */
export function safeParseDeal(given: unknown): SafeParseResult<Deal> {
  const input = withoutNulls(given);
  if (acceptDeal(input)) {
    const issues = [...checkDealReferences(input), ...customProblems(input)];
    return issues.length === 0
      ? { success: true, data: input as Deal }
      : failure("invalid-input", capIssues(issues));
  }
  // What is wrong, as zod would say it, by code generated from the schema: no zod. When it finds nothing,
  // the acceptor was stricter than the schema (an object of another class than Object): the schema
  // accepts it, and so does this (tests/fast-accept.test.ts holds the two to zod on any value).
  const issues = [
    ...fromZod(explainDeal(input), undefined, input),
    ...checkDealReferences(input),
    ...customProblems(input),
  ];
  return issues.length === 0
    ? { success: true, data: input as Deal }
    : failure("invalid-input", capIssues(issues));
}

/** Validates a deal and returns it typed; throws one {@link QualifyError} listing every problem. */
export function parseDeal(input: unknown): Deal {
  const result = safeParseDeal(input);
  if (!result.success) throw new QualifyError("Invalid deal", result.issues);
  return result.data;
}

/** `custom` is free-form, so the schema cannot say it must be JSON: functions, BigInt, cycles and deep nesting are caught here. */
function customProblems(input: unknown): Issue[] {
  const custom = (input as { custom?: unknown } | null)?.custom;
  if (typeof custom !== "object" || custom === null) return [];
  return jsonProblems(custom).map((p) => ({
    path: formatPath(["custom", ...p.path]),
    code: p.code,
    message: p.message,
  }));
}
