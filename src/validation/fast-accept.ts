import { isPlainRecord } from "../model/is-record.js";

/** Says whether a value is certainly valid; `false` means "ask zod", never "invalid". */
export type Acceptor = (value: unknown) => boolean;

type Check = {
  _zod: {
    def: { check: string; value?: unknown; minimum?: number; inclusive?: boolean; format?: string };
    check: (p: { value: unknown; issues: unknown[] }) => void;
  };
};
type Def = { type: string; checks?: Check[]; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

const isPlain = isPlainRecord;

function checksPass(checks: readonly Check[] | undefined): Acceptor | undefined {
  if (!checks || checks.length === 0) return undefined;
  const tests = checks.map((c): Acceptor => {
    const def = c._zod.def;
    if (def.check === "min_length" && typeof def.minimum === "number") {
      const min = def.minimum;
      return (v) => (v as string).length >= min;
    }
    if (def.check === "greater_than" && typeof def.value === "number") {
      const [min, inclusive] = [def.value, def.inclusive === true];
      return (v) => (inclusive ? (v as number) >= min : (v as number) > min);
    }
    if (def.check === "number_format" && def.format === "safeint") return (v) => Number.isSafeInteger(v);
    // Anything else (refinements such as real dates): run zod's own check on this value.
    return (v) => {
      const payload = { value: v, issues: [] as unknown[] };
      c._zod.check(payload);
      return payload.issues.length === 0;
    };
  });
  return (v) => tests.every((t) => t(v));
}

/**
 * Builds, from a zod schema, a check that accepts only values the schema accepts, without collecting
 * issues or copying anything: the fast path for the common case of valid input. Returns undefined
 * for schema constructs it does not know; for those, zod alone decides.
 */
export function compileAcceptor(schema: unknown): Acceptor | undefined {
  const def = defOf(schema);
  const checks = checksPass(def.checks);
  const withChecks = (base: Acceptor): Acceptor => (checks ? (v) => base(v) && checks(v) : base);
  switch (def.type) {
    case "optional": {
      const inner = compileAcceptor(def.innerType);
      return inner && ((v) => v === undefined || inner(v));
    }
    case "string":
      return withChecks((v) => typeof v === "string");
    case "number":
      return withChecks((v) => typeof v === "number" && Number.isFinite(v));
    case "boolean":
      return checks ? undefined : (v) => typeof v === "boolean";
    case "unknown":
      return checks ? undefined : () => true;
    case "literal": {
      const values = new Set(def.values as unknown[]);
      return checks ? undefined : (v) => values.has(v);
    }
    case "enum": {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return checks ? undefined : (v) => values.has(v);
    }
    case "array": {
      const element = compileAcceptor(def.element);
      // A for loop, not `every`: `every` skips holes (`[, {...}]`), which the schema rejects.
      return (
        element &&
        withChecks((v) => {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
          return true;
        })
      );
    }
    case "union": {
      const options = (def.options as unknown[]).map(compileAcceptor);
      if (options.some((o) => o === undefined) || checks) return undefined;
      return (v) => options.some((o) => (o as Acceptor)(v));
    }
    case "record": {
      if (defOf(def.keyType).type !== "string" || defOf(def.keyType).checks?.length) return undefined;
      const value = compileAcceptor(def.valueType);
      return value && !checks ? (v) => isPlain(v) && Object.values(v).every((x) => value(x)) : undefined;
    }
    case "object": {
      const catchall = def.catchall ? defOf(def.catchall).type : undefined;
      if (catchall !== "never" || checks) return undefined; // only strict objects
      const shape = Object.entries(def.shape as Record<string, unknown>).map(
        ([k, s]) => [k, compileAcceptor(s)] as const,
      );
      if (shape.some(([, a]) => a === undefined)) return undefined;
      const known = new Set(shape.map(([k]) => k));
      return (v) => {
        if (!isPlain(v)) return false;
        for (const key in v) if (!known.has(key)) return false;
        for (const [key, accept] of shape) if (!(accept as Acceptor)(v[key])) return false;
        return true;
      };
    }
    default:
      return undefined;
  }
}
