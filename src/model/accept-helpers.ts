// What the generated acceptors (src/validation/deal-acceptor.generated.ts,
// src/frameworks/framework-acceptor.generated.ts) call: the tests that read a value as zod reads it.

type Obj = Record<PropertyKey, unknown>;

/** An object made as `{}` or `Object.create(null)` (zod takes other classes too: the acceptor leaves them to it). */
export const isPlain = (v: unknown): boolean => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** Every item accepted. A for loop, not `every`: `every` skips holes (`[, {...}]`), which the schema rejects. */
export const every = (list: readonly unknown[], accept: (v: unknown) => boolean): boolean => {
  for (let i = 0; i < list.length; i++) if (!accept(list[i])) return false;
  return true;
};

/** No key but the known ones, inherited enumerable keys included (zod lists them as unknown). */
export const onlyKeys = (v: object, known: ReadonlySet<string>): boolean => {
  for (const key in v) if (!known.has(key)) return false;
  return true;
};

/** A record's keys as zod reads them: every enumerable own key (a symbol is never a text key), but __proto__. */
export const recordOf = (
  v: object,
  key: (k: unknown) => boolean,
  value: (x: unknown) => boolean,
): boolean => {
  for (const k of Reflect.ownKeys(v)) {
    if (k === "__proto__" || !Object.prototype.propertyIsEnumerable.call(v, k)) continue;
    if (!key(k) || !value((v as Obj)[k])) return false;
  }
  return true;
};

/** zod's record output: every enumerable own key but __proto__, in order, each value copied. */
export const copyRecord = (v: object, value: (x: unknown) => unknown): Obj => {
  const o: Obj = {};
  for (const k of Reflect.ownKeys(v))
    if (k !== "__proto__" && Object.prototype.propertyIsEnumerable.call(v, k)) o[k] = value((v as Obj)[k]);
  return o;
};
