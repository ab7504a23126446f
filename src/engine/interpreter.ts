import type { EvalEnv, Evaluator, Operator } from "../logic/operator.js";
import type { OperatorSet } from "../logic/operator-set.js";
import { dataOperators, standardOperators } from "../logic/standard-operators.js";
import { JSON_LOGIC_OWN } from "./json-logic-originals.js";
import { jsonLogicLib } from "./json-logic-side.js";

const BUILT_IN = new Set([...standardOperators, ...dataOperators].map((o) => o.name));

/** An evaluator that hands the rule to json-logic-js `apply` each time: the reference, and the baseline. */
export function interpret(logic: unknown): Evaluator {
  type Rule = Parameters<ReturnType<typeof jsonLogicLib>["apply"]>[0];
  // Taken when the rule is compiled, so that a qualifier that cannot have it fails when it is made.
  const lib = jsonLogicLib();
  return (data) => lib.apply(logic as Rule, data);
}

/**
 * Runs `fn` with the qualifier's own operators registered in json-logic-js, and its own `var`,
 * `missing` and `missing_some` (which never return JavaScript's machinery: `constructor`, `__proto__`,
 * methods), so interpreter mode gives the compiled mode's answers. json-logic-js's operator table is
 * process-wide: they are swapped in for this synchronous call only, and json-logic-js's own operations
 * are put back before it returns (a plugin operator named `log` included): nothing leaks to other
 * qualifiers or to other users of json-logic-js.
 */
export function withJsonLogicOperators<T>(operators: OperatorSet, env: EvalEnv, fn: () => T): T {
  const added: string[] = [];
  const register = (op: Operator) => {
    jsonLogicLib().add_operation(op.name, function (this: unknown, ...args: unknown[]) {
      return op.evaluate(args, {
        data: this,
        root: env.root,
        asOf: env.asOf,
        lostAfterDays: env.lostAfterDays,
      });
    });
    added.push(op.name);
  };
  try {
    for (const op of dataOperators) register(op);
    for (const op of operators.values()) if (!BUILT_IN.has(op.name)) register(op);
    return fn();
  } finally {
    for (const name of added) {
      const own = JSON_LOGIC_OWN[name];
      if (own) jsonLogicLib().add_operation(name, own);
      else jsonLogicLib().rm_operation(name);
    }
  }
}
