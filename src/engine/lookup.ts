import type { EvalEnv } from "../logic/operator.js";
import type { TemplateLookup } from "../logic/template.js";
import { readPath, readVar } from "../logic/var-path.js";
import type { CompiledBindings } from "./compile-framework.js";

/** A template lookup: the rule's bindings first (each computed on first use), then deal paths. */
export function makeLookup(bindings: CompiledBindings, deal: unknown, env: EvalEnv): TemplateLookup {
  const cache = new Map<string, unknown>();
  return (name, path) => {
    const binding = bindings.find(([n]) => n === name);
    // A deal path, split when the template was compiled (readVar's "not found" is null).
    if (!binding) return path ? readPath(deal, path, null) : readVar(deal, name, undefined);
    if (!cache.has(name)) cache.set(name, binding[1](deal, env));
    return cache.get(name);
  };
}
