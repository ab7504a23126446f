import type { BuiltinDefs } from "./builtin-defs.js";
import type { FrameworkDef } from "./framework-def.js";

// A placeholder held under a built-in's id until the definition is first read.
const PENDING = Object.freeze({}) as FrameworkDef;

/**
 * Frameworks by id, the built-ins first, each built-in parsed when it is first read (`get`, or any walk
 * over the values): an ordinary Map to its users, in the same order, with `has`, `keys` and `size` free.
 */
export class LazyCatalogue extends Map<string, FrameworkDef> {
  readonly #builtins: BuiltinDefs;
  readonly #pending = new Set<string>();

  constructor(builtins: BuiltinDefs) {
    super();
    this.#builtins = builtins;
    for (const id of builtins.ids) {
      this.#pending.add(id);
      super.set(id, PENDING);
    }
  }

  override get(id: string): FrameworkDef | undefined {
    this.#fill(id);
    return super.get(id);
  }

  override set(id: string, def: FrameworkDef): this {
    this.#pending.delete(id);
    return super.set(id, def);
  }

  override delete(id: string): boolean {
    this.#pending.delete(id);
    return super.delete(id);
  }

  override values(): MapIterator<FrameworkDef> {
    this.#fillAll();
    return super.values();
  }

  override entries(): MapIterator<[string, FrameworkDef]> {
    this.#fillAll();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, FrameworkDef]> {
    return this.entries();
  }

  override forEach(
    fn: (def: FrameworkDef, id: string, map: Map<string, FrameworkDef>) => void,
    self?: unknown,
  ): void {
    this.#fillAll();
    super.forEach(fn, self);
  }

  /** Setting a key a map already holds keeps its place: the order stays the registration order. */
  #fill(id: string): void {
    if (this.#pending.delete(id)) super.set(id, this.#builtins.framework(id));
  }

  #fillAll(): void {
    for (const id of [...this.#pending]) this.#fill(id);
  }
}
