import type { z } from "zod";
import { didYouMean } from "./did-you-mean.js";
import { formatPath, type Issue, MAX_ISSUES, quote } from "./issue.js";
import { type IssueCode, isIssueCode } from "./issue-codes.js";
import { keysOf, schemaAt, unwrap } from "./schema-walk.js";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key as string];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return quote(value);
  return typeof value === "object" ? "an object" : String(value);
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

/** A refinement's own code when it is one of ours, else `invalid-value`. */
const customCode = (code: string | undefined): IssueCode =>
  code !== undefined && isIssueCode(code) ? code : "invalid-value";

/** Turns zod's issues into qualify issues: readable paths, stable codes, and "did you mean" for typos. */
export function fromZod(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, input: unknown): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === "unrecognized_keys") {
      const allowed = keysOf(schemaAt(schema, path) ?? schema);
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
      out.push({
        path: formatPath(path),
        code: "invalid-value",
        message: `Expected one of ${options.join(", ")}; received ${describe(received)}${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    if (issue.code === "invalid_union") {
      out.push({
        path: formatPath(path),
        code: "invalid-type",
        message: `Expected ${unionText(schema, path)}; received ${describe(valueAt(input, path))}`,
      });
      continue;
    }
    const params = issue.code === "custom" ? (issue.params as { code?: string; suggestion?: string }) : {};
    const code =
      issue.code === "custom" ? customCode(params?.code) : (ZOD_CODES[issue.code] ?? "invalid-value");
    out.push({
      path: formatPath(path),
      code,
      message: issue.message,
      ...(typeof params?.suggestion === "string" ? { suggestion: params.suggestion } : {}),
    });
  }
  return out;
}

function unionText(schema: z.ZodType, path: readonly PropertyKey[]): string {
  const at = schemaAt(schema, path);
  const union = at ? (unwrap(at) as { options?: readonly z.ZodType[] }) : undefined;
  const types = (union?.options ?? []).map((o) => unwrap(o).def.type);
  return types.length > 0 ? `a ${types.join(" or a ")}` : "another kind of value";
}
