import { lessThan, looseEquals, parseNumber, toNumber } from "../model/json-value.js";
import { charge } from "./budget.js";
import type { Evaluator } from "./operator.js";
import type { OperatorSet } from "./operator-set.js";
import {
  CONTROL_OPERATORS,
  catText,
  inValue,
  sizedText,
  standardOperators,
  substrOf,
} from "./standard-operators.js";
import { isLogic, opAndArgs, truthy } from "./truthy.js";
import { readPath, readVar, splitPath } from "./var-path.js";

const STANDARD = new Map(standardOperators.map((o) => [o.name, o]));

// Opt-in code generation (`compileLogic(rule, { codegen: true })`): one JavaScript function per rule,
// made with `new Function`. The rule's text never becomes code: literals and keys are written only
// through JSON.stringify (with the two line separators escaped), operator names are dispatched on here and
// never written out, objects are passed in as constants, properties are read as the closures read them
// (never a function, never a forbidden key), and anything this file does not generate (the domain operators, plugins' operators, odd
// argument counts) is called as its compiled closure. The results are the closure compiler's (a
// property test compares them on the conformance suite and on random rules with hostile strings).

/** The helpers generated code calls: passed in, never looked up by name at run time. */
const HELPERS = {
  truthy,
  eq: looseEquals,
  lt: lessThan,
  num: parseNumber,
  toNum: toNumber,
  text: catText,
  sized: sizedText,
  readPath,
  readVar,
  charge,
  inOp: inValue,
  substr: substrOf,
};
const HELPER_NAMES = Object.keys(HELPERS);

/** A JavaScript literal for a JSON primitive: only ever through JSON.stringify (and -0 kept). */
export function literal(value: string | number | boolean | null): string {
  // Negative numbers in brackets: `-` before them must never read as `--`.
  if (typeof value === "number")
    return Object.is(value, -0) ? "(-0)" : value < 0 ? `(${value})` : String(value);
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Generated code never nests deeper than this (nor chains more than {@link MAX_CHAIN} arguments of one
 * and/or/if, each of which nests one level): a rule wide or deep within the documented limits then
 * compiles, its excess running as closures, instead of overflowing the parser's stack.
 */
const MAX_NESTING = 32;
const MAX_CHAIN = 32;
const COMPARISONS: ReadonlySet<string> = new Set(["==", "!=", "===", "!==", ">", ">=", "<", "<="]);
const ARITHMETIC: ReadonlySet<string> = new Set(["+", "*", "-", "/", "%", "min", "max"]);
const tooWide = (logic: unknown): boolean => {
  if (!isLogic(logic)) return Array.isArray(logic) && logic.length > MAX_CHAIN * 8;
  const [op, args] = opAndArgs(logic);
  return (op === "and" || op === "or" || op === "if" || op === "?:") && args.length > MAX_CHAIN;
};

/** One generated function's scope: the name of its data and its temporaries. */
interface Scope {
  readonly data: string;
  readonly temps: string[];
}

class Generator {
  readonly constants: unknown[] = [];
  readonly closures: Evaluator[] = [];
  readonly hoisted: string[] = [];
  #names = 0;

  constructor(
    readonly operators: OperatorSet,
    readonly fallback: (logic: unknown) => Evaluator,
  ) {}

  name(prefix: string): string {
    return `${prefix}${this.#names++}`;
  }

  temp(scope: Scope): string {
    const t = this.name("t");
    scope.temps.push(t);
    return t;
  }

  closure(logic: unknown, scope: Scope): string {
    this.closures.push(this.fallback(logic));
    return `c[${this.closures.length - 1}](${scope.data}, e)`;
  }

  constant(value: unknown): string {
    this.constants.push(value);
    return `k[${this.constants.length - 1}]`;
  }

  /** A function of the data (`(d, e) => ...`) for `logic`, hoisted; returns its name. */
  fn(logic: unknown): string {
    const scope: Scope = { data: "d", temps: [] };
    const body = this.expr(logic, scope);
    const name = this.name("f");
    this.hoisted.push(
      `const ${name} = (d, e) => {${scope.temps.length ? ` let ${scope.temps.join(", ")};` : ""} return ${body}; };`,
    );
    return name;
  }

  /** How deep the expression being generated is: past {@link MAX_NESTING}, the rest runs as closures. */
  #depth = 0;

  expr(logic: unknown, scope: Scope): string {
    this.#depth += 1;
    try {
      return this.#depth > MAX_NESTING || tooWide(logic)
        ? this.closure(logic, scope)
        : this.exprAt(logic, scope);
    } finally {
      this.#depth -= 1;
    }
  }

  exprAt(logic: unknown, scope: Scope): string {
    if (Array.isArray(logic)) return `[${logic.map((l) => this.expr(l, scope)).join(", ")}]`;
    if (!isLogic(logic)) {
      if (logic === null || typeof logic !== "object")
        return literal(logic as string | number | boolean | null);
      return this.constant(logic);
    }
    const [op, args] = opAndArgs(logic);
    // Only the standard operators are generated, and only when the set has them as they are.
    if (op !== "var" && !CONTROL_OPERATORS.has(op) && this.operators.get(op) !== STANDARD.get(op))
      return this.closure(logic, scope);
    if (COMPARISONS.has(op)) return this.comparison(op, args, scope, logic);
    if (ARITHMETIC.has(op)) return this.arithmetic(op, args, scope, logic);
    const a = (i: number) => this.expr(args[i], scope);
    const n = args.length;
    const d = scope.data;
    switch (op) {
      case "var":
        return this.variable(args, scope, logic);
      case "and":
      case "or": {
        if (n === 0) return this.closure(logic, scope);
        let out = a(n - 1);
        for (let i = n - 2; i >= 0; i--) {
          const t = this.temp(scope);
          const test = this.kind(args[i]) === "boolean" ? t : `truthy(${t})`;
          out =
            op === "and"
              ? `((${t} = ${a(i)}), ${test} ? ${out} : ${t})`
              : `((${t} = ${a(i)}), ${test} ? ${t} : ${out})`;
        }
        return out;
      }
      case "if":
      case "?:": {
        let out = n % 2 === 1 ? a(n - 1) : "null";
        for (let i = n - (n % 2 === 1 ? 3 : 2); i >= 0; i -= 2)
          out = `(${this.cond(args[i], scope)} ? ${a(i + 1)} : ${out})`;
        return out;
      }
      case "!":
        return n === 1 ? `!truthy(${a(0)})` : this.closure(logic, scope);
      case "!!":
        return n === 1 ? `truthy(${a(0)})` : this.closure(logic, scope);
      case "in":
        return n === 2 ? `inOp(${a(0)}, ${a(1)})` : this.closure(logic, scope);
      case "cat":
        return n === 0 ? '""' : `sized(e, ${args.map((x) => this.text(x, scope)).join(" + ")})`;
      case "substr":
        return n === 2 || n === 3
          ? `substr(${a(0)}, ${a(1)}, ${n === 3 ? a(2) : "undefined"})`
          : this.closure(logic, scope);
      case "filter":
      case "map":
      case "all":
      case "some":
      case "none":
        return n === 2 ? `${this.scoped(op, args[0], args[1])}(${d}, e)` : this.closure(logic, scope);
      case "reduce":
        return n === 2 || n === 3 ? `${this.reduce(args)}(${d}, e)` : this.closure(logic, scope);
      default:
        return this.closure(logic, scope);
    }
  }

  /** `==`, `!=`, `===`, `!==`, `<`, `<=`, `>`, `>=` with two arguments (others run as closures). */
  comparison(op: string, args: unknown[], scope: Scope, logic: unknown): string {
    const a = (i: number) => this.expr(args[i], scope);
    const n = args.length;
    switch (op) {
      case "==":
      case "!=": {
        if (n !== 2) return this.closure(logic, scope);
        const not = op === "!=" ? "!" : "";
        if (typeof args[1] === "string") {
          const t = this.temp(scope);
          const s = literal(args[1]);
          return `(${t} = ${a(0)}, typeof ${t} === "string" ? ${t} ${op === "==" ? "===" : "!=="} ${s} : ${not}eq(${t}, ${s}))`;
        }
        return `${not}eq(${a(0)}, ${a(1)})`;
      }
      case "===":
      case "!==":
        return n === 2 ? `(${a(0)} ${op} ${a(1)})` : this.closure(logic, scope);
      case ">":
      case ">=":
      case "<":
      case "<=": {
        if (n !== 2) return this.closure(logic, scope);
        const orEqual = op.endsWith("=") ? "true" : "false";
        const x = op.startsWith(">") ? 1 : 0;
        if (typeof args[1] === "number") {
          // A number on the right: JavaScript's own comparison unless the left is an object.
          const t = this.temp(scope);
          const js = `${t} ${op} ${literal(args[1])}`;
          const slow =
            x === 0
              ? `lt(${t}, ${literal(args[1])}, ${orEqual})`
              : `lt(${literal(args[1])}, ${t}, ${orEqual})`;
          return `(${t} = ${a(0)}, typeof ${t} === "object" && ${t} !== null ? ${slow} : ${js})`;
        }
        if (x === 0) return `lt(${a(0)}, ${a(1)}, ${orEqual})`;
        const t = this.temp(scope);
        return `(${t} = ${a(0)}, lt(${a(1)}, ${t}, ${orEqual}))`;
      }
      default:
        return this.closure(logic, scope);
    }
  }

  /** `+`, `*`, `-`, `/`, `%`, `min`, `max`, as JSON numbers (odd argument counts run as closures). */
  arithmetic(op: string, args: unknown[], scope: Scope, logic: unknown): string {
    const a = (i: number) => this.expr(args[i], scope);
    const n = args.length;
    switch (op) {
      case "+":
        return n === 0 ? "0" : `(0 + ${args.map((x) => this.number(x, "num", scope)).join(" + ")})`;
      case "*":
        return n === 1
          ? a(0)
          : n > 1
            ? `(${args.map((x) => this.number(x, "num", scope)).join(" * ")})`
            : this.closure(logic, scope);
      case "-":
        return n === 1
          ? `(-(${this.number(args[0], "toNum", scope)}))`
          : n === 2
            ? this.kind(args[1]) === "number"
              ? `(${this.number(args[0], "toNum", scope)} - ${a(1)})`
              : this.minus(args, scope)
            : this.closure(logic, scope);
      case "/":
      case "%":
        return n === 2
          ? `(${this.number(args[0], "toNum", scope)} ${op} ${this.number(args[1], "toNum", scope)})`
          : this.closure(logic, scope);
      case "min":
      case "max":
        return `Math.${op}(${args.map((x) => this.number(x, "toNum", scope)).join(", ")})`;
      default:
        return this.closure(logic, scope);
    }
  }

  /** What a sub-rule's value always is, when its operator says so: lets conversions be skipped. */
  kind(logic: unknown): "boolean" | "number" | "string" | "any" {
    if (typeof logic === "boolean" || typeof logic === "number" || typeof logic === "string")
      return typeof logic as "boolean";
    if (!isLogic(logic)) return "any";
    const [op, args] = opAndArgs(logic);
    if (this.operators.get(op) !== STANDARD.get(op)) return "any";
    const n = args.length;
    if (["==", "!=", "===", "!==", ">", ">=", "<", "<=", "!", "!!"].includes(op)) return "boolean";
    if (["+", "/", "%", "min", "max"].includes(op) || (op === "-" && n > 0) || (op === "*" && n > 1))
      return "number";
    if (op === "cat" || op === "substr") return "string";
    return "any";
  }

  /** `-` of two values whose second may be undefined: json-logic-js then negates the first. */
  minus(args: unknown[], scope: Scope): string {
    const [x, y] = [this.temp(scope), this.temp(scope)];
    return `((${x} = ${this.number(args[0], "toNum", scope)}), (${y} = ${this.expr(args[1], scope)}), ${y} === undefined ? -(${x}) : ${x} - (typeof ${y} === "number" ? ${y} : toNum(${y})))`;
  }

  /** A condition: the value itself when it is a boolean, else its truthiness. */
  cond(logic: unknown, scope: Scope): string {
    const code = this.expr(logic, scope);
    return this.kind(logic) === "boolean" ? code : `truthy(${code})`;
  }

  /** A number for arithmetic: the value when it is one, else converted (`num`: parseFloat, `toNum`: Number). */
  number(logic: unknown, convert: "num" | "toNum", scope: Scope): string {
    const code = this.expr(logic, scope);
    if (this.kind(logic) === "number") return code;
    const t = this.temp(scope);
    return `(typeof (${t} = ${code}) === "number" ? ${t} : ${convert}(${t}))`;
  }

  /** Text for `cat`: the value when it is a string, else converted (null and undefined are ""). */
  text(logic: unknown, scope: Scope): string {
    const code = this.expr(logic, scope);
    if (this.kind(logic) === "string") return code;
    const t = this.temp(scope);
    return `(typeof (${t} = ${code}) === "string" ? ${t} : text(${t}))`;
  }

  /** `var`: a literal path is read inline, one own property at a time; a computed one through readVar. */
  variable(args: unknown[], scope: Scope, logic: unknown): string {
    const [path, fallback] = args;
    const isLiteral = (v: unknown) => v === null || typeof v !== "object";
    if (args.length > 2) return this.closure(logic, scope);
    if (!isLiteral(path) || !isLiteral(fallback)) {
      return `readVar(${scope.data}, ${this.expr(path, scope)}, ${fallback === undefined ? "undefined" : this.expr(fallback, scope)})`;
    }
    if (path === undefined || path === "" || path === null) return scope.data;
    const notFound = literal((fallback === undefined ? null : fallback) as string | number | boolean | null);
    const parts = splitPath(path);
    if (parts.length > 4) return `readPath(${scope.data}, ${this.constant(parts)}, ${notFound})`;
    // Each step reads the key, then keeps the value only when it is there (not undefined) and not a
    // function: exactly what the closures' readPath does (forbidden keys are refused when a rule is loaded),
    // so a class instance's getter reads the same in both.
    const h = this.temp(scope);
    const v = this.temp(scope);
    let out = `${v}`;
    for (let i = parts.length - 1; i >= 0; i--) {
      const key = literal(parts[i] as string);
      const next = i === parts.length - 1 ? out : `(${h} = ${v}, ${out})`;
      out = `${h} === null || ${h} === undefined || (${v} = ${h}[${key}]) === undefined || typeof ${v} === "function" ? ${notFound} : ${next}`;
    }
    return `(${h} = ${scope.data}, ${out})`;
  }

  /** filter, map, all, some, none: one hoisted function with the loop and the body inline. */
  scoped(op: string, source: unknown, body: unknown): string {
    const outer: Scope = { data: "d", temps: [] };
    const items = this.expr(source, outer);
    const inner: Scope = { data: "x", temps: [] };
    const test = this.expr(body, inner);
    const temps = [...outer.temps, ...inner.temps];
    const name = this.name("s");
    const head = `const ${name} = (d, e) => { let ${["items", "x", ...temps].join(", ")}; items = ${items};`;
    const loop = (inside: string) => `for (let i = 0; i < items.length; i++) { x = items[i]; ${inside} }`;
    const bodies: Record<string, string> = {
      filter: `if (!Array.isArray(items)) return []; charge(e, items.length); const out = []; ${loop(`if (truthy(${test})) out.push(x);`)} return out;`,
      map: `if (!Array.isArray(items)) return []; charge(e, items.length); const out = new Array(items.length); ${loop(`out[i] = ${test};`)} return out;`,
      all: `if (!Array.isArray(items) || items.length === 0) return false; charge(e, items.length); ${loop(`if (!truthy(${test})) return false;`)} return true;`,
      some: `if (!Array.isArray(items)) return false; charge(e, items.length); ${loop(`if (truthy(${test})) return true;`)} return false;`,
      none: `if (!Array.isArray(items)) return true; charge(e, items.length); ${loop(`if (truthy(${test})) return false;`)} return true;`,
    };
    this.hoisted.push(`${head} ${bodies[op]} };`);
    return name;
  }

  /** reduce: the body sees `{ current, accumulator }`. */
  reduce(args: unknown[]): string {
    const outer: Scope = { data: "d", temps: [] };
    const items = this.expr(args[0], outer);
    const start = args[2] !== undefined ? this.expr(args[2], outer) : "null";
    const inner: Scope = { data: "x", temps: [] };
    const step = this.expr(args[1], inner);
    const name = this.name("r");
    const temps = [...outer.temps, ...inner.temps];
    this.hoisted.push(
      `const ${name} = (d, e) => { let ${["items", "acc", "x", ...temps].join(", ")}; items = ${items}; acc = ${start}; if (!Array.isArray(items)) return acc; charge(e, items.length); for (let i = 0; i < items.length; i++) { x = { current: items[i], accumulator: acc }; acc = ${step}; } return acc; };`,
    );
    return name;
  }
}

/**
 * Generates one function for a rule. `fallback` compiles a sub-rule as closures, for the parts not
 * generated here. The result takes `(data, env)` like every compiled evaluator.
 */
export function generateLogic(
  logic: unknown,
  operators: OperatorSet,
  fallback: (logic: unknown) => Evaluator,
): Evaluator {
  const gen = new Generator(operators, fallback);
  const main = gen.fn(logic);
  const source = [
    '"use strict";',
    `const { ${HELPER_NAMES.join(", ")} } = h;`,
    ...gen.hoisted,
    `return ${main};`,
  ].join("\n");
  // Opt-in code generation; no text from the rule is code (see the top of this file).
  const factory = new Function("h", "c", "k", source) as (
    h: typeof HELPERS,
    c: Evaluator[],
    k: unknown[],
  ) => Evaluator;
  return factory(HELPERS, gen.closures, gen.constants);
}
