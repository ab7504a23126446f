import { builtinDefs } from "./builtin-defs.js";
import type { FrameworkDef } from "./framework-def.js";

/**
 * The twelve built-in frameworks, validated, by id: what a framework file may `extends` when no catalogue
 * is given to `safeParseFramework`.
 */
export function builtinCatalogue(): ReadonlyMap<string, FrameworkDef> {
  const builtins = builtinDefs();
  return new Map(builtins.ids.map((id) => [id, builtins.framework(id)]));
}
