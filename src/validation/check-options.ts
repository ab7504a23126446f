import { isPlainRecord } from "../model/is-record.js";
import { describeValue } from "./describe.js";
import { didYouMean } from "./did-you-mean.js";
import { formatPath, type Issue, quote } from "./issue.js";
import type { IssueCode } from "./issue-codes.js";

/**
 * One checker for every place options arrive as data: `createQualifier` options, a config file, the
 * warehouse UDF's options. Nothing is coerced: a value of the wrong type is an issue with its path, what
 * was expected, what was received and, where one is plain, the fix ("did you mean 1000?").
 */
type Path = ReadonlyArray<string | number>;
type Check = (value: unknown, path: Path) => Issue[];

export { describeValue };

/** A plain object (the one helper: `isPlainRecord`). */
export const isPlainObject = isPlainRecord;

const issue = (path: Path, code: IssueCode, message: string, suggestion?: string): Issue => ({
  path: formatPath(path),
  code,
  message,
  ...(suggestion !== undefined ? { suggestion } : {}),
});

const wrong = (path: Path, expected: string, value: unknown, suggestion?: string): Issue =>
  issue(
    path,
    "invalid-type",
    `Expected ${expected}; received ${describeValue(value)}${suggestion !== undefined ? `; did you mean ${suggestion}?` : ""}`,
    suggestion,
  );

/** `true` or `false`; the texts "true"/"false" are named, never read as booleans. */
export const bool: Check = (v, path) =>
  typeof v === "boolean"
    ? []
    : [wrong(path, "true or false", v, v === "true" || v === "false" ? v : undefined)];

/** A whole number of at least `min`; a number written as text gets the number as its suggestion. */
export const wholeNumber =
  (min: number): Check =>
  (v, path) => {
    if (typeof v === "number" && Number.isSafeInteger(v) && v >= min) return [];
    const asNumber = typeof v === "string" && /^\s*\d+\s*$/.test(v) ? String(Number(v)) : undefined;
    return [wrong(path, `a whole number of at least ${min}`, v, asNumber)];
  };

/** A positive number (seconds, say). */
export const positiveNumber: Check = (v, path) => {
  if (typeof v === "number" && Number.isFinite(v) && v > 0) return [];
  const asNumber =
    typeof v === "string" && /^\s*\d+(\.\d+)?\s*$/.test(v) && Number(v) > 0 ? String(Number(v)) : undefined;
  return [wrong(path, "a number greater than 0", v, asNumber)];
};

/** One of a few texts, with "did you mean" for a near miss. */
export const oneOf =
  (values: readonly string[]): Check =>
  (v, path) => {
    if (typeof v === "string" && values.includes(v)) return [];
    const near = typeof v === "string" ? didYouMean(v, values) : undefined;
    return [
      issue(
        path,
        "invalid-value",
        `Expected ${values.map((x) => quote(x)).join(" or ")}; received ${describeValue(v)}${near ? `; did you mean "${near}"?` : ""}`,
        near,
      ),
    ];
  };

/** A non-empty text. */
export const text =
  (what: string): Check =>
  (v, path) =>
    typeof v === "string" && v.trim() !== "" ? [] : [wrong(path, what, v)];

/** A list whose items pass `item`; a single item where the list belongs is named, with the fix. */
export const listOf =
  (item: Check, what: string): Check =>
  (v, path) => {
    if (!Array.isArray(v)) {
      const single = typeof v === "string" ? `[${JSON.stringify(v)}]` : undefined;
      return [wrong(path, `a list of ${what}`, v, single)];
    }
    const out: Issue[] = [];
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) out.push(wrong([...path, i], what, undefined));
      else out.push(...item(v[i], [...path, i]));
    }
    return out;
  };

/** Passes when any of the checks passes; otherwise one issue naming every accepted kind. */
export const either =
  (what: string, ...checks: Check[]): Check =>
  (v, path) =>
    checks.some((c) => c(v, path).length === 0) ? [] : [wrong(path, what, v)];

/** Any plain object (its contents are checked elsewhere: a framework, a plugin). */
export const plainObject =
  (what: string): Check =>
  (v, path) =>
    isPlainObject(v) ? [] : [wrong(path, what, v)];

/**
 * A plain object with exactly these keys (all optional): unknown keys with "did you mean", each value
 * checked. Reading a key that throws (a getter) is an issue, never a throw.
 */
export const shape =
  (fields: Readonly<Record<string, Check>>, what = "an object"): Check =>
  (v, path) => {
    if (!isPlainObject(v)) return [wrong(path, what, v)];
    const allowed = Object.keys(fields);
    const out: Issue[] = [];
    for (const key of Object.keys(v)) {
      const check = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (!check) {
        const near = didYouMean(key, allowed);
        out.push(
          issue(
            [...path, key],
            "unknown-field",
            `Unknown key ${quote(key)}${near ? `; did you mean "${near}"?` : `; allowed here: ${allowed.join(", ")}`}`,
            near,
          ),
        );
        continue;
      }
      let value: unknown;
      try {
        value = v[key];
      } catch (e) {
        out.push(issue([...path, key], "unreadable", `Reading it threw: ${thrownText(e)}`));
        continue;
      }
      if (value !== undefined) out.push(...check(value, [...path, key]));
    }
    return out;
  };

/** What was thrown, in words, whatever it is (`throw null` included); never throws itself. */
export function thrownText(e: unknown): string {
  try {
    if (e instanceof Error) return e.message || e.name;
    if (typeof e === "string") return e;
    return describeValue(e);
  } catch {
    return "something that cannot be described";
  }
}

const frameworkItem = either(
  "a framework id, a framework file path or a framework object",
  text("a framework id"),
  plainObject("a framework object"),
);
const pluginObject: Check = (v, path) => {
  if (typeof v === "string")
    return [
      issue(
        path,
        "invalid-type",
        `Expected a plugin object; received the module path ${quote(v)}. In code, import the module and pass its plugin, or build the options with loadConfig() from "qualify/node", which loads plugins named by path`,
      ),
    ];
  if (typeof v !== "object" || v === null || Array.isArray(v))
    return [wrong(path, "a plugin object (made with definePlugin)", v)];
  const name = (v as { name?: unknown }).name;
  return typeof name === "string" && name.trim() !== ""
    ? []
    : [issue([...path, "name"], "invalid-type", "A plugin needs a name (definePlugin({ name, ... }))")];
};

/** The keys of `createQualifier` options given as data (no plugins): the UDF's and a JSON config's core. */
export const DATA_OPTIONS: Readonly<Record<string, Check>> = {
  frameworks: listOf(frameworkItem, "framework ids, framework file paths or framework objects"),
  disable: listOf(text("a finding, collateral, question or rule id"), "finding, collateral or rule ids"),
  coreRules: bool,
  mode: oneOf(["compiled", "interpreter"]),
  codegen: bool,
  budget: shape({ steps: wholeNumber(1), perItem: wholeNumber(0) }, "{ steps, perItem }"),
  // An object is checked inside (its problem named at its own path); anything else must be a boolean.
  compact: (v, path) =>
    isPlainObject(v)
      ? shape({ questions: wholeNumber(0) })(v, path)
      : typeof v === "boolean"
        ? []
        : [wrong(path, "true, false or { questions: N } (N a whole number of at least 0)", v)],
};

/** `createQualifier` options, plugin objects included. */
export const QUALIFIER_OPTIONS: Readonly<Record<string, Check>> = {
  ...DATA_OPTIONS,
  plugins: listOf(pluginObject, "plugin objects (made with definePlugin)"),
  configFile: text("the config file's path"),
};

/** A config file: the qualifier's options, plugins also by module path, and the CLI's run settings. */
export const CONFIG_OPTIONS: Readonly<Record<string, Check>> = {
  ...DATA_OPTIONS,
  plugins: listOf(
    (v, path) => (typeof v === "string" ? text("a module path")(v, path) : pluginObject(v, path)),
    "plugin module paths or plugin objects",
  ),
  dealTimeout: positiveNumber,
  keepGoing: bool,
};

/** Checks options against `fields`: every problem, each with its path. */
export function checkOptions(value: unknown, fields: Readonly<Record<string, Check>>, what: string): Issue[] {
  return shape(fields, `${what}: a plain object`)(value, []);
}
