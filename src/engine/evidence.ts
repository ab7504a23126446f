import type { OperatorSet } from "../logic/operator-set.js";
import { SCOPED_OPERATORS } from "../logic/standard-operators.js";
import { isLogic, opAndArgs } from "../logic/truthy.js";
import { readPath, splitPath } from "../logic/var-path.js";
import { boundedCopy } from "../model/json-value.js";
import type { Evidence } from "../model/report.js";

/** The deal paths a rule reads at the top level (inside `some`/`filter` bodies, only the list itself). */
export function pathsRead(logic: unknown, operators: OperatorSet, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(logic)) {
    for (const item of logic) pathsRead(item, operators, out);
    return out;
  }
  if (!isLogic(logic)) return out;
  const [op, args] = opAndArgs(logic);
  if (op === "var") {
    if ((typeof args[0] === "string" && args[0] !== "") || typeof args[0] === "number")
      out.add(String(args[0]));
    return out;
  }
  for (const path of operators.get(op)?.reads ?? []) out.add(path);
  const visit = SCOPED_OPERATORS.has(op) ? [args[0], ...args.slice(2)] : args;
  for (const a of visit) pathsRead(a, operators, out);
  return out;
}

function summarise(value: unknown): unknown {
  if (value === undefined) return undefined;
  // Lists of people (or anything with ids) are shown by id: the report stays small and readable.
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === "object" && v !== null && "id" in v)
  ) {
    return value.map((v) => (v as { id: unknown }).id);
  }
  // A copy, not the deal's own object: the report must not change if the caller later changes the deal.
  // Bounded in depth and size: a huge or deeply nested value under `custom` costs no more than that.
  return boundedCopy(value);
}

/** A path evidence is read from, split once when the rule is compiled. */
export interface EvidencePath {
  /** The path as written, e.g. `budget.status`. */
  readonly path: string;
  /** Its parts. */
  readonly parts: readonly string[];
}

/** Distinct paths, sorted, each split once. */
export function evidencePaths(paths: Iterable<string>): EvidencePath[] {
  return [...new Set(paths)].sort().map((path) => ({ path, parts: splitPath(path) }));
}

/**
 * The evidence for some paths: each path with what the deal holds there (no value when absent).
 * `seen` keeps, for one evaluation, what each path gave, so a path many criteria cite is read and
 * copied once.
 */
export function evidenceFor(
  deal: unknown,
  paths: readonly EvidencePath[],
  seen: Map<string, unknown>,
): Evidence[] {
  return paths.map(({ path, parts }) => {
    let value = seen.get(path);
    if (value === undefined && !seen.has(path)) {
      value = summarise(readPath(deal, parts, undefined));
      seen.set(path, value);
    }
    return value === undefined ? { path } : { path, value };
  });
}
