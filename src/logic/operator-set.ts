import { domainOperators } from "./domain-operators.js";
import type { Operator } from "./operator.js";
import { CONTROL_OPERATORS, dataOperators, standardOperators } from "./standard-operators.js";

/** The operators a qualifier's rules may use, by name. Each qualifier owns its own. */
export type OperatorSet = ReadonlyMap<string, Operator>;

/**
 * Makes an operator set: the JsonLogic standard operators, the domain operators (`with-role`,
 * `engaged`, `days-until`...) unless `{ domain: false }`, plus `extra`. A name that is taken (by a
 * standard or domain operator, or by another extra) is a programmer error and throws; passing one of
 * the domain operators again is harmless.
 */
export function createOperatorSet(
  extra: readonly Operator[] = [],
  options: { readonly domain?: boolean } = {},
): OperatorSet {
  const set = new Map<string, Operator>();
  const base = options.domain === false ? [] : domainOperators;
  for (const op of [...standardOperators, ...dataOperators, ...base, ...extra]) {
    if (set.get(op.name) === op) continue;
    if (set.has(op.name) || CONTROL_OPERATORS.has(op.name)) {
      throw new Error(`Operator "${op.name}" is defined twice; operator names must be unique`);
    }
    if (!/^[A-Za-z_!=<>%+*/?:-][\w!=<>%+*/?:-]*$/.test(op.name) || op.name.includes(".")) {
      throw new Error(`Operator name "${op.name}" is not allowed (no dots, no spaces)`);
    }
    set.set(op.name, op);
  }
  return set;
}

/** Every operator name usable in rules of this set, control operators included. */
export function operatorNames(set: OperatorSet): string[] {
  return [...CONTROL_OPERATORS.keys(), ...set.keys()];
}
