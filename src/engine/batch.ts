import type { Report } from "../model/report.js";
import type { Issue, SafeParseResult } from "../validation/issue.js";

/** One result of a batch: the report of the deal at `index`, or every problem it has. */
export type BatchResult =
  | { readonly index: number; readonly ok: true; readonly report: Report }
  | { readonly index: number; readonly ok: false; readonly issues: readonly Issue[] };

/** Turns one evaluation into a batch result. */
export function toBatchResult(index: number, result: SafeParseResult<Report>): BatchResult {
  return result.success
    ? { index, ok: true, report: result.data }
    : { index, ok: false, issues: result.issues };
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
