import type { EvalEnv } from "../logic/operator.js";
import { readVar } from "../logic/var-path.js";
import type { CompiledBindings } from "./compile-framework.js";

/** A template lookup: the rule's bindings first (each computed on first use), then deal paths. */
export function makeLookup(
  bindings: CompiledBindings,
  deal: unknown,
  env: EvalEnv,
): (name: string) => unknown {
  const cache = new Map<string, unknown>();
  return (name) => {
    const binding = bindings.find(([n]) => n === name);
    if (!binding) return readVar(deal, name, undefined);
    if (!cache.has(name)) cache.set(name, binding[1](deal, env));
    return cache.get(name);
  };
}
