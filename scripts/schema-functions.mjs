// What the generators of src/validation/*.generated.ts share (scripts/acceptor-source.mjs,
// scripts/explainer-source.mjs): one small function per distinct schema, a test written once whichever
// schema asks for it, and each object's keys as one constant made when the module loads.

/** A zod schema's definition. */
export const defOf = (schema) => schema._zod.def;

/**
 * The table of generated functions: `fn(schema)` names the function for a schema (writing it on first
 * use, from `bodyOf(schema)`, as `declare(id, body)`); `keys(list)` names the constant for a key list.
 */
export function functionTable(prefix, bodyOf, declare) {
  const names = new Map();
  const bodies = new Map();
  const functions = [];
  const sets = new Map();
  const fn = (schema) => {
    if (names.has(schema)) return names.get(schema);
    const body = bodyOf(schema);
    // The same test written once (a required text, an optional day...), whichever schema asks for it.
    if (bodies.has(body)) {
      names.set(schema, bodies.get(body));
      return bodies.get(body);
    }
    const id = `${prefix}${bodies.size}`;
    names.set(schema, id);
    bodies.set(body, id);
    functions.push(declare(id, body));
    return id;
  };
  const keys = (list) => {
    const text = JSON.stringify(list);
    if (!sets.has(text)) sets.set(text, `k${sets.size}`);
    return sets.get(text);
  };
  return { fn, keys, functions, sets };
}
