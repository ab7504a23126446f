// Generates, from a zod schema, the source of a plain function that accepts only values the schema accepts
// (scripts/artefacts.mjs writes it to src/validation/deal-acceptor.generated.ts). The function needs no
// zod and makes no code at run time: accepting a valid deal runs this; anything it does not accept goes to
// the explainer (scripts/explainer-source.mjs), which lists every problem. Constructs it does not know
// compile to `false` ("not certainly valid"), never to a guess. Checked both ways against zod by tests/fast-accept.test.ts.

import { defOf, functionTable } from "./schema-functions.mjs";

/** The refinements the acceptor knows, by the name of the function the schema refines with. */
const VALUE_CHECKS = ["isCurrencyCode", "isDefined", "isIsoDate", "isIsoDay"];

/** The source of an expression testing `v` against each zod check, or undefined for one it does not know. */
function checksSource(schema, v, regexes) {
  const parts = [];
  for (const c of defOf(schema).checks ?? []) {
    const d = c._zod.def;
    if (d.check === "min_length" && typeof d.minimum === "number") parts.push(`${v}.length >= ${d.minimum}`);
    else if (d.check === "greater_than" && typeof d.value === "number")
      parts.push(`${v} ${d.inclusive ? ">=" : ">"} ${d.value}`);
    else if (d.check === "less_than" && typeof d.value === "number")
      parts.push(`${v} ${d.inclusive ? "<=" : "<"} ${d.value}`);
    else if (d.check === "number_format" && d.format === "safeint") parts.push(`Number.isSafeInteger(${v})`);
    else if (d.check === "string_format" && d.format === "regex" && d.pattern instanceof RegExp) {
      // A pattern that keeps state between calls (g, y) would answer differently each time: ask zod.
      if (/[gy]/.test(d.pattern.flags)) return undefined;
      parts.push(`${regexes(d.pattern)}.test(${v})`);
    } else if (d.check === "custom") {
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

/**
 * Writes an acceptor module: one small function per distinct schema, each root's function exported under
 * its name. `what` names the schema in the header; `nullsPlan` adds the deal's plan of nulls read as absent.
 */
function acceptorsSource(roots, { what, nullsPlan: withNulls, copiers }) {
  const table = functionTable(
    "a",
    (schema) => expr(schema),
    (id, body) => `const ${id} = (v: any): boolean => ${body};`,
  );
  const { fn, functions, sets } = table;
  // The keys of each object schema, as a Set made once when the module loads (not a list per call).
  const keySet = table.keys;
  // Each pattern a schema checks, as one RegExp made when the module loads.
  const patterns = new Map();
  const regexes = (pattern) => {
    const key = `${pattern.source}/${pattern.flags}`;
    if (!patterns.has(key))
      patterns.set(key, { id: `r${patterns.size}`, source: pattern.source, flags: pattern.flags });
    return patterns.get(key).id;
  };
  const expr = (schema) => {
    const def = defOf(schema);
    const checks = checksSource(schema, "v", regexes);
    if (checks === undefined) return "false";
    const withChecks = (base) => [base, ...checks].join(" && ");
    switch (def.type) {
      case "optional":
        return `v === undefined || ${fn(def.innerType)}(v)`;
      case "nonoptional":
        return checks.length ? "false" : `v !== undefined && ${fn(def.innerType)}(v)`;
      case "string":
        return withChecks('typeof v === "string"');
      case "number":
        return withChecks('typeof v === "number" && Number.isFinite(v)');
      case "boolean":
        return withChecks('typeof v === "boolean"');
      case "unknown":
        return checks.length ? checks.join(" && ") : "true";
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
        // Text keys (checked or not), or an enum's values when the record is partial (every key optional);
        // a full enum-keyed record needs every key, which this does not test: ask.
        const key = defOf(def.keyType).type;
        if (checks.length || !(key === "string" || (key === "enum" && def.partial === true))) return "false";
        return `isPlain(v) && recordOf(v, ${fn(def.keyType)}, ${fn(def.valueType)})`;
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
  const tops = roots.map(([name, schema]) => [name, fn(schema)]);
  // Copies in the order zod writes its output (an object's keys in the schema's order, absent optional
  // keys left out, JsonLogic and other unknown values by reference), for values the acceptor took: the
  // caller gets what zod would have given, so a definition's hash is the same either way.
  const copyTable = functionTable(
    "c",
    (schema) => copyExpr(schema),
    (id, body) => `const ${id} = (v: any): any => ${body};`,
  );
  const copyExpr = (schema) => {
    const def = defOf(schema);
    switch (def.type) {
      case "optional":
        return `v === undefined ? undefined : ${copyTable.fn(def.innerType)}(v)`;
      case "nonoptional":
        return `${copyTable.fn(def.innerType)}(v)`;
      case "array":
        return `v.map((x: any) => ${copyTable.fn(def.element)}(x))`;
      case "record":
        return `copyRecord(v, ${copyTable.fn(def.valueType)})`;
      case "object": {
        const lines = Object.entries(def.shape).map(([k, s]) => {
          const key = JSON.stringify(k);
          return `if (${key} in v) o[${key}] = ${copyTable.fn(s)}(v[${key}]);`;
        });
        return `{\n  const o: any = {};\n  ${lines.join("\n  ")}\n  return o;\n}`;
      }
      default:
        return "v";
    }
  };
  const copies = (copiers ?? []).map(([name, schema]) => [name, copyTable.fn(schema)]);
  return `// Generated by scripts/acceptor-source.mjs from ${what} (npm run generate): do not edit.
// Accepts only values the schema accepts, with no zod and no code made at run time; \`false\` means "not
// certainly valid": the caller then asks for every problem.
/* biome-ignore-all lint: generated code */
// biome-ignore-all format: generated code
import { copyRecord, every, isPlain, onlyKeys, recordOf } from "../model/accept-helpers.js";
import { ${VALUE_CHECKS.join(", ")} } from "../model/value-checks.js";
${withNulls ? 'import type { NullsPlan } from "../validation/nulls-as-absent.js";\n' : ""}
${[...patterns.values()].map((r) => `const ${r.id} = new RegExp(${JSON.stringify(r.source)}, ${JSON.stringify(r.flags)});`).join("\n")}
${[...sets].map(([keys, id]) => `const ${id}: ReadonlySet<string> = new Set(${keys});`).join("\n")}

${functions.join("\n")}
${copies.length ? `\n${copyTable.functions.join("\n")}\n` : ""}
${tops.map(([name, top]) => `/** Whether the value is certainly valid; \`false\` means "not certainly", never "invalid". */\nexport const ${name}: (value: unknown) => boolean = ${top};`).join("\n\n")}
${copies.map(([name, top]) => `\n/** A value the acceptor took, copied as zod would give it. */\nexport const ${name}: <T>(value: T) => T = ${top};`).join("\n")}
${withNulls ? `\n/** Where a null on the deal is read as absent: every optional field (SQL engines write a missing column so). */\nexport const dealNullsPlan: NullsPlan = ${JSON.stringify(nullsPlan(roots[0][1]))};\n` : ""}`;
}

/** The deal acceptor (src/validation/deal-acceptor.generated.ts). */
export function acceptorSource(root, name = "acceptDeal") {
  return acceptorsSource([[name, root]], { what: "the zod Deal schema", nullsPlan: true });
}

/** The framework file acceptors (src/frameworks/framework-acceptor.generated.ts). */
export function frameworkAcceptorSource(lib) {
  return acceptorsSource(
    [
      ["acceptFramework", lib.Framework],
      ["acceptRuleSet", lib.RuleSet],
      ["acceptCriterion", lib.Criterion],
    ],
    {
      what: "the zod Framework, RuleSet and Criterion schemas",
      nullsPlan: false,
      copiers: [
        ["copyFramework", lib.Framework],
        ["copyRuleSet", lib.RuleSet],
      ],
    },
  );
}
