import { withSegments } from "../validation/failure.js";
import type { IssueCode } from "../validation/issue-codes.js";
import { type BatchResult, errorMessage as messageOf, type Qualifier, toBatchResult } from "./core.js";
import { errorRecord, infoOfText, scoreLine } from "./ndjson-line.js";
import type { Done, Job } from "./protocol.js";

const encoder = new TextEncoder();

/** Scores one job: every item gets its result, in order; nothing one item does stops the others. */
export function scoreJob(qualifier: Qualifier, job: Job, onItem?: (index: number) => void): Done {
  if (job.kind === "deals") {
    const results = job.items.map((deal, i) => {
      try {
        return toBatchResult(job.first + i, qualifier.safeEvaluate(deal, { asOf: job.asOf }));
      } catch (e) {
        return failedResult(job.first + i, messageOf(e));
      } finally {
        onItem?.(i);
      }
    });
    return { id: job.id, kind: "deals", results };
  }
  let text = "";
  const failed: number[] = [];
  job.items.forEach((line, i) => {
    let scored: { out: string; ok: boolean };
    try {
      scored = scoreLine(qualifier, line, job.first + i + 1, job.asOf);
    } catch (e) {
      scored = {
        out: errorRecord(job.first + i + 1, `evaluation failed: ${messageOf(e)}`, [], infoOfText(line)),
        ok: false,
      };
    }
    text += `${scored.out}\n`;
    if (!scored.ok) failed.push(i);
    onItem?.(i);
  });
  return { id: job.id, kind: "lines", bytes: encoder.encode(text), count: job.items.length, failed };
}

function failedResult(index: number, message: string, code: IssueCode = "worker-failed"): BatchResult {
  return { index, success: false, kind: "rule-failed", issues: withSegments([{ path: "", code, message }]) };
}

/**
 * The answer for a job none of whose items could be scored (its worker died on it, or a deal took longer
 * than the time limit: `code` says which): an error per item.
 */
export function failedJob(job: Job, message: string, code: IssueCode = "worker-failed"): Done {
  if (job.kind === "deals")
    return {
      id: job.id,
      kind: "deals",
      results: job.items.map((_, i) => failedResult(job.first + i, message, code)),
    };
  const issues = withSegments([{ path: "", code, message }]);
  const text = job.items
    .map((line, i) => `${errorRecord(job.first + i + 1, message, issues, infoOfText(line))}\n`)
    .join("");
  return {
    id: job.id,
    kind: "lines",
    bytes: encoder.encode(text),
    count: job.items.length,
    failed: job.items.map((_, i) => i),
  };
}

/** The answers of consecutive parts of one job, joined into the answer for the whole job. */
export function joinDone(id: number, parts: readonly Done[]): Done {
  if (parts[0]?.kind !== "lines")
    return { id, kind: "deals", results: parts.flatMap((p) => (p.kind === "deals" ? p.results : [])) };
  const lines = parts.filter((p): p is Extract<Done, { kind: "lines" }> => p.kind === "lines");
  const bytes = new Uint8Array(lines.reduce((n, p) => n + p.bytes.length, 0));
  const failed: number[] = [];
  let [offset, count] = [0, 0];
  for (const p of lines) {
    bytes.set(p.bytes, offset);
    offset += p.bytes.length;
    for (const f of p.failed) failed.push(count + f);
    count += p.count;
  }
  return { id, kind: "lines", bytes, count, failed };
}
