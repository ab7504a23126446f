// Generates, from a zod schema, the source of a plain function that lists what is wrong with a value in
// zod's own issue format (scripts/artefacts.mjs writes it to src/validation/deal-explainer.generated.ts):
// the issues zod would report, in zod's order, so that src/validation/from-zod.ts words them exactly as it
// words zod's. It needs no zod at run time: a rejected deal is explained without loading zod. A construct
// it does not know stops the generation with an error, never a guess. Checked against zod, issue by issue,
// by tests/fast-accept.test.ts.

import { defOf, functionTable } from "./schema-functions.mjs";

/** The refinements it knows, by the name of the function the schema refines with: how each is worded. */
const REFINEMENTS = {
  isIsoDate: (check) => ({
    message: JSON.stringify(check.error({})),
    params: `{ code: ${JSON.stringify(check.params.code)} }`,
  }),
  isIsoDay: (check) => ({
    message: JSON.stringify(check.error({})),
    params: `{ code: ${JSON.stringify(check.params.code)} }`,
  }),
  isCurrencyCode: (check) => ({
    message: "currencyProblem(String(v)).message",
    params: `{ code: ${JSON.stringify(check.params.code)}, suggest: currencySuggestion }`,
  }),
};

const unknownConstruct = (what) => {
  throw new Error(
    `explainer-source: no explanation for ${what}; teach scripts/explainer-source.mjs (and its test) first`,
  );
};

/** The statements checking `v` (a string or a number already of its type) against its zod checks. */
function checksSource(schema) {
  const out = [];
  for (const c of defOf(schema).checks ?? []) {
    const d = c._zod.def;
    if (d.check === "min_length" && typeof d.minimum === "number")
      out.push(
        `if (v.length < ${d.minimum}) out.push({ code: "too_small", origin: "string", minimum: ${d.minimum}, inclusive: true, path: p });`,
      );
    else if (d.check === "greater_than" && typeof d.value === "number")
      out.push(
        `if (!(v ${d.inclusive ? ">=" : ">"} ${d.value})) out.push({ code: "too_small", origin: "number", minimum: ${d.value}, inclusive: ${d.inclusive}, path: p });`,
      );
    else if (d.check === "less_than" && typeof d.value === "number")
      out.push(
        `if (!(v ${d.inclusive ? "<=" : "<"} ${d.value})) out.push({ code: "too_big", origin: "number", maximum: ${d.value}, inclusive: ${d.inclusive}, path: p });`,
      );
    else if (d.check === "number_format" && d.format === "safeint")
      // zod stops at a number that is not whole; a whole number out of the safe range goes on to the next check.
      out.push(
        `if (!Number.isInteger(v)) { out.push({ code: "invalid_type", expected: "int", format: "safeint", path: p }); return; }`,
        `if (v > Number.MAX_SAFE_INTEGER) out.push({ code: "too_big", origin: "int", maximum: Number.MAX_SAFE_INTEGER, inclusive: true, path: p });`,
        `if (v < Number.MIN_SAFE_INTEGER) out.push({ code: "too_small", origin: "int", minimum: Number.MIN_SAFE_INTEGER, inclusive: true, path: p });`,
      );
    else if (d.check === "custom" && typeof d.fn === "function" && REFINEMENTS[d.fn.name]) {
      const { message, params } = REFINEMENTS[d.fn.name](d);
      out.push(
        `if (!${d.fn.name}(v)) out.push({ code: "custom", message: ${message}, params: ${params}, path: p });`,
      );
    } else unknownConstruct(`the check ${d.check}${d.fn?.name ? ` (${d.fn.name})` : ""}`);
  }
  return out;
}

const PRIMITIVES = {
  string: 'typeof v === "string"',
  number: 'typeof v === "number" && Number.isFinite(v)',
  boolean: 'typeof v === "boolean"',
};

/** Writes the explainer: one small function per distinct schema, the deal's last. */
export function explainerSource(root, name = "explainDeal") {
  const table = functionTable(
    "e",
    (schema) => statements(schema).join("\n  "),
    (id, body) => `const ${id} = (v: any, p: Path, out: RawIssue[]): void => {\n  ${body}\n};`,
  );
  const { fn, functions, sets } = table;
  const keySet = table.keys;
  // A value of the wrong type: zod reports it, skips the checks, except those on a length, which run on
  // anything that has one (a list where a text should be is also "too short" when empty).
  const typed = (schema, type) => {
    const onLength = (defOf(schema).checks ?? [])
      .map((c) => c._zod.def)
      .filter((d) => d.check === "min_length")
      .map(
        (d) =>
          ` if (v != null && v.length !== undefined && !(v.length >= ${d.minimum})) out.push({ code: "too_small", origin: Array.isArray(v) ? "array" : "unknown", minimum: ${d.minimum}, inclusive: true, path: p });`,
      );
    return [
      `if (!(${PRIMITIVES[type]})) { out.push({ code: "invalid_type", expected: "${type}", path: p });${onLength.join("")} return; }`,
      ...checksSource(schema),
    ];
  };
  const statements = (schema) => {
    const def = defOf(schema);
    switch (def.type) {
      case "optional":
        return [`if (v !== undefined) ${fn(def.innerType)}(v, p, out);`];
      case "string":
      case "number":
      case "boolean":
        return typed(schema, def.type);
      case "unknown":
        return (def.checks ?? []).length ? unknownConstruct("checks on unknown") : [];
      case "literal":
      case "enum": {
        const values = def.type === "literal" ? def.values : Object.values(def.entries);
        if (
          (def.checks ?? []).length ||
          !values.every((x) => ["string", "number", "boolean"].includes(typeof x))
        )
          unknownConstruct("this enum");
        const test = values.map((x) => `v === ${JSON.stringify(x)}`).join(" || ");
        return [
          `if (!(${test})) out.push({ code: "invalid_value", values: ${JSON.stringify(values)}, path: p });`,
        ];
      }
      case "array":
        if ((def.checks ?? []).length) unknownConstruct("checks on a list");
        return [
          `if (!Array.isArray(v)) { out.push({ code: "invalid_type", expected: "array", path: p }); return; }`,
          `for (let i = 0; i < v.length; i++) ${fn(def.element)}(v[i], [...p, i], out);`,
        ];
      case "union": {
        // Only unions of plain types: zod reports them as one invalid_union (a union of objects may instead
        // report the issues of the option that came closest, which this does not reproduce).
        const types = def.options.map((o) => defOf(o));
        if ((def.checks ?? []).length || !types.every((t) => PRIMITIVES[t.type] && !(t.checks ?? []).length))
          unknownConstruct("a union of anything but plain types");
        const test = types.map((t) => `(${PRIMITIVES[t.type]})`).join(" || ");
        return [
          `if (!(${test})) out.push({ code: "invalid_union", types: ${JSON.stringify(types.map((t) => t.type))}, path: p });`,
        ];
      }
      case "record": {
        const key = defOf(def.keyType);
        if (key.type !== "string" || (key.checks ?? []).length || defOf(def.valueType).type !== "unknown")
          unknownConstruct("a record other than string keys to unknown values");
        return [
          `if (!isPlainObject(v)) { out.push({ code: "invalid_type", expected: "record", path: p }); return; }`,
          `for (const key of Reflect.ownKeys(v)) if (typeof key === "symbol" && Object.prototype.propertyIsEnumerable.call(v, key)) out.push({ code: "invalid_key", message: "Invalid key in record", path: [...p, key] });`,
        ];
      }
      case "object": {
        if (!def.catchall || defOf(def.catchall).type !== "never" || (def.checks ?? []).length)
          unknownConstruct("an object that is not strict");
        const shape = Object.entries(def.shape);
        const known = keySet(shape.map(([k]) => k));
        return [
          `if (typeof v !== "object" || v === null || Array.isArray(v)) { out.push({ code: "invalid_type", expected: "object", path: p }); return; }`,
          ...shape.map(([k, s]) => {
            const key = JSON.stringify(k);
            const optional = defOf(s).type === "optional";
            // zod skips an optional key that is absent, and runs a required one on undefined.
            return optional
              ? `if (${key} in v) ${fn(s)}(v[${key}], [...p, ${key}], out);`
              : `${fn(s)}(v[${key}], [...p, ${key}], out);`;
          }),
          `unknownKeys(v, ${known}, p, out);`,
        ];
      }
      default:
        return unknownConstruct(`a ${def.type}`);
    }
  };
  const top = fn(root);
  return `// Generated by scripts/explainer-source.mjs from the zod Deal schema (npm run generate): do not edit.
// Lists what is wrong with a value as zod would, in zod's issue format and order, with no zod at run time:
// src/validation/from-zod.ts words these issues as it words zod's.
/* biome-ignore-all lint: generated code */
// biome-ignore-all format: generated code
import { currencyProblem } from "../model/currency.js";
import { isCurrencyCode, isIsoDate, isIsoDay } from "../model/value-checks.js";
import { currencySuggestion, isPlainObject, type Path, type RawIssue, unknownKeys } from "./explain-helpers.js";

export type { RawIssue };

${[...sets].map(([keys, id]) => `const ${id}: readonly string[] = ${keys};`).join("\n")}

${functions.join("\n")}

/** What is wrong with a value that should be a deal, as zod's issues (empty when nothing is). */
export function ${name}(value: unknown): RawIssue[] {
  const out: RawIssue[] = [];
  ${top}(value, [], out);
  return out;
}
`;
}
