import jsonLogic from "json-logic-js";
import type { EvalEnv, Evaluator } from "../logic/operator.js";
import type { OperatorSet } from "../logic/operator-set.js";
import { dataOperators, standardOperators } from "../logic/standard-operators.js";

const BUILT_IN = new Set([...standardOperators, ...dataOperators].map((o) => o.name));

/** An evaluator that hands the rule to json-logic-js `apply` each time: the reference, and the baseline. */
export function interpret(logic: unknown): Evaluator {
  return (data) => jsonLogic.apply(logic as Parameters<typeof jsonLogic.apply>[0], data);
}

/**
 * Runs `fn` with the qualifier's own operators registered in json-logic-js. Its operator table is
 * process-wide, so they are added for this synchronous call only and removed before it returns:
 * nothing leaks to other qualifiers or to other users of json-logic-js.
 */
export function withJsonLogicOperators<T>(operators: OperatorSet, env: EvalEnv, fn: () => T): T {
  const added: string[] = [];
  try {
    for (const op of operators.values()) {
      if (BUILT_IN.has(op.name)) continue;
      jsonLogic.add_operation(op.name, function (this: unknown, ...args: unknown[]) {
        return op.evaluate(args, { data: this, root: env.root, asOf: env.asOf });
      });
      added.push(op.name);
    }
    return fn();
  } finally {
    for (const name of added) jsonLogic.rm_operation(name);
  }
}
