/** One problem found in an input, with where it is. */
export interface Issue {
  /** Where the problem is, e.g. `stakeholders[1].reportsTo`; empty for the input as a whole. */
  readonly path: string;
  /** What is wrong, in plain words. */
  readonly message: string;
  /** A stable code for the kind of problem, e.g. `unknown-field`, `dangling-reference`. */
  readonly code: string;
  /** The file the problem is in, when the input came from a file. */
  readonly file?: string;
  /** A suggestion, when one is close: "did you mean" this. */
  readonly suggestion?: string;
}

/** The outcome of a `safeParse*` call: the typed value, or every problem found. */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly Issue[] };

/** Thrown by `parse*` functions: carries every problem found in the input. */
export class QualifyError extends Error {
  /** Every problem found, each with its path. */
  readonly issues: readonly Issue[];

  /** Makes an error whose message lists every issue. */
  constructor(what: string, issues: readonly Issue[]) {
    super(`${what}: ${issues.length} problem${issues.length === 1 ? "" : "s"}\n${formatIssues(issues)}`);
    this.name = "QualifyError";
    this.issues = issues;
  }
}

/** Renders issues one per line: `file: path: message (code)`. */
export function formatIssues(issues: readonly Issue[]): string {
  return issues
    .map((i) => {
      const where = [i.file, i.path || "(root)"].filter(Boolean).join(": ");
      return `  ${where}: ${i.message} [${i.code}]`;
    })
    .join("\n");
}

/** Formats a path of keys and indexes as `a.b[0].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}
