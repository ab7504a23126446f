import type { z } from "zod";
import { describeValue } from "./describe.js";
import { didYouMean } from "./did-you-mean.js";
import { formatPath, type Issue, MAX_ISSUES, quote } from "./issue.js";
import { type IssueCode, isIssueCode } from "./issue-codes.js";
import { defOf, keysOf, schemaAt, unwrap } from "./schema-walk.js";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key as string];
  }
  return current;
}

/** zod's issue codes as qualify's (the rest are handled above: unknown keys, values, unions). */
const ZOD_CODES: Readonly<Record<string, IssueCode>> = {
  invalid_type: "invalid-type",
  too_big: "too-large",
  too_small: "too-small",
  invalid_format: "invalid-format",
  not_multiple_of: "invalid-value",
  invalid_key: "invalid-value",
  invalid_element: "invalid-value",
  invalid_value: "invalid-value",
  invalid_union: "invalid-type",
  unrecognized_keys: "unknown-field",
};

/** What a type is called in a message: "a text", "a whole number", "a list". */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "a text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  date: "a date",
};

/** zod's message in plain words, for the issue codes zod words as a validator would. */
function plainMessage(issue: z.core.$ZodIssue, received: unknown): string {
  if (issue.code === "invalid_type") {
    const expected = TYPE_WORDS[issue.expected] ?? `a ${issue.expected}`;
    return received === undefined
      ? `Missing: ${expected} is required here`
      : `Expected ${expected}; received ${describeValue(received)}`;
  }
  if (issue.code === "too_small" || issue.code === "too_big") {
    const small = issue.code === "too_small";
    const bound = Number(small ? issue.minimum : issue.maximum);
    const strict = !issue.inclusive;
    if (issue.origin === "string")
      return small && bound === 1
        ? "Must not be empty"
        : `Must have ${small ? "at least" : "at most"} ${bound} characters`;
    if (issue.origin === "array" || issue.origin === "set")
      return small && bound === 1
        ? "Must not be empty"
        : `Must have ${small ? "at least" : "at most"} ${bound} items`;
    const relation = small ? (strict ? "greater than" : "at least") : strict ? "less than" : "at most";
    return `Must be ${relation} ${bound}; received ${describeValue(received)}`;
  }
  if (issue.code === "invalid_format") {
    // A schema's own words for its format ("Expected a lower-case kebab-case id...") say more than the name
    // of the format; zod's own words begin "Invalid".
    const own = !issue.message.startsWith("Invalid");
    return own
      ? `${issue.message}; received ${describeValue(received)}`
      : `Not in the expected format (${issue.format}); received ${describeValue(received)}`;
  }
  return issue.message;
}

/** A refinement's own code when it is one of ours, else `invalid-value`. */
const customCode = (code: string | undefined): IssueCode =>
  code !== undefined && isIssueCode(code) ? code : "invalid-value";

/**
 * An issue in zod's format made without zod (src/validation/deal-explainer.generated.ts), carrying what
 * would otherwise be read from the schema: the keys an object allows (`allowed`), a union's types (`types`).
 */
export type ZodLikeIssue =
  | z.core.$ZodIssue
  | { readonly code: string; readonly path: readonly PropertyKey[] };

/**
 * Turns zod's issues into qualify issues: readable paths, stable codes, and "did you mean" for typos.
 * `schema` is read for the keys an object allows and a union's types, unless the issue carries them.
 */
export function fromZod(
  issues: readonly ZodLikeIssue[],
  schema: z.ZodType | undefined,
  input: unknown,
): Issue[] {
  const out: Issue[] = [];
  for (const given of issues) {
    const issue = given as z.core.$ZodIssue & { allowed?: readonly string[]; types?: readonly string[] };
    const path = issue.path as PropertyKey[];
    if (issue.code === "unrecognized_keys") {
      const allowed = issue.allowed ?? (schema ? keysOf(schemaAt(schema, path) ?? schema) : []);
      for (const key of issue.keys) {
        // Past the issues that are reported, only the count matters: no "did you mean" (linear cost).
        const suggestion = out.length < MAX_ISSUES ? didYouMean(key, allowed) : undefined;
        out.push({
          path: formatPath([...path, key]),
          code: "unknown-field",
          message: `Unknown field ${quote(key)}${suggestion ? `; did you mean "${suggestion}"?` : `; allowed here: ${allowed.join(", ")}`}`,
          ...(suggestion ? { suggestion } : {}),
        });
      }
      continue;
    }
    if (issue.code === "invalid_value") {
      const received = valueAt(input, path);
      const options = issue.values.filter((v): v is string => typeof v === "string");
      const suggestion = typeof received === "string" ? didYouMean(received, options) : undefined;
      const expected =
        options.length > 0
          ? `one of ${options.join(", ")}`
          : issue.values.map((v) => (typeof v === "string" ? quote(v) : String(v))).join(" or ");
      out.push({
        path: formatPath(path),
        code: "invalid-value",
        message: `Expected ${expected}; received ${describeValue(received)}${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    if (issue.code === "invalid_union") {
      out.push({
        path: formatPath(path),
        code: "invalid-type",
        message: `Expected ${issue.types ? typesText(issue.types) : unionText(schema, path)}; received ${describeValue(valueAt(input, path))}`,
      });
      continue;
    }
    const params =
      issue.code === "custom"
        ? (issue.params as { code?: string; suggestion?: string; suggest?: (value: unknown) => unknown })
        : {};
    // A refinement may name its suggestion (a static one), or say how to make it from the value received.
    const suggestion =
      typeof params?.suggest === "function" ? params.suggest(valueAt(input, path)) : params?.suggestion;
    const code =
      issue.code === "custom" ? customCode(params?.code) : (ZOD_CODES[issue.code] ?? "invalid-value");
    out.push({
      path: formatPath(path),
      code,
      message: plainMessage(issue, valueAt(input, path)),
      ...(typeof suggestion === "string" ? { suggestion } : {}),
    });
  }
  return out;
}

function unionText(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string {
  const at = schema ? schemaAt(schema, path) : undefined;
  const options = at ? (defOf(unwrap(at)).options ?? []) : [];
  return typesText(options.map((o) => defOf(unwrap(o)).type));
}

function typesText(types: readonly string[]): string {
  return types.length > 0 ? `a ${types.join(" or a ")}` : "another kind of value";
}
