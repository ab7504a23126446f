import type { OperatorSet } from "../logic/operator-set.js";
import { SCOPED_OPERATORS } from "../logic/standard-operators.js";
import { isLogic, opAndArgs } from "../logic/truthy.js";
import { readPath, splitPath } from "../logic/var-path.js";
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
  // Lists of people (or anything with ids) are shown by id: the report stays small and readable.
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === "object" && v !== null && "id" in v)
  ) {
    return value.map((v) => (v as { id: unknown }).id);
  }
  return value;
}

/** The evidence for a set of paths: each path with what the deal holds there (no value when absent). */
export function evidenceFor(deal: unknown, paths: Iterable<string>): Evidence[] {
  return [...paths].sort().map((path) => {
    const value = readPath(deal, splitPath(path), undefined);
    return value === undefined ? { path } : { path, value: summarise(value) };
  });
}
