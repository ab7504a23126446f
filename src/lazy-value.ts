/**
 * A stand-in for an object made on first use: every read, check and write is passed to `load()`'s result,
 * made once. `dist/index.js` exports the zod schemas so (`Deal`, `Framework`...): importing qualify does
 * not load zod, and `Deal.safeParse`, `z.object({ deal: Deal })`, `Deal instanceof z.ZodObject` and
 * `Object.keys(Deal.shape)` behave as with the schema itself. `adopt` runs once, when the real object is
 * made: what is kept by identity (zod's registry of descriptions) is given to the stand-in too.
 */
export function lazyValue<T extends object>(load: () => T, adopt?: (standIn: T, real: T) => void): T {
  let made: T | undefined;
  const real = (): T => {
    if (made === undefined) {
      made = load();
      adopt?.(standIn, made);
    }
    return made;
  };
  // Node's inspect (console.log) shows a stand-in's target, not through its traps: the target shows the real object.
  const target = Object.create(null) as T;
  Object.defineProperty(target, Symbol.for("nodejs.util.inspect.custom"), {
    configurable: true,
    value: (_depth: number, options: object, inspect: (value: unknown, options: object) => string) =>
      inspect(real(), options),
  });
  const standIn = new Proxy(target, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    ownKeys: () => Reflect.ownKeys(real()),
    // The stand-in itself holds nothing, so a property may be reported only as configurable.
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d ? { ...d, configurable: true } : undefined;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
  return standIn;
}
