import fc from "fast-check";

// Random rules over a small vocabulary of operators, keys and values, compared with json-logic-js.
export const key = fc.constantFrom("a", "b", "c", "a.b", "list", "n", "s", "0", "", "missing");
export const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0, 1, 2.5, -1, "", "a", "b", "1", "abc", true, false, null),
);
export const dataArb = fc.record({
  a: fc.oneof(scalar, fc.record({ b: scalar })),
  b: scalar,
  c: fc.array(scalar, { maxLength: 4 }),
  list: fc.array(fc.oneof(scalar, fc.record({ a: scalar, n: scalar })), { maxLength: 5 }),
  n: fc.integer({ min: -3, max: 10 }),
  s: fc.string({ maxLength: 4 }),
});
const eager = [
  "==",
  "===",
  "!=",
  "!==",
  ">",
  ">=",
  "<",
  "<=",
  "!!",
  "!",
  "%",
  "in",
  "cat",
  "substr",
  "+",
  "-",
  "/",
  "min",
  "max",
  "merge",
];
// missing / missing_some re-apply their (already evaluated) keys as rules in json-logic-js; rules pass them literal keys.
/** Random rules whose keys and literals come from the given arbitraries. */
export function rules(key: fc.Arbitrary<string>, scalar: fc.Arbitrary<unknown>) {
  const missingRule = fc.oneof(
    fc.array(key, { maxLength: 3 }).map((keys) => ({ missing: keys })),
    fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.array(key, { maxLength: 3 }))
      .map(([n, keys]) => ({ missing_some: [n, keys] })),
  );
  return fc.letrec((tie) => ({
    rule: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      fc.record({ var: fc.oneof(key, fc.tuple(key, scalar)) }),
      missingRule,
      fc
        .tuple(fc.constantFrom(...eager), fc.array(tie("rule"), { minLength: 1, maxLength: 3 }))
        .map(([op, args]) => ({ [op]: args })),
      fc
        .tuple(fc.constantFrom("if", "?:", "and", "or"), fc.array(tie("rule"), { maxLength: 4 }))
        .map(([op, args]) => ({ [op]: args })),
      fc
        .tuple(fc.constantFrom("filter", "map", "all", "some", "none"), tie("rule"), tie("rule"))
        .map(([op, a, b]) => ({ [op]: [a, b] })),
      fc.tuple(tie("rule"), tie("rule"), tie("rule")).map(([a, b, c]) => ({ reduce: [a, b, c] })),
      fc.array(tie("rule"), { maxLength: 3 }),
    ),
  }));
}

/** Random rules over the small vocabulary. */
export const { rule } = rules(key, scalar);
