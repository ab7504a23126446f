// Generates, from a zod schema, the source of a plain function that accepts only values the schema accepts
// (scripts/artefacts.mjs writes it to src/validation/deal-acceptor.generated.ts). The function needs no
// zod and makes no code at run time: accepting a valid deal runs this; anything it does not accept goes to
// the explainer (scripts/explainer-source.mjs), which lists every problem. Constructs it does not know
// compile to `false` ("not certainly valid"), never to a guess. Checked both ways against zod by tests/fast-accept.test.ts.

import { defOf, functionTable } from "./schema-functions.mjs";

/** The refinements the acceptor knows, by the name of the function the schema refines with. */
const VALUE_CHECKS = ["isCurrencyCode", "isIsoDate", "isIsoDay"];

/** The source of an expression testing `v` against each zod check, or undefined for one it does not know. */
function checksSource(schema, v) {
  const parts = [];
  for (const c of defOf(schema).checks ?? []) {
    const d = c._zod.def;
    if (d.check === "min_length" && typeof d.minimum === "number") parts.push(`${v}.length >= ${d.minimum}`);
    else if (d.check === "greater_than" && typeof d.value === "number")
      parts.push(`${v} ${d.inclusive ? ">=" : ">"} ${d.value}`);
    else if (d.check === "less_than" && typeof d.value === "number")
      parts.push(`${v} ${d.inclusive ? "<=" : "<"} ${d.value}`);
    else if (d.check === "number_format" && d.format === "safeint") parts.push(`Number.isSafeInteger(${v})`);
    else if (d.check === "custom") {
      // A refinement is code: only the named value checks of src/model/value-checks.ts are known, and the
      // generated code calls the same functions.
      const name = typeof d.fn === "function" ? d.fn.name : undefined;
      if (!VALUE_CHECKS.includes(name)) return undefined;
      parts.push(`${name}(${v})`);
    } else return undefined;
  }
  return parts;
}

/** Strips optional, nullable, default and readonly wrappers (and pipes) to the schema that shapes a value. */
function unwrap(schema) {
  let s = schema;
  for (;;) {
    const d = defOf(s);
    if (["optional", "nullable", "default", "readonly"].includes(d.type)) s = d.innerType;
    else if (d.type === "pipe") s = d.in;
    else return s;
  }
}

/** Where a null may be read as absent (src/validation/nulls-as-absent.ts): per key, optional or not. */
function nullsPlan(schema) {
  const d = defOf(unwrap(schema));
  if (d.type === "object") {
    const keys = {};
    for (const [key, child] of Object.entries(d.shape)) {
      const plan = nullsPlan(child);
      keys[key] = { optional: child.safeParse(undefined).success, ...(plan ? { plan } : {}) };
    }
    return { kind: "object", keys };
  }
  if (d.type === "array") {
    const element = nullsPlan(d.element);
    return { kind: "array", ...(element ? { element } : {}) };
  }
  if (d.type === "record") return { kind: "free" };
  return undefined;
}

/** Writes the acceptor: one small function per distinct schema, the deal's last. */
export function acceptorSource(root, name = "acceptDeal") {
  const table = functionTable(
    "a",
    (schema) => expr(schema),
    (id, body) => `const ${id} = (v: any): boolean => ${body};`,
  );
  const { fn, functions, sets } = table;
  // The keys of each object schema, as a Set made once when the module loads (not a list per call).
  const keySet = table.keys;
  const expr = (schema) => {
    const def = defOf(schema);
    const checks = checksSource(schema, "v");
    if (checks === undefined) return "false";
    const withChecks = (base) => [base, ...checks].join(" && ");
    switch (def.type) {
      case "optional":
        return `v === undefined || ${fn(def.innerType)}(v)`;
      case "string":
        return withChecks('typeof v === "string"');
      case "number":
        return withChecks('typeof v === "number" && Number.isFinite(v)');
      case "boolean":
        return withChecks('typeof v === "boolean"');
      case "unknown":
        return checks.length ? "false" : "true";
      case "literal":
      case "enum": {
        const values = def.type === "literal" ? def.values : Object.values(def.entries);
        if (checks.length || !values.every((x) => ["string", "number", "boolean"].includes(typeof x)))
          return "false";
        return values.map((x) => `v === ${JSON.stringify(x)}`).join(" || ");
      }
      case "array":
        return withChecks(`Array.isArray(v) && every(v, ${fn(def.element)})`);
      case "union":
        return checks.length ? "false" : def.options.map((o) => `${fn(o)}(v)`).join(" || ");
      case "record": {
        const key = defOf(def.keyType);
        if (key.type !== "string" || key.checks?.length || checks.length) return "false";
        return `isPlain(v) && Object.values(v).every(${fn(def.valueType)})`;
      }
      case "object": {
        if (!def.catchall || defOf(def.catchall).type !== "never" || checks.length) return "false"; // strict only
        const shape = Object.entries(def.shape);
        const known = keySet(shape.map(([k]) => k));
        const fields = shape.map(([k, s]) => `${fn(s)}(v[${JSON.stringify(k)}])`);
        return [`isPlain(v)`, `onlyKeys(v, ${known})`, ...fields].join(" &&\n  ");
      }
      default:
        return "false";
    }
  };
  const top = fn(root);
  return `// Generated by scripts/acceptor-source.mjs from the zod Deal schema (npm run generate): do not edit.
// Accepts only deals the schema accepts, with no zod and no code made at run time; \`false\` means "ask zod".
/* biome-ignore-all lint: generated code */
// biome-ignore-all format: generated code
import { ${VALUE_CHECKS.join(", ")} } from "../model/value-checks.js";
import type { NullsPlan } from "./nulls-as-absent.js";

const isPlain = (v: any): boolean => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
// A for loop, not \`every\`: \`every\` skips holes (\`[, {...}]\`), which the schema rejects.
const every = (list: any[], accept: (v: any) => boolean): boolean => {
  for (let i = 0; i < list.length; i++) if (!accept(list[i])) return false;
  return true;
};
const onlyKeys = (v: any, known: ReadonlySet<string>): boolean => {
  for (const key in v) if (!known.has(key)) return false;
  return true;
};

${[...sets].map(([keys, id]) => `const ${id}: ReadonlySet<string> = new Set(${keys});`).join("\n")}

${functions.join("\n")}

/** Whether the value is certainly a valid deal; \`false\` means "ask zod", never "invalid". */
export const ${name}: (value: unknown) => boolean = ${top};

/** Where a null on the deal is read as absent: every optional field (SQL engines write a missing column so). */
export const dealNullsPlan: NullsPlan = ${JSON.stringify(nullsPlan(root))};
`;
}
