import { QualifyError } from "../validation/issue.js";
import { builtinFiles, coreRuleSet } from "./builtin.js";
import type { BuiltinDefs } from "./builtin-defs.js";
import type { FrameworkDef } from "./framework-def.js";
import { safeParseFramework } from "./parse-framework.js";

// builtin-defs.ts for the warehouse UDF (tsup.config.ts swaps it in): the built-ins validated from their
// files on first use. The UDF must stay under 100 KB gzipped, and the files compress better than the
// validated definitions (which repeat what frameworks extend and share); a UDF compiles once per options.

let defs: { readonly frameworks: readonly FrameworkDef[]; readonly core: FrameworkDef } | undefined;

/** The validated built-in frameworks (in dependency order) and the core rule set. */
export function builtinDefs(): BuiltinDefs {
  const all = validated();
  const byId = new Map(all.frameworks.map((f) => [f.id, f]));
  return {
    ids: all.frameworks.map((f) => f.id),
    framework: (id) => {
      const def = byId.get(id);
      if (def === undefined) throw new Error(`No built-in framework "${id}"`);
      return def;
    },
    core: () => all.core,
    hashOf: () => undefined,
  };
}

function validated(): { readonly frameworks: readonly FrameworkDef[]; readonly core: FrameworkDef } {
  if (defs) return defs;
  const catalogue = new Map<string, FrameworkDef>();
  const parse = (file: unknown) => {
    const result = safeParseFramework(file, { frameworks: catalogue });
    if (!result.success)
      throw new QualifyError("Invalid built-in framework", result.issues, { kind: "invalid-rule-set" });
    return result.data;
  };
  const frameworks = builtinFiles().map((file) => {
    const def = parse(file);
    catalogue.set(def.id, def);
    return def;
  });
  defs = { frameworks, core: parse(coreRuleSet()) };
  return defs;
}
