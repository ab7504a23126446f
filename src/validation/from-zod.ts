import type { z } from "zod";
import { didYouMean } from "./did-you-mean.js";
import { formatPath, type Issue, quote } from "./issue.js";
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

/** Turns zod's issues into qualify issues: readable paths, stable codes, and "did you mean" for typos. */
export function fromZod(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, input: unknown): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === "unrecognized_keys") {
      const allowed = keysOf(schemaAt(schema, path) ?? schema);
      for (const key of issue.keys) {
        const suggestion = didYouMean(key, allowed);
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
      issue.code === "custom" ? String(params?.code ?? "invalid-value") : issue.code.replace(/_/g, "-");
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
