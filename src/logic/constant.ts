import type { Evaluator } from "./operator.js";

const VALUE = Symbol("constant");
type Constant = Evaluator & { readonly [VALUE]: unknown };

/** An evaluator that always returns `value`, marked so operators can read the value at compile time. */
export function constant(value: unknown): Evaluator {
  const f = (() => value) as unknown as Constant;
  (f as { [VALUE]: unknown })[VALUE] = value;
  return f;
}

/** Whether an evaluator is a constant (a literal in the rule). */
export function isConstant(f: Evaluator): f is Constant {
  return VALUE in f;
}

/** The value of a constant evaluator. */
export function constantValue(f: Constant): unknown {
  return f[VALUE];
}

const KEY = Symbol("field");
type Field = Evaluator & { readonly [KEY]: { key: string; notFound: unknown } };

/** Marks a `{"var": "key"}` evaluator with its key, so hot operators can read the field inline. */
export function markField(f: Evaluator, key: string, notFound: unknown): Evaluator {
  (f as { [KEY]?: unknown })[KEY] = { key, notFound };
  return f;
}

/** The key and fallback of a single-key `var` evaluator, if it is one. */
export function fieldOf(f: Evaluator): { key: string; notFound: unknown } | undefined {
  return (f as Partial<Field>)[KEY];
}
