import source from "./builtin-defs.generated.js";
import type { FrameworkDef } from "./framework-def.js";

// The built-in frameworks and the core rule set as validated definitions, generated from frameworks/*.json
// by `npm run generate` (tests/generated.test.ts fails when they are stale). A qualifier takes them as they
// are instead of validating twelve files on every createQualifier: the files are ours, and were validated
// when this was generated.

/**
 * The validated built-in frameworks (in dependency order) and the core rule set: a fresh copy for each
 * caller, so no qualifier shares objects with another (parsing the JSON is about 1 ms; freezing one shared
 * copy cost 5 ms on a cold start).
 */
export function builtinDefs(): { readonly frameworks: readonly FrameworkDef[]; readonly core: FrameworkDef } {
  return JSON.parse(source) as { frameworks: FrameworkDef[]; core: FrameworkDef };
}
