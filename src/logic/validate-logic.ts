import type { z } from "zod";
import { didYouMean } from "../validation/did-you-mean.js";
import type { Issue } from "../validation/issue.js";
import {
  childOf,
  defOf,
  elementOf,
  enumOptions,
  keysOf,
  objectScope,
  unwrap,
} from "../validation/schema-walk.js";
import { LIMITS } from "./limits.js";
import type { Operator } from "./operator.js";
import { type OperatorSet, operatorNames } from "./operator-set.js";
import { CONTROL_OPERATORS, SCOPED_OPERATORS } from "./standard-operators.js";
import { isLogic, opAndArgs } from "./truthy.js";
import { FORBIDDEN_KEYS, splitPath } from "./var-path.js";

/** Options for {@link validateLogic}. */
export interface ValidateLogicOptions {
  /** The operators rules may use. */
  readonly operators: OperatorSet;
  /** Check each operator's number of arguments (on for rule files; off for plain JsonLogic). */
  readonly checkArity?: boolean;
  /** The schema of the data: `var` paths are checked against it. Absent: paths are not checked. */
  readonly schema?: z.ZodType;
  /** Where the rule sits in its file, prefixed to every issue path. */
  readonly path?: string;
}

/** What a scope's data is: a known schema, or anything. */
type Scope = z.ZodType | "any";

/**
 * Checks a rule without running it: JSON values only, known operators (with "did you mean"), argument
 * counts, size limits, forbidden keys, and `var` paths that exist in the data's schema. Every problem
 * is returned with its path inside the rule.
 */
export function validateLogic(rule: unknown, options: ValidateLogicOptions): Issue[] {
  const issues: Issue[] = [];
  let nodes = 0;
  let loops = 0; // how many scoped bodies (some, filter...) the walk is inside
  const names = operatorNames(options.operators);
  const at = (path: string) => path || "(rule)";

  const walk = (logic: unknown, path: string, depth: number, scope: Scope): Scope => {
    nodes += 1;
    if (nodes === LIMITS.maxNodes + 1) {
      issues.push({
        path: at(path),
        code: "too-large",
        message: `Rule is larger than ${LIMITS.maxNodes} values`,
      });
    }
    if (nodes > LIMITS.maxNodes) return "any";
    if (depth > LIMITS.maxDepth) {
      issues.push({
        path: at(path),
        code: "too-deep",
        message: `Rule nests deeper than ${LIMITS.maxDepth} levels`,
      });
      return "any";
    }
    if (Array.isArray(logic)) {
      logic.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1, scope));
      return "any";
    }
    if (logic === null || typeof logic === "string" || typeof logic === "boolean") return "any";
    if (typeof logic === "number") {
      if (!Number.isFinite(logic))
        issues.push({ path: at(path), code: "not-json", message: "Numbers must be finite" });
      return "any";
    }
    if (
      typeof logic !== "object" ||
      (Object.getPrototypeOf(logic) !== Object.prototype && Object.getPrototypeOf(logic) !== null)
    ) {
      issues.push({
        path: at(path),
        code: "not-json",
        message: `Rules hold JSON values only; found ${typeof logic}`,
      });
      return "any";
    }
    if (!isLogic(logic)) {
      for (const [key, value] of Object.entries(logic)) walk(value, `${path}.${key}`, depth + 1, scope);
      return "any";
    }
    const [op, args] = opAndArgs(logic);
    const here = path ? `${path}.${op}` : op;
    const control = CONTROL_OPERATORS.get(op);
    const operator = options.operators.get(op);
    if (!control && !operator) {
      const suggestion = didYouMean(op, names);
      issues.push({
        path: here,
        code: "unknown-operator",
        message: `Unknown operator "${op}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
        ...(suggestion ? { suggestion } : {}),
      });
      args.forEach((a, i) => walk(a, `${here}[${i}]`, depth + 1, scope));
      return "any";
    }
    const arity = control ?? operator?.arity;
    if (options.checkArity && arity) {
      const max = "max" in arity ? arity.max : undefined;
      if (args.length < arity.min || (max !== undefined && args.length > max)) {
        const want =
          max === undefined
            ? `at least ${arity.min}`
            : max === arity.min
              ? `${max}`
              : `${arity.min} to ${max}`;
        issues.push({
          path: here,
          code: "arity",
          message: `"${op}" takes ${want} argument${max === 1 ? "" : "s"}; it has ${args.length}`,
        });
      }
    }
    if (SCOPED_OPERATORS.has(op)) {
      if (loops > 0 && readsDealList(args[0], options.operators))
        issues.push({
          path: here,
          code: "quadratic",
          severity: "warning",
          message: `"${op}" over a list of the whole deal inside another loop: the work grows with the square of the list (or worse). Test the item itself instead (has-role, reports-to-role or its own fields) rather than looping over the whole deal again`,
        });
      const source = walk(args[0], `${here}[0]`, depth + 1, scope);
      const item: Scope = source === "any" ? "any" : (elementOf(source) ?? "any");
      const inner: Scope =
        op === "reduce"
          ? item === "any"
            ? "any"
            : objectScope({ current: item, accumulator: "unknown" })
          : item;
      loops += 1;
      walk(args[1], `${here}[1]`, depth + 1, inner);
      loops -= 1;
      args.slice(2).forEach((a, i) => walk(a, `${here}[${i + 2}]`, depth + 1, scope));
      return op === "filter" ? source : "any";
    }
    const scopes = args.map((a, i) => walk(a, `${here}[${i}]`, depth + 1, scope));
    if (options.schema !== undefined) checkLiterals(op, args, scopes, here, issues, operator?.literals);
    if (op === "var") return checkVar(args[0], here, scope, options.schema !== undefined, issues);
    if (op === "missing" || op === "missing_some") {
      const keys = op === "missing" ? (Array.isArray(args[0]) ? args[0] : args) : args[1];
      if (Array.isArray(keys))
        keys.forEach((k, i) => checkVar(k, `${here}[${i}]`, scope, options.schema !== undefined, issues));
      return "any";
    }
    return returnsOf(operator, options.schema) ?? "any";
  };
  walk(rule, options.path ?? "", 0, options.schema ?? "any");
  return issues;
}

/** The schema an operator returns, if it says (a function gives it from the deal schema being checked against). */
function returnsOf(operator: Operator | undefined, deal: z.ZodType | undefined): z.ZodType | undefined {
  const returns = operator?.returns;
  if (typeof returns !== "function") return returns;
  return deal === undefined ? undefined : returns(deal);
}

/** Whether a loop's source is a list read from the whole deal (`with-role`, `engaged`...), not from the item. */
function readsDealList(source: unknown, operators: OperatorSet): boolean {
  if (!isLogic(source)) return false;
  const [op] = opAndArgs(source);
  return (operators.get(op)?.reads?.length ?? 0) > 0;
}

/** The values of an enum schema (through optional wrappers), or undefined when it is not an enum. */
function enumValues(scope: Scope | undefined): readonly string[] | undefined {
  if (scope === undefined || scope === "any") return undefined;
  return enumOptions(scope);
}

const EQUALITY = new Set(["==", "!=", "===", "!=="]);

/**
 * A string literal compared with an enum field (`{"==": [{"var": "stage"}, "proposl"]}`), looked for in
 * a list of enum values (`{"in": ["econmic-buyer", {"var": "roles"}]}`), or given to an operator that
 * takes enum values (`{"with-role": ["econmic-buyer"]}`) must be one of the values: otherwise the rule
 * can never match. An issue with "did you mean".
 */
function checkLiterals(
  op: string,
  args: readonly unknown[],
  scopes: readonly Scope[],
  here: string,
  issues: Issue[],
  literals: { readonly from: number; readonly values: readonly string[]; readonly what: string } | undefined,
): void {
  const check = (value: unknown, values: readonly string[] | undefined, path: string, what: string) => {
    if (typeof value !== "string" || !values || values.includes(value)) return;
    const suggestion = didYouMean(value, values);
    issues.push({
      path,
      code: "invalid-value",
      message: `${JSON.stringify(value)} is not ${what}, so this can never match; expected one of ${values.join(", ")}${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
      ...(suggestion ? { suggestion } : {}),
    });
  };
  if (EQUALITY.has(op) && args.length === 2) {
    check(args[1], enumValues(scopes[0]), `${here}[1]`, "a value this field can hold");
    check(args[0], enumValues(scopes[1]), `${here}[0]`, "a value this field can hold");
  }
  if (op === "in" && args.length === 2) {
    const list = scopes[1] !== undefined && scopes[1] !== "any" ? elementOf(scopes[1]) : undefined;
    check(args[0], enumValues(list), `${here}[0]`, "a value this list can hold");
    const field = enumValues(scopes[0]);
    if (Array.isArray(args[1]))
      args[1].forEach((v, i) => check(v, field, `${here}[1][${i}]`, "a value this field can hold"));
  }
  if (literals) {
    args.forEach((a, i) => {
      if (i < literals.from) return;
      const values = Array.isArray(a) ? a : [a];
      values.forEach((v, j) =>
        check(v, literals.values, Array.isArray(a) ? `${here}[${i}][${j}]` : `${here}[${i}]`, literals.what),
      );
    });
  }
}

function resolves(schema: z.ZodType, parts: readonly string[]): boolean {
  let current = schema;
  for (const part of parts) {
    const child = childOf(current, part);
    if (child.kind === "any") return true;
    if (child.kind === "none") return false;
    current = child.schema;
  }
  return true;
}

function checkVar(path: unknown, where: string, scope: Scope, checkPaths: boolean, issues: Issue[]): Scope {
  if (typeof path !== "string" && typeof path !== "number") return "any";
  if (path === "") return scope;
  const parts = splitPath(path);
  const forbidden = parts.find((p) => FORBIDDEN_KEYS.has(p));
  if (forbidden) {
    issues.push({ path: where, code: "forbidden-key", message: `"${forbidden}" may not be read by a rule` });
    return "any";
  }
  if (!checkPaths || scope === "any") return "any";
  let current: z.ZodType = scope;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const child = childOf(current, part);
    if (child.kind === "any") return "any";
    if (child.kind === "schema") {
      current = child.schema;
      continue;
    }
    const done = parts.slice(0, i).join(".");
    const element = elementOf(current);
    const keys = keysOf(current);
    const suggestion = didYouMean(part, keys);
    const fixed = suggestion ? [...parts.slice(0, i), suggestion] : undefined;
    const rest = parts.slice(i + 1);
    const full =
      fixed &&
      (rest.length === 0 || resolves(scope, [...fixed, ...rest]) ? [...fixed, ...rest] : fixed)?.join(".");
    const message = element
      ? `"${done}" is a list; use some/all/none/filter/map over it to read "${part}" of its items`
      : keys.length > 0
        ? `Unknown path "${String(path)}": "${part}" is not a field${done ? ` of ${done}` : ""}${full ? `; did you mean "${full}"?` : `; fields here: ${keys.join(", ")}`}`
        : `Unknown path "${String(path)}": ${done || "this value"} has no fields (it is ${defOf(unwrap(current)).type})`;
    issues.push({ path: where, code: "unknown-path", message, ...(full ? { suggestion: full } : {}) });
    return "any";
  }
  return current;
}
