import type { EvalEnv } from "../logic/operator.js";
import { readVar } from "../logic/var-path.js";
import type { CompiledBindings } from "./compile-framework.js";

/** A template lookup: bindings first (computed on first use), then deal paths, then `extra` values. */
export function makeLookup(
  bindings: CompiledBindings,
  deal: unknown,
  env: EvalEnv,
  extra: Record<string, unknown> = {},
): (name: string) => unknown {
  const cache = new Map<string, unknown>();
  return (name) => {
    const binding = bindings.find(([n]) => n === name);
    if (binding) {
      if (!cache.has(name)) cache.set(name, binding[1](deal, env));
      return cache.get(name);
    }
    const head = name.split(".")[0] as string;
    if (Object.hasOwn(extra, head)) return readVar(extra, name, undefined);
    return readVar(deal, name, undefined);
  };
}
