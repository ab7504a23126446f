import { lessThan, looseEquals, parseNumber, toNumber, toText } from "../model/json-value.js";
import { charge } from "./budget.js";
import { constantValue, fieldOf, isConstant } from "./constant.js";
import { defineOperator, type EvalEnv, type Evaluator, type Operator } from "./operator.js";
import { truthy } from "./truthy.js";
import { readVar } from "./var-path.js";

// The eager operators of json-logic-js 2.0.5, with its exact semantics (loose equality, parseFloat in
// `+` and `*`, PHP-style negative substr ends). `log` is left out on purpose: evaluation does no I/O.
// One difference, on purpose: values are converted as JSON (src/model/json-value.ts), so an object from
// the data with its own `toString`, `valueOf` or `indexOf` is never called. json-logic-js throws there;
// these operators are total over JSON values.

const num = parseNumber;
const isObj = (v: unknown): v is object => typeof v === "object" && v !== null;
const none: Evaluator = () => undefined;
const two =
  (f: (a: unknown, b: unknown) => unknown) =>
  (args: readonly Evaluator[]): Evaluator => {
    const [a, b] = [args[0] ?? none, args[1] ?? none];
    // A literal right-hand side (the common `{"==": [{"var": "stage"}, "proposal"]}`) is read once.
    if (isConstant(b)) {
      const value = constantValue(b);
      return (d, e) => f(a(d, e), value);
    }
    return (d, e) => f(a(d, e), b(d, e));
  };
// Comparisons written out, so the engine can inline them (no indirect call per comparison).
const gtFast = (args: readonly Evaluator[]): Evaluator => {
  const [a, b] = [args[0] ?? none, args[1] ?? none];
  if (isConstant(b) && !isObj(constantValue(b))) {
    const value = constantValue(b) as number;
    return (d, e) => {
      const x = a(d, e);
      return isObj(x) ? lessThan(value, x, false) : (x as number) > value;
    };
  }
  return (d, e) => lessThan(b(d, e), a(d, e), false);
};
const notFast = (args: readonly Evaluator[]): Evaluator => {
  const a = args[0] ?? none;
  return (d, e) => !truthy(a(d, e));
};
const all =
  (f: (values: unknown[]) => unknown) =>
  (args: readonly Evaluator[]): Evaluator =>
  (d, e) =>
    f(args.map((g) => g(d, e)));

/** Like `all`, but the value's size (list items, or characters / 100) is taken from the budget. */
const sized =
  (f: (values: unknown[]) => unknown) =>
  (args: readonly Evaluator[]): Evaluator =>
  (d, e) => {
    const value = f(args.map((g) => g(d, e)));
    charge(
      e,
      Array.isArray(value) ? value.length : typeof value === "string" ? Math.ceil(value.length / 100) : 0,
    );
    return value;
  };

// Fixed-arity forms: no argument array per call. Each returns undefined for a count it does not handle
// (the general form then takes it), so any argument count keeps json-logic-js's behaviour.
const asNum = (x: unknown) => (typeof x === "number" ? x : num(x));
const asNumber = (x: unknown) => (typeof x === "number" ? x : toNumber(x));
const plusFast = (args: readonly Evaluator[]): Evaluator | undefined => {
  const [a, b] = args as Evaluator[];
  if (args.length === 1) return (d, e) => 0 + asNum((a as Evaluator)(d, e));
  if (args.length === 2) return (d, e) => 0 + asNum((a as Evaluator)(d, e)) + asNum((b as Evaluator)(d, e));
  return (d, e) => {
    let sum = 0;
    for (let i = 0; i < args.length; i++) sum = sum + asNum((args[i] as Evaluator)(d, e));
    return sum;
  };
};
const timesFast = (args: readonly Evaluator[]): Evaluator | undefined => {
  const [a, b] = args as Evaluator[];
  if (args.length === 2) return (d, e) => asNum((a as Evaluator)(d, e)) * asNum((b as Evaluator)(d, e));
  return undefined;
};
const minusFast = (args: readonly Evaluator[]): Evaluator | undefined => {
  const [a, b] = args as Evaluator[];
  if (args.length === 1) return (d, e) => -asNumber((a as Evaluator)(d, e));
  if (args.length === 2)
    return (d, e) => {
      const x = asNumber((a as Evaluator)(d, e));
      const y = (b as Evaluator)(d, e);
      // json-logic-js negates when the second value is undefined (`{"or": []}` gives one).
      return y === undefined ? -x : x - asNumber(y);
    };
  return undefined;
};
const arithmetic =
  (f: (x: number, y: number) => number) =>
  (args: readonly Evaluator[]): Evaluator => {
    const [a, b] = [args[0] ?? none, args[1] ?? none];
    return (d, e) => f(asNumber(a(d, e)), asNumber(b(d, e)));
  };
/** `in`: whether a is an item of the list b, or a substring of the string b. */
export const inValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(b)
    ? b.indexOf(a) !== -1
    : typeof b === "string"
      ? b.indexOf(typeof a === "string" ? a : toText(a)) !== -1
      : false;
const inFast = (args: readonly Evaluator[]): Evaluator => {
  const [a, b] = [args[0] ?? none, args[1] ?? none];
  return (d, e) => inValue(a(d, e), b(d, e));
};
/** Text for `cat`: null and undefined are "", anything else as JSON text. */
export const catText = (x: unknown): string =>
  typeof x === "string" ? x : x === null || x === undefined ? "" : toText(x);
/** A built string, its size (characters / 100) taken from the evaluation's budget. */
export const sizedText = (e: EvalEnv, s: string): string => {
  charge(e, Math.ceil(s.length / 100));
  return s;
};
const catFast = (args: readonly Evaluator[]): Evaluator => {
  const size = sizedText;
  const [a, b, c] = args as Evaluator[];
  if (args.length === 2)
    return (d, e) => size(e, catText((a as Evaluator)(d, e)) + catText((b as Evaluator)(d, e)));
  if (args.length === 3)
    return (d, e) =>
      size(
        e,
        catText((a as Evaluator)(d, e)) + catText((b as Evaluator)(d, e)) + catText((c as Evaluator)(d, e)),
      );
  return (d, e) => {
    let s = "";
    for (let i = 0; i < args.length; i++) s += catText((args[i] as Evaluator)(d, e));
    return size(e, s);
  };
};
/** `substr` with json-logic-js's semantics (a negative length drops characters from the end). */
export const substrOf = (s: unknown, from: unknown, length: unknown): string => {
  const source = toText(s);
  const start = toNumber(from);
  const end = length === undefined ? undefined : toNumber(length);
  if ((end as number) < 0) {
    const temp = source.substr(start);
    return temp.substr(0, temp.length + (end as number));
  }
  return source.substr(start, end);
};
const substrFast = (args: readonly Evaluator[]): Evaluator | undefined => {
  const [a, b, c] = args as Evaluator[];
  if (args.length === 2) return (d, e) => substrOf((a as Evaluator)(d, e), (b as Evaluator)(d, e), undefined);
  if (args.length === 3)
    return (d, e) => substrOf((a as Evaluator)(d, e), (b as Evaluator)(d, e), (c as Evaluator)(d, e));
  return undefined;
};
/** `<` / `<=` with two arguments (a literal number on the right compared inline) or three (between). */
const lessFast =
  (orEqual: boolean) =>
  (args: readonly Evaluator[]): Evaluator | undefined => {
    const [a, b, c] = args as Evaluator[];
    if (args.length === 3)
      return (d, e) => {
        const [x, y, z] = [(a as Evaluator)(d, e), (b as Evaluator)(d, e), (c as Evaluator)(d, e)];
        return z === undefined ? lessThan(x, y, orEqual) : lessThan(x, y, orEqual) && lessThan(y, z, orEqual);
      };
    if (args.length !== 2) return undefined;
    const [l, r] = [a as Evaluator, b as Evaluator];
    if (isConstant(r) && !isObj(constantValue(r))) {
      const value = constantValue(r) as number;
      return orEqual
        ? (d, e) => {
            const x = l(d, e);
            return isObj(x) ? lessThan(x, value, true) : (x as number) <= value;
          }
        : (d, e) => {
            const x = l(d, e);
            return isObj(x) ? lessThan(x, value, false) : (x as number) < value;
          };
    }
    return (d, e) => lessThan(l(d, e), r(d, e), orEqual);
  };
const geFast = (args: readonly Evaluator[]): Evaluator => {
  const [a, b] = [args[0] ?? none, args[1] ?? none];
  if (isConstant(b) && !isObj(constantValue(b))) {
    const value = constantValue(b) as number;
    return (d, e) => {
      const x = a(d, e);
      return isObj(x) ? lessThan(value, x, true) : (x as number) >= value;
    };
  }
  return (d, e) => {
    const x = a(d, e);
    return lessThan(b(d, e), x, true);
  };
};

type Def = [
  name: string,
  description: string,
  min: number,
  max: number | undefined,
  fn: (v: unknown[]) => unknown,
  fast?: (args: readonly Evaluator[]) => Evaluator | undefined,
];

const eq = looseEquals;
const ne = (a: unknown, b: unknown) => !looseEquals(a, b);
/**
 * (In)equality against a string literal, the common `{"==": [{"var": "stage"}, "proposal"]}`: a string
 * on the other side compares with ===; anything else falls back to the loose rule. A single-key `var`
 * on the left is read inline.
 */
const equalityFast =
  (loose: (a: unknown, b: unknown) => boolean, negate: boolean) =>
  (args: readonly Evaluator[]): Evaluator => {
    const [a, b] = [args[0] ?? none, args[1] ?? none];
    if (!isConstant(b) || typeof constantValue(b) !== "string") return two(loose)(args);
    const value = constantValue(b) as string;
    const field = fieldOf(a);
    if (field) {
      const { key, notFound } = field;
      return (d) => {
        let x = d === null || d === undefined ? notFound : (d as Record<string, unknown>)[key];
        if (x === undefined || typeof x === "function") x = notFound;
        return typeof x === "string" ? (x === value) !== negate : loose(x, value);
      };
    }
    return (d, e) => {
      const x = a(d, e);
      return typeof x === "string" ? (x === value) !== negate : loose(x, value);
    };
  };
const eqFast = equalityFast(eq, false);
const neFast = equalityFast(ne, true);
const lt = (a: unknown, b: unknown) => lessThan(a, b, false);
const le = (a: unknown, b: unknown) => lessThan(a, b, true);
const between = (cmp: (a: unknown, b: unknown) => boolean) => (v: unknown[]) =>
  v[2] === undefined ? cmp(v[0], v[1]) : cmp(v[0], v[1]) && cmp(v[1], v[2]);

function missing(data: unknown, v: unknown[]): unknown[] {
  const keys = Array.isArray(v[0]) ? (v[0] as unknown[]) : v;
  const out: unknown[] = [];
  for (const key of keys) {
    const value = readVar(data, key, undefined);
    if (value === null || value === "") out.push(key);
  }
  return out;
}

const defs: Def[] = [
  ["==", "Loose equality, as JavaScript ==.", 2, 2, (v) => eq(v[0], v[1]), eqFast],
  ["===", "Strict equality.", 2, 2, (v) => v[0] === v[1], two((a, b) => a === b)],
  ["!=", "Loose inequality.", 2, 2, (v) => ne(v[0], v[1]), neFast],
  ["!==", "Strict inequality.", 2, 2, (v) => v[0] !== v[1], two((a, b) => a !== b)],
  [">", "Greater than.", 2, 2, (v) => lt(v[1], v[0]), gtFast],
  [">=", "Greater than or equal.", 2, 2, (v) => le(v[1], v[0]), geFast],
  ["<", "Less than; with three arguments, strictly between.", 2, 3, between(lt), lessFast(false)],
  ["<=", "Less than or equal; with three arguments, between inclusive.", 2, 3, between(le), lessFast(true)],
  ["!!", "Truthiness (an empty array is false).", 1, 1, (v) => truthy(v[0])],
  ["!", "Negated truthiness.", 1, 1, (v) => !truthy(v[0]), notFast],
  ["%", "Remainder.", 2, 2, (v) => toNumber(v[0]) % toNumber(v[1]), arithmetic((x, y) => x % y)],
  [
    "in",
    "Whether the first argument is in the second (an array or a string).",
    2,
    2,
    (v) => inValue(v[0], v[1]),
    inFast,
  ],
  [
    "cat",
    "Joins its arguments into a string.",
    0,
    undefined,
    (v) => v.map((x) => (x === null || x === undefined ? "" : toText(x))).join(""),
    catFast,
  ],
  [
    "substr",
    "Part of a string: start, and a length (negative: characters to drop from the end).",
    2,
    3,
    (v) => substrOf(v[0], v[1], v[2]),
    substrFast,
  ],
  [
    "+",
    "Sum (arguments are read as numbers).",
    0,
    undefined,
    (v) => v.reduce((a: number, b) => num(a) + num(b), 0),
    plusFast,
  ],
  [
    "*",
    "Product (arguments are read as numbers).",
    1,
    undefined,
    (v) => v.reduce((a, b) => num(a) * num(b)),
    timesFast,
  ],
  [
    "-",
    "Difference; with one argument, negation.",
    1,
    2,
    (v) => (v[1] === undefined ? -toNumber(v[0]) : toNumber(v[0]) - toNumber(v[1])),
    minusFast,
  ],
  ["/", "Quotient.", 2, 2, (v) => toNumber(v[0]) / toNumber(v[1]), arithmetic((x, y) => x / y)],
  ["min", "Smallest argument.", 0, undefined, (v) => Math.min(...v.map(toNumber))],
  ["max", "Largest argument.", 0, undefined, (v) => Math.max(...v.map(toNumber))],
  [
    "merge",
    "Flattens its arguments one level into an array.",
    0,
    undefined,
    (v) => v.reduce((a: unknown[], b) => a.concat(b), []),
    sized((v) => v.reduce((a: unknown[], b) => a.concat(b), [])),
  ],
];

/** The eager operators of JsonLogic (json-logic-js semantics). */
export const standardOperators: readonly Operator[] = defs.map(([name, description, min, max, fn, fast]) =>
  defineOperator({
    name,
    description,
    arity: max === undefined ? { min } : { min, max },
    evaluate: (args) => fn(args),
    // A fast form for a fixed count only when the count is the exact one: with extra arguments
    // json-logic-js still evaluates them all (and may throw), so the general form keeps that behaviour.
    // Forms for ranges and lists say themselves which counts they take (undefined: the general form).
    compile: (args) => {
      if (fast && (min !== max || args.length === max)) {
        const form = fast(args);
        if (form) return form;
      }
      return all(fn)(args);
    },
  }),
);

/** The operators that read the current data themselves: `var`, `missing`, `missing_some`. */
export const dataOperators: readonly Operator[] = [
  defineOperator({
    name: "var",
    description: "Reads a value from the data by dotted path, with an optional fallback.",
    arity: { min: 0, max: 2 },
    evaluate: (args, ctx) => readVar(ctx.data, args[0], args[1]),
  }),
  defineOperator({
    name: "missing",
    description: "The paths (among its arguments) whose value is absent, null or empty.",
    arity: { min: 0 },
    evaluate: (args, ctx) => missing(ctx.data, args),
  }),
  defineOperator({
    name: "missing_some",
    description: "Like missing, but empty when at least the first argument's count of paths is present.",
    arity: { min: 2, max: 2 },
    evaluate: (args, ctx) => {
      const [need, options] = args;
      // json-logic-js throws on an absent option list (it reads .length of undefined): here it is empty.
      const list = Array.isArray(options)
        ? options
        : options === null || options === undefined
          ? []
          : [options];
      const absent = missing(ctx.data, list);
      return list.length - absent.length >= toNumber(need) ? [] : absent;
    },
  }),
];

/** The control operators that decide themselves which arguments to evaluate. */
export const CONTROL_OPERATORS: ReadonlyMap<string, { description: string; min: number; max?: number }> =
  new Map([
    [
      "if",
      { description: "If / else if / else: pairs of condition and value, then an optional else.", min: 0 },
    ],
    ["?:", { description: "Ternary: condition, value when true, value when false.", min: 0 }],
    ["and", { description: "The first falsy argument, or the last.", min: 1 }],
    ["or", { description: "The first truthy argument, or the last.", min: 1 }],
    [
      "filter",
      {
        description: "The items of an array for which the rule holds (rule sees each item).",
        min: 2,
        max: 2,
      },
    ],
    ["map", { description: "The rule applied to each item of an array.", min: 2, max: 2 }],
    [
      "reduce",
      {
        description: "Folds an array: the rule sees {current, accumulator}; third argument is the start.",
        min: 2,
        max: 3,
      },
    ],
    [
      "all",
      { description: "True when the array is non-empty and the rule holds for every item.", min: 2, max: 2 },
    ],
    ["some", { description: "True when the rule holds for at least one item.", min: 2, max: 2 }],
    ["none", { description: "True when the rule holds for no item.", min: 2, max: 2 }],
  ]);

/** Operators that iterate: their second argument is evaluated on each item of the first. */
export const SCOPED_OPERATORS: ReadonlySet<string> = new Set([
  "filter",
  "map",
  "reduce",
  "all",
  "some",
  "none",
]);
