import type { Report } from "../model/report.js";
import type { FailureKind, Issue, SafeParseResult } from "../validation/issue.js";

/**
 * One result of a batch, shaped as `safeEvaluate`'s: the report of the deal at `index`, or every problem
 * it has and whose fault (`kind`). Batch results carry no `cause` (they may cross to another thread).
 */
export type BatchResult =
  | { readonly index: number; readonly success: true; readonly data: Report }
  | {
      readonly index: number;
      readonly success: false;
      readonly issues: readonly Issue[];
      readonly kind: FailureKind;
    };

/** Turns one evaluation into a batch result. */
export function toBatchResult(index: number, result: SafeParseResult<Report>): BatchResult {
  return result.success
    ? { index, success: true, data: result.data }
    : { index, success: false, issues: result.issues, kind: result.kind };
}

/**
 * Evaluates deals one at a time from any iterable or async iterable, yielding results in input order.
 * It holds one deal at a time: memory stays flat however long the input. A bad deal yields its issues
 * and the batch goes on.
 */
export async function* evaluateEach(
  deals: Iterable<unknown> | AsyncIterable<unknown>,
  evaluate: (deal: unknown) => SafeParseResult<Report>,
): AsyncGenerator<BatchResult> {
  let index = 0;
  for await (const deal of deals) {
    yield toBatchResult(index, evaluate(deal));
    index += 1;
  }
}
