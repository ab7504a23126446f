import source from "./builtin-defs.generated.js";
import type { FrameworkDef } from "./framework-def.js";

// The built-in frameworks and the core rule set as validated definitions, generated from frameworks/*.json
// by `npm run generate` (tests/generated.test.ts fails when they are stale). A qualifier takes them as they
// are instead of validating twelve files on every createQualifier: the files are ours, and were validated
// when this was generated.

/** The validated built-ins, each parsed when first asked for. */
export interface BuiltinDefs {
  /** The built-in framework ids, each after the one it extends. */
  readonly ids: readonly string[];
  /** A built-in framework's definition: parsed on the first call, the same object after. */
  readonly framework: (id: string) => FrameworkDef;
  /** The core rule set's definition. */
  readonly core: () => FrameworkDef;
  /** A definition's hash, when the build worked it out ahead (tsup.config.ts `builtinHashes`); else undefined. */
  readonly hashOf: (def: FrameworkDef) => string | undefined;
}

/** The generated source, with the hashes the build may add (the same `fingerprint` the engine takes). */
type Source = typeof source & {
  readonly hashes?: { readonly frameworks: Readonly<Record<string, string>>; readonly core: string };
};

/**
 * The built-ins for one caller: its own copies, so no qualifier shares objects with another (a framework
 * parses in well under a millisecond; freezing one shared copy cost 5 ms on a cold start), and only those
 * it reads (a qualifier of bant and meddpicc parses two frameworks, not twelve).
 */
export function builtinDefs(): BuiltinDefs {
  const { hashes } = source as Source;
  const made = new Map<string, FrameworkDef>();
  const hashed = new WeakMap<FrameworkDef, string>();
  const parse = (text: string, hash: string | undefined) => {
    const def = JSON.parse(text) as FrameworkDef;
    if (hash !== undefined) hashed.set(def, hash);
    return def;
  };
  return {
    ids: source.order,
    framework: (id) => {
      let def = made.get(id);
      if (def === undefined) {
        const text = source.frameworks[id];
        if (text === undefined) throw new Error(`No built-in framework "${id}"`);
        def = parse(text, hashes?.frameworks[id]);
        made.set(id, def);
      }
      return def;
    },
    core: () => parse(source.core, hashes?.core),
    hashOf: (def) => hashed.get(def),
  };
}
