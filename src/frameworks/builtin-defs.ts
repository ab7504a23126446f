import source from "./builtin-defs.generated.js";
import type { FrameworkDef } from "./framework-def.js";

// The built-in frameworks and the core rule set as validated definitions, generated from frameworks/*.json
// by `npm run generate` (tests/generated.test.ts fails when they are stale). A qualifier takes them as they
// are instead of validating twelve files on every createQualifier: the files are ours, and were validated
// when this was generated.

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

let frozen: { readonly frameworks: readonly FrameworkDef[]; readonly core: FrameworkDef } | undefined;

/** The validated built-in frameworks (in dependency order) and the core rule set; frozen, shared. */
export function builtinDefs(): { readonly frameworks: readonly FrameworkDef[]; readonly core: FrameworkDef } {
  frozen ??= deepFreeze(JSON.parse(source) as { frameworks: FrameworkDef[]; core: FrameworkDef });
  return frozen;
}
