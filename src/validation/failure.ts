import type { FailureKind, Issue, SafeParseResult } from "./issue.js";

// Pure helpers for failed results, kept apart from the QualifyError class so the CRM entry may use them
// without a copy of the class (src/crm imports the core as the package).

/** A failed result: the issues (each with its `segments`) and whose fault. */
export function failure(
  kind: FailureKind,
  issues: readonly Issue[],
  cause?: unknown,
): Extract<SafeParseResult<never>, { success: false }> {
  return { success: false, kind, issues: withSegments(issues), ...(cause !== undefined ? { cause } : {}) };
}

/** Issues with their `segments` filled in from their paths. */
export function withSegments(issues: readonly Issue[]): readonly Issue[] {
  return issues.map((i) => (i.segments ? i : { ...i, segments: pathSegments(i.path) }));
}

/**
 * A path as written by {@link formatPath} (`stakeholders[1].reportsTo`, `budget["a.b"]`) as its keys and
 * indexes. Anything else in a path (a template placeholder `{name}`) stays in its key.
 */
export function pathSegments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === ".") {
      i += 1;
    } else if (path[i] === "[" && path[i + 1] === '"') {
      let j = i + 2;
      while (j < path.length && !(path[j] === '"' && path[j + 1] === "]")) j += path[j] === "\\" ? 2 : 1;
      try {
        out.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
      } catch {
        out.push(path.slice(i + 2, j));
      }
      i = j + 2;
    } else if (path[i] === "[") {
      const end = path.indexOf("]", i);
      const inner = path.slice(i + 1, end < 0 ? undefined : end);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = end < 0 ? path.length : end + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== "." && path[j] !== "[") j += 1;
      out.push(path.slice(i, j));
      i = j;
    }
  }
  return out;
}
