import { jsonLogicLib } from "./json-logic-side.js";

type Apply = (logic: unknown, data: unknown) => unknown;
const apply: Apply = (logic, data) => (jsonLogicLib().apply as unknown as Apply)(logic, data);

/**
 * json-logic-js's own `var`, `missing`, `missing_some` and `log`, with its exact behaviour (version
 * 2.0.5). Its operation table is process-wide and has no getter: interpreter mode swaps in its own
 * versions for one synchronous call, then puts these back, so other users of json-logic-js in the
 * process see json-logic-js unchanged.
 */
export const JSON_LOGIC_OWN: Readonly<Record<string, (this: unknown, ...args: unknown[]) => unknown>> = {
  var(this: unknown, a: unknown, b: unknown) {
    const notFound = b === undefined ? null : b;
    let data = this as Record<string, unknown> | null | undefined;
    if (a === undefined || a === "" || a === null) return data;
    for (const part of String(a).split(".")) {
      if (data === null || data === undefined) return notFound;
      data = data[part] as Record<string, unknown> | null | undefined;
      if (data === undefined) return notFound;
    }
    return data;
  },
  missing(this: unknown, ...args: unknown[]) {
    const keys = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    const out: unknown[] = [];
    for (const key of keys) {
      const value = apply({ var: key }, this);
      if (value === null || value === "") out.push(key);
    }
    return out;
  },
  missing_some(this: unknown, need: unknown, options: unknown) {
    const absent = apply({ missing: options }, this) as unknown[];
    return (options as unknown[]).length - absent.length >= (need as number) ? [] : absent;
  },
  log(a: unknown) {
    console.log(a);
    return a;
  },
};
