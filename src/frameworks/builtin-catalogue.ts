import { QualifyError } from "../validation/issue.js";
import { builtinFiles } from "./builtin.js";
import type { FrameworkDef } from "./framework-def.js";
import { safeParseFramework } from "./parse-framework.js";

let cache: ReadonlyMap<string, FrameworkDef> | undefined;

/**
 * The twelve built-in frameworks, validated, by id: what a framework file may `extends` when no catalogue
 * is given to `safeParseFramework`. Constant data, validated once on first use and kept.
 */
export function builtinCatalogue(): ReadonlyMap<string, FrameworkDef> {
  if (cache) return cache;
  const catalogue = new Map<string, FrameworkDef>();
  for (const file of builtinFiles()) {
    const result = safeParseFramework(file, { frameworks: catalogue });
    if (!result.success) throw new QualifyError("Invalid built-in framework", result.issues);
    catalogue.set(result.data.id, result.data);
  }
  cache = catalogue;
  return cache;
}
