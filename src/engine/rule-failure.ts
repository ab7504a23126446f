import { BudgetExceeded } from "../logic/budget.js";
import { messageOf } from "../validation/describe.js";
import type { Issue } from "../validation/issue.js";
import type { IssueCode } from "../validation/issue-codes.js";

/**
 * A rule or operator failed while scoring one deal: it threw, ran over its budget, or returned
 * something that is not an outcome. Caught by `safeEvaluate`, which turns it into an issue naming the
 * rule and the deal; the batch goes on.
 */
export class RuleFailure extends Error {
  /** Where in the qualifier the rule sits, e.g. `frameworks.bant.criteria.budget`, `rules.enthusiasm-gap`. */
  readonly where: string;
  /** The rule's name as a person reads it, e.g. `bant/budget`, `finding blocker`, `rule enthusiasm-gap`. */
  readonly rule: string;
  /** A stable code: `rule-failed`, `bad-rule-outcome` or `budget-exceeded`. */
  readonly code: IssueCode;

  /** Makes a failure of `rule` at `where`. */
  constructor(
    where: string,
    rule: string,
    message: string,
    code: IssueCode = "rule-failed",
    cause?: unknown,
  ) {
    super(message, cause !== undefined ? { cause } : undefined);
    this.name = "RuleFailure";
    this.where = where;
    this.rule = rule;
    this.code = code;
  }
}

export { messageOf };

/** Runs `fn`; anything it throws becomes a {@link RuleFailure} of `rule` at `where`. */
export function guard<T>(where: string, rule: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RuleFailure) throw e;
    if (e instanceof BudgetExceeded) throw new RuleFailure(where, rule, e.message, "budget-exceeded");
    const overflow = e instanceof RangeError && /call stack/i.test(e.message);
    throw new RuleFailure(
      where,
      rule,
      overflow ? "it nests too deeply for the stack (Maximum call stack size exceeded)" : messageOf(e),
      "rule-failed",
      e,
    );
  }
}

/**
 * The issue `safeEvaluate` reports for a failure, naming the rule and the deal. What a rule or plugin threw
 * is its own text, which may hold internals: it is in the message only with `details` (the CLI asks for
 * it); otherwise the result's `cause` (and a thrown error's `cause`) keeps it. qualify's own findings about
 * a rule (a bad outcome, the budget) are always said.
 */
export function failureIssue(error: unknown, dealId: unknown, details = true): Issue {
  const deal = typeof dealId === "string" ? ` on deal "${dealId}"` : "";
  if (error instanceof RuleFailure) {
    const withheld = error.code === "rule-failed" && !details;
    return {
      path: error.where,
      code: error.code,
      message: withheld
        ? `${error.rule} failed${deal}: it threw (its error is the result's cause; pass errorDetails: true to see it here)`
        : `${error.rule} failed${deal}: ${error.message}`,
    };
  }
  return { path: "", code: "internal-error", message: `Evaluation failed${deal}: ${messageOf(error)}` };
}
