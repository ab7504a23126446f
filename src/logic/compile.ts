import { QualifyError } from "../validation/issue.js";
import { charge } from "./budget.js";
import { generateLogic } from "./codegen.js";
import { constant, fieldOf, markField } from "./constant.js";
import type { EvalEnv, Evaluator, Operator } from "./operator.js";
import { createOperatorSet, type OperatorSet } from "./operator-set.js";
import { type TraceNode, Tracer } from "./trace.js";
import { isLogic, opAndArgs, truthy } from "./truthy.js";
import { validateLogic } from "./validate-logic.js";
import { readPath, readVar, splitPath } from "./var-path.js";

/** Options for {@link compileLogic}. */
export interface CompileOptions {
  /** The operators rules may use; defaults to the JsonLogic standard set. */
  readonly operators?: OperatorSet;
  /** Compile a traced evaluator (slower): see {@link explainLogic}. */
  readonly trace?: boolean;
  /**
   * Generate one JavaScript function for the rule with `new Function` (faster; not allowed where a
   * content-security policy forbids `unsafe-eval`). No text of the rule becomes code: see
   * docs/performance.md. Ignored with `trace`.
   */
  readonly codegen?: boolean;
}

/** A compiled rule: call it with the data (and optionally the date rules are judged at). */
export type CompiledLogic = (data: unknown, env?: Partial<EvalEnv>) => unknown;

type TraceEnv = EvalEnv & { readonly tracer?: Tracer };

/**
 * Compiles a JsonLogic rule once into a tree of plain closures (no `eval`, no `new Function`) that
 * gives json-logic-js's result. Throws a {@link QualifyError} when the rule uses an unknown operator
 * or exceeds the size limits.
 */
export function compileLogic(rule: unknown, options: CompileOptions = {}): CompiledLogic {
  const operators = options.operators ?? createOperatorSet();
  const issues = validateLogic(rule, { operators, checkArity: false }).filter(
    (i) => i.severity !== "warning",
  );
  if (issues.length > 0) throw new QualifyError("Invalid rule", issues, { kind: "invalid-rule-set" });
  const fn =
    options.codegen && !options.trace
      ? generateLogic(rule, operators, (l) => compileNode(l, operators, false))
      : compileNode(rule, operators, options.trace === true);
  if (!options.trace && !readsEnv(rule, operators)) {
    // Only standard operators: nothing reads the environment, so none is made per call.
    return (data) => fn(data, NO_ENV);
  }
  return (data, env) =>
    fn(
      data,
      env === undefined
        ? { root: data, asOf: undefined }
        : env.root === undefined
          ? ({ ...env, root: data } as EvalEnv)
          : (env as EvalEnv),
    );
}

const NO_ENV: EvalEnv = Object.freeze({ root: undefined, asOf: undefined });

/** Whether any operator in the rule takes the generic path, which passes root and asOf to `evaluate`. */
function readsEnv(logic: unknown, operators: OperatorSet): boolean {
  if (Array.isArray(logic)) return logic.some((l) => readsEnv(l, operators));
  if (!isLogic(logic)) return false;
  const [op, args] = opAndArgs(logic);
  const operator = operators.get(op);
  if (operator && !operator.compile && op !== "var") return true;
  return args.some((a) => readsEnv(a, operators));
}

/** Evaluates a rule once and returns its value with a trace of what every sub-expression saw and returned. */
export function explainLogic(
  rule: unknown,
  data: unknown,
  options: { readonly operators?: OperatorSet; readonly asOf?: string } = {},
): { value: unknown; trace: TraceNode } {
  const fn = compileLogic(rule, {
    ...(options.operators ? { operators: options.operators } : {}),
    trace: true,
  });
  const tracer = new Tracer();
  const value = fn(data, { root: data, asOf: options.asOf, tracer } as Partial<EvalEnv>);
  return { value, trace: tracer.root.children[0] as TraceNode };
}

/** Compiles one node; exported for the qualifier, which compiles many rules against one operator set. */
export function compileNode(logic: unknown, operators: OperatorSet, trace: boolean): Evaluator {
  const inner = compileInner(logic, operators, trace);
  if (!trace) return inner;
  const op = Array.isArray(logic) ? "array" : isLogic(logic) ? opAndArgs(logic)[0] : "literal";
  return (data, env) => {
    const tracer = (env as TraceEnv).tracer;
    if (!tracer) return inner(data, env);
    const [parent, parentData] = [tracer.current, tracer.data];
    const node: TraceNode = { op, rule: logic, children: [] };
    if (data !== parentData) node.data = data;
    parent.children.push(node);
    tracer.current = node;
    tracer.data = data;
    try {
      node.result = inner(data, env);
      return node.result;
    } finally {
      tracer.current = parent;
      tracer.data = parentData;
    }
  };
}

function compileInner(logic: unknown, operators: OperatorSet, trace: boolean): Evaluator {
  const sub = (l: unknown) => compileNode(l, operators, trace);
  if (Array.isArray(logic)) {
    const items = logic.map(sub);
    return (d, e) => items.map((f) => f(d, e));
  }
  if (!isLogic(logic)) return constant(logic);
  const [op, values] = opAndArgs(logic);
  switch (op) {
    case "if":
    case "?:":
      return compileIf(values.map(sub));
    case "and": {
      const parts = values.map(sub);
      return unrolledAnd(parts) ?? loopAnd(parts);
    }
    case "or": {
      const parts = values.map(sub);
      return (d, e) => {
        let current: unknown;
        for (const p of parts) {
          current = p(d, e);
          if (truthy(current)) return current;
        }
        return current;
      };
    }
    case "filter":
    case "map":
    case "all":
    case "some":
    case "none":
      return compileScoped(op, sub(values[0]), sub(values[1]));
    case "reduce": {
      const [source, body] = [sub(values[0]), sub(values[1])];
      const initial = values[2] !== undefined ? sub(values[2]) : () => null;
      return (d, e) => {
        const items = source(d, e);
        const start = initial(d, e);
        if (!Array.isArray(items)) return start;
        charge(e, items.length);
        return items.reduce((accumulator, current) => body({ current, accumulator }, e), start);
      };
    }
    case "var":
      return compileVar(values, sub);
  }
  const operator = operators.get(op) as Operator;
  const args = values.map(sub);
  if (operator.compile) return operator.compile(args);
  const evaluate = operator.evaluate;
  // One or two arguments (most domain operators) without a map over the argument list.
  const [a0, a1] = args as [Evaluator, Evaluator];
  const call: Evaluator =
    args.length === 0
      ? (d, e) => evaluate([], { data: d, root: e.root, asOf: e.asOf, lostAfterDays: e.lostAfterDays })
      : args.length === 1
        ? (d, e) =>
            evaluate([a0(d, e)], { data: d, root: e.root, asOf: e.asOf, lostAfterDays: e.lostAfterDays })
        : args.length === 2
          ? (d, e) =>
              evaluate([a0(d, e), a1(d, e)], {
                data: d,
                root: e.root,
                asOf: e.asOf,
                lostAfterDays: e.lostAfterDays,
              })
          : (d, e) =>
              evaluate(
                args.map((f) => f(d, e)),
                { data: d, root: e.root, asOf: e.asOf, lostAfterDays: e.lostAfterDays },
              );
  if (!operator.rootOnly || !values.every((v) => isInvariant(v, operators))) return call;
  // The same value for every item and every rule of one evaluation: compute it once.
  const key = JSON.stringify(logic);
  return (d, e) => {
    const memo = e.memo;
    if (!memo) return call(d, e);
    const known = memo.get(key);
    if (known !== undefined || memo.has(key)) return known;
    const value = call(d, e);
    memo.set(key, value);
    return value;
  };
}

/** Whether a sub-expression's value is the same whatever the current item: literals, and root-only operators over such. */
function isInvariant(logic: unknown, operators: OperatorSet): boolean {
  if (Array.isArray(logic)) return logic.every((l) => isInvariant(l, operators));
  if (!isLogic(logic)) return true;
  const [op, args] = opAndArgs(logic);
  return operators.get(op)?.rootOnly === true && args.every((a) => isInvariant(a, operators));
}

/** `and` over a list: the first falsy value, or the last. */
function loopAnd(parts: readonly Evaluator[]): Evaluator {
  return (d, e) => {
    let current: unknown;
    for (let i = 0; i < parts.length; i++) {
      current = (parts[i] as Evaluator)(d, e);
      if (!truthy(current)) return current;
    }
    return current;
  };
}

/**
 * `and` of two to six, written out: each call site then sees one function, which V8 can inline
 * (a loop over the parts calls them all from one site, which it cannot).
 */
function unrolledAnd(p: readonly Evaluator[]): Evaluator | undefined {
  const [a, b, c, d4, e5, f6] = p as Evaluator[];
  const t = truthy;
  switch (p.length) {
    case 2:
      return (d, e) => {
        const x = (a as Evaluator)(d, e);
        return t(x) ? (b as Evaluator)(d, e) : x;
      };
    case 3:
      return (d, e) => {
        let x = (a as Evaluator)(d, e);
        if (!t(x)) return x;
        x = (b as Evaluator)(d, e);
        return t(x) ? (c as Evaluator)(d, e) : x;
      };
    case 4:
      return (d, e) => {
        let x = (a as Evaluator)(d, e);
        if (!t(x)) return x;
        x = (b as Evaluator)(d, e);
        if (!t(x)) return x;
        x = (c as Evaluator)(d, e);
        return t(x) ? (d4 as Evaluator)(d, e) : x;
      };
    case 5:
      return (d, e) => {
        let x = (a as Evaluator)(d, e);
        if (!t(x)) return x;
        x = (b as Evaluator)(d, e);
        if (!t(x)) return x;
        x = (c as Evaluator)(d, e);
        if (!t(x)) return x;
        x = (d4 as Evaluator)(d, e);
        return t(x) ? (e5 as Evaluator)(d, e) : x;
      };
    case 6:
      return (d, e) => {
        let x = (a as Evaluator)(d, e);
        if (!t(x)) return x;
        x = (b as Evaluator)(d, e);
        if (!t(x)) return x;
        x = (c as Evaluator)(d, e);
        if (!t(x)) return x;
        x = (d4 as Evaluator)(d, e);
        if (!t(x)) return x;
        x = (e5 as Evaluator)(d, e);
        return t(x) ? (f6 as Evaluator)(d, e) : x;
      };
    default:
      return undefined;
  }
}

function compileIf(parts: Evaluator[]): Evaluator {
  if (parts.length === 3) {
    const [test, yes, no] = parts as [Evaluator, Evaluator, Evaluator];
    return (d, e) => (truthy(test(d, e)) ? yes(d, e) : no(d, e));
  }
  return (d, e) => {
    let i = 0;
    for (; i < parts.length - 1; i += 2) {
      if (truthy((parts[i] as Evaluator)(d, e))) return (parts[i + 1] as Evaluator)(d, e);
    }
    if (parts.length === i + 1) return (parts[i] as Evaluator)(d, e);
    return null;
  };
}

function compileScoped(op: string, source: Evaluator, body: Evaluator): Evaluator {
  switch (op) {
    case "filter": {
      const field = fieldOf(body);
      if (field && !truthy(field.notFound)) {
        // {"filter": [list, {"var": "key"}]}: read the field inline, no call per item.
        const k = field.key;
        return (d, e) => {
          const items = source(d, e);
          if (!Array.isArray(items)) return [];
          charge(e, items.length);
          const out: unknown[] = [];
          for (let i = 0; i < items.length; i++) {
            const item = items[i];
            if (item === null || item === undefined) continue;
            const v = (item as Record<string, unknown>)[k];
            if (typeof v !== "function" && truthy(v)) out.push(item);
          }
          return out;
        };
      }
      return (d, e) => {
        const items = source(d, e);
        if (!Array.isArray(items)) return [];
        charge(e, items.length);
        const out: unknown[] = [];
        for (let i = 0; i < items.length; i++) if (truthy(body(items[i], e))) out.push(items[i]);
        return out;
      };
    }
    case "map":
      return (d, e) => {
        const items = source(d, e);
        if (!Array.isArray(items)) return [];
        charge(e, items.length);
        return items.map((item) => body(item, e));
      };
    case "all":
      return (d, e) => {
        const items = source(d, e);
        if (!Array.isArray(items) || items.length === 0) return false;
        charge(e, items.length);
        for (const item of items) if (!truthy(body(item, e))) return false;
        return true;
      };
    case "some":
      return (d, e) => {
        const items = source(d, e);
        if (!Array.isArray(items)) return false;
        charge(e, items.length);
        for (let i = 0; i < items.length; i++) if (truthy(body(items[i], e))) return true;
        return false;
      };
    default:
      return (d, e) => {
        const items = source(d, e);
        if (!Array.isArray(items)) return true;
        charge(e, items.length);
        for (const item of items) if (truthy(body(item, e))) return false;
        return true;
      };
  }
}

function compileVar(values: unknown[], sub: (l: unknown) => Evaluator): Evaluator {
  const [path, fallback] = values;
  const literal = (v: unknown) => v === null || typeof v !== "object";
  if (literal(path) && literal(fallback)) {
    if (path === undefined || path === "" || path === null) return (d) => d;
    const parts = splitPath(path);
    const notFound = fallback === undefined ? null : fallback;
    // Static paths were checked for forbidden keys when the rule was validated: read them directly.
    if (parts.length === 1) {
      const [k] = parts as [string];
      return markField(
        (d) => {
          if (d === null || d === undefined) return notFound;
          const v = (d as Record<string, unknown>)[k];
          return v === undefined || typeof v === "function" ? notFound : v;
        },
        k,
        notFound,
      );
    }
    if (parts.length === 2) {
      const [k1, k2] = parts as [string, string];
      return (d) => {
        if (d === null || d === undefined) return notFound;
        const a = (d as Record<string, unknown>)[k1];
        if (a === null || a === undefined || typeof a === "function") return notFound;
        const v = (a as Record<string, unknown>)[k2];
        return v === undefined || typeof v === "function" ? notFound : v;
      };
    }
    return (d) => readPath(d, parts, notFound);
  }
  const [p, f] = [sub(path), fallback === undefined ? () => undefined : sub(fallback)];
  return (d, e) => readVar(d, p(d, e), f(d, e));
}
