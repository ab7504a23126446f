import { withSegments } from "./failure.js";
import type { IssueCode } from "./issue-codes.js";

export { failure, pathSegments, withSegments } from "./failure.js";

/** One problem found in an input, with where it is. */
export interface Issue {
  /** Where the problem is, e.g. `stakeholders[1].reportsTo`; empty for the input as a whole. */
  readonly path: string;
  /** What is wrong, in plain words. */
  readonly message: string;
  /** A stable code for the kind of problem, e.g. `unknown-field`, `dangling-reference` ({@link IssueCode}). */
  readonly code: IssueCode;
  /** The file the problem is in, when the input came from a file. */
  readonly file?: string;
  /** A suggestion, when one is close: "did you mean" this. */
  readonly suggestion?: string;
  /** `warning` for something that works but should be changed (it never makes an input invalid); absent: an error. */
  readonly severity?: "warning";
  /**
   * The path as keys and indexes, e.g. `["stakeholders", 1, "reportsTo"]`, for a form to map to a field.
   * Always present on issues the library returns or throws.
   */
  readonly segments?: ReadonlyArray<string | number>;
}

/**
 * Whose fault a failure is: `invalid-input` (the deal or records are wrong: a 4xx), `rule-failed` (a rule
 * or plugin threw or misbehaved on a valid deal: a 5xx), `invalid-rule-set` (the frameworks, plugins or
 * options are wrong: fix the setup).
 */
export type FailureKind = "invalid-input" | "rule-failed" | "invalid-rule-set";

/** The outcome of a `safeParse*` or `safeEvaluate` call: the typed value, or every problem found and whose fault. */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T }
  | {
      readonly success: false;
      readonly issues: readonly Issue[];
      readonly kind: FailureKind;
      /** For `rule-failed`: what the rule or plugin threw (its text is kept out of the issues unless asked). */
      readonly cause?: unknown;
    };

const BRAND = Symbol.for("qualify.QualifyError");

/** Thrown by `parse*` functions and `evaluate`: carries every problem found, and whose fault it is. */
export class QualifyError extends Error {
  /** Every problem found, each with its path. */
  readonly issues: readonly Issue[];
  /** Whose fault: the input, a rule, or the rule set (see {@link FailureKind}). */
  readonly kind: FailureKind;

  /** Makes an error whose message lists every issue. */
  constructor(
    what: string,
    issues: readonly Issue[],
    options: { readonly kind?: FailureKind; readonly cause?: unknown } = {},
  ) {
    super(
      `${what}: ${issues.length} problem${issues.length === 1 ? "" : "s"}\n${formatIssues(issues)}`,
      options.cause !== undefined ? { cause: options.cause } : undefined,
    );
    this.name = "QualifyError";
    this.issues = withSegments(issues);
    this.kind = options.kind ?? "invalid-input";
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether a value is a {@link QualifyError}, from this copy of qualify or another (the ESM and CJS builds
 * are two classes: `instanceof` fails across them, this does not).
 */
export function isQualifyError(value: unknown): value is QualifyError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * Renders issues one per line: `file: path: message [code]`. Control characters from the input are
 * escaped, so no key or value can forge a line or drive the terminal.
 */
export function formatIssues(issues: readonly Issue[]): string {
  return issues
    .map((i) => {
      const where = [i.file, i.path || "(root)"].filter(Boolean).join(": ");
      return escapeControls(
        `  ${where}: ${i.severity === "warning" ? "warning: " : ""}${i.message} [${i.code}]`,
      );
    })
    .join("\n");
}

/** The control characters (C0, DEL, C1, line and paragraph separators), as a character class. */
export const CONTROL_CLASS = "[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]";
const CONTROLS = new RegExp(CONTROL_CLASS, "g");

/** Control characters (line breaks, escapes, the C1 set) written as `\u001b`-style escapes. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Most issues reported for one input; beyond it, one more issue says how many were left out. */
export const MAX_ISSUES = 100;
/** Longest key or value quoted in full in a message; longer ones are cut with "...". */
const MAX_QUOTED = 60;

/** Issues capped at {@link MAX_ISSUES}, the rest summed up as "and N more problems". */
export function capIssues(issues: readonly Issue[]): readonly Issue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  return [
    ...issues.slice(0, MAX_ISSUES),
    {
      path: "",
      code: "too-many-issues",
      message: `and ${issues.length - MAX_ISSUES} more problems (only the first ${MAX_ISSUES} are listed)`,
    },
  ];
}

/** Cuts a long text to {@link MAX_QUOTED} characters. */
export function truncate(text: string, max: number = MAX_QUOTED): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/**
 * A key or value from the input, quoted for a message: JSON string syntax, so control characters and
 * line breaks show as escapes and can never forge lines of output; long texts cut.
 */
export function quote(value: unknown): string {
  const text = typeof value === "string" ? value : String(value);
  return JSON.stringify(truncate(text));
}

/** A key that can be written bare in a dotted path: no dot, bracket, quote, space or control character. */
const PLAIN_KEY = new RegExp(`^(?!.*${CONTROL_CLASS})[^.[\\]"'\\s]+$`);

/**
 * Formats a path of keys and indexes as `a.b[0].c`. A key that would read as something else (one with
 * a dot, a bracket, a space, a line break, or empty) is quoted: `budget["a.b"]`, never `budget.a.b`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && key.length <= MAX_QUOTED && PLAIN_KEY.test(key))
      out += out === "" ? key : `.${key}`;
    else out += `[${quote(String(key))}]`;
  }
  return out;
}
