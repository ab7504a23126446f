import sharedFile from "../../frameworks/shared.definitions.json" with { type: "json" };
import { isPlainRecord } from "../model/is-record.js";
import { copyJson, setKey } from "../model/json-value.js";
import { didYouMean } from "../validation/did-you-mean.js";
import { formatPath, type Issue } from "../validation/issue.js";

/**
 * Named predicates, written once: a file's `define` (and the shared `frameworks/shared.definitions.json`)
 * names a piece of JsonLogic, or any JSON value (a question), and `{"ref": "deciders"}` anywhere in the
 * file stands for it. References are expanded when the file is parsed, before anything else is checked,
 * so rules, hashes, generated code and docs see exactly what a file written out in full would give.
 */

/** A name a definition may take: lower-case words joined by hyphens, like finding ids. */
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** At most this many values (objects, arrays, literals) may come out of the references of one file. */
export const MAX_EXPANDED = 500_000;

type Path = Array<string | number>;

/** How deeply references are followed and values walked: past it, the file is too deep (checked later too). */
const MAX_DEPTH = 1_000;

/** `{"ref": "name"}`: an object with the one key `ref`. */
const isRef = (v: unknown): v is { ref: unknown } =>
  isPlainRecord(v) && Object.keys(v).length === 1 && Object.hasOwn(v, "ref");

/** Whether a `{"ref": ...}` stands anywhere in a value (walked no deeper than MAX_DEPTH). */
function hasRef(v: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || typeof v !== "object" || v === null) return false;
  if (isRef(v)) return true;
  return Object.values(v).some((x) => hasRef(x, depth + 1));
}

/** How many values a JSON value holds (itself included). */
function sizeOf(v: unknown): number {
  if (Array.isArray(v)) return v.reduce<number>((n, x) => n + sizeOf(x), 1);
  if (isPlainRecord(v)) return Object.values(v).reduce<number>((n, x) => n + sizeOf(x), 1);
  return 1;
}

/** The built-in shared definitions, by name (checked like a file's own by the tests and at generation). */
export function sharedDefinitions(): Readonly<Record<string, unknown>> {
  return (sharedFile as { define: Record<string, unknown> }).define;
}

/**
 * The file with every `{"ref": ...}` replaced by its definition and `define` removed, and the problems:
 * an unknown name (with "did you mean"), a definition that refers to itself, a name taken by a shared
 * definition, a malformed `define`, or an expansion past {@link MAX_EXPANDED} values. A file without
 * references comes back as it was.
 */
export function expandDefinitions(
  input: unknown,
  shared: Readonly<Record<string, unknown>> = sharedDefinitions(),
): { value: unknown; issues: Issue[] } {
  if (!isPlainRecord(input)) return { value: input, issues: [] };
  // A file with no definitions and no reference is read as it is: nothing to copy.
  if (input.define === undefined && !hasRef(input, 0)) return { value: input, issues: [] };
  const issues: Issue[] = [];
  const own = ownDefinitions(input.define, shared, issues);
  const all: Record<string, { body: unknown; where: Path }> = {};
  for (const [name, body] of Object.entries(shared)) all[name] = { body, where: ["define", name] };
  for (const [name, body] of Object.entries(own)) all[name] = { body, where: ["define", name] };
  const names = Object.keys(all);
  const done = new Map<string, { value: unknown; size: number }>();
  let produced = 0;
  let overflow = false;
  let tooDeep = false;

  const expand = (node: unknown, path: Path, stack: readonly string[], depth = path.length): unknown => {
    if (overflow) return null;
    if (depth > MAX_DEPTH) {
      // Left as written: the size checks after expansion report the depth with its path.
      if (!tooDeep)
        issues.push({
          path: formatPath(path.slice(0, 3)),
          code: "too-deep",
          message: `Nested more than ${MAX_DEPTH} levels deep`,
        });
      tooDeep = true;
      return null;
    }
    if (isRef(node)) {
      const name = node.ref;
      if (typeof name !== "string" || !Object.hasOwn(all, name)) {
        const near = typeof name === "string" ? didYouMean(name, names) : undefined;
        issues.push({
          path: formatPath([...path, "ref"]),
          code: "unknown-definition",
          message: `No definition named ${JSON.stringify(name)}${near ? `; did you mean "${near}"?` : `; ${ownNames(own)}the shared ones are in frameworks/shared.definitions.json`}`,
          ...(near ? { suggestion: near } : {}),
        });
        return null;
      }
      const out = resolve(name, stack, depth);
      produced += out.size;
      if (produced > MAX_EXPANDED) {
        overflow = true;
        issues.push({
          path: formatPath(path),
          code: "too-large",
          message: `The references of this file expand to more than ${MAX_EXPANDED.toLocaleString("en")} values; define smaller pieces, or fewer levels of references`,
        });
        return null;
      }
      return copyJson(out.value);
    }
    if (Array.isArray(node)) return node.map((x, i) => expand(x, [...path, i], stack, depth + 1));
    if (isPlainRecord(node)) {
      const out: Record<string, unknown> = {};
      // setKey: a data key named __proto__ stays a key (for the checks after to name), never a prototype.
      for (const [k, v] of Object.entries(node)) setKey(out, k, expand(v, [...path, k], stack, depth + 1));
      return out;
    }
    return node;
  };

  const resolve = (name: string, stack: readonly string[], depth = 0): { value: unknown; size: number } => {
    const known = done.get(name);
    if (known) return known;
    if (stack.includes(name)) {
      const loop = [...stack.slice(stack.indexOf(name)), name].join(" -> ");
      issues.push({
        path: formatPath((all[name] as { where: Path }).where),
        code: "cycle",
        message: `Definition "${name}" refers to itself: ${loop}`,
      });
      return { value: null, size: 1 };
    }
    const { body, where } = all[name] as { body: unknown; where: Path };
    const value = expand(body, where, [...stack, name], depth + 1);
    const result = { value, size: sizeOf(value) };
    done.set(name, result);
    return result;
  };

  // Every definition is expanded once, used or not, so a broken one is reported where it is written.
  for (const name of Object.keys(own)) resolve(name, []);
  const { define: _define, ...rest } = input;
  const value: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) value[k] = k === "customSchema" ? v : expand(v, [k], []);
  return { value, issues };
}

const ownNames = (own: Record<string, unknown>) => {
  const names = Object.keys(own);
  return names.length ? `this file defines ${names.map((n) => JSON.stringify(n)).join(", ")}; ` : "";
};

/** A file's own definitions, checked: an object of well-formed names, none taken by a shared definition. */
function ownDefinitions(
  define: unknown,
  shared: Readonly<Record<string, unknown>>,
  issues: Issue[],
): Record<string, unknown> {
  if (define === undefined) return {};
  if (!isPlainRecord(define)) {
    issues.push({
      path: "define",
      code: "invalid-type",
      message: 'Expected an object of named definitions ({ "deciders": { "with-role": [...] } })',
    });
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const [name, body] of Object.entries(define)) {
    if (!NAME.test(name))
      issues.push({
        path: formatPath(["define", name]),
        code: "invalid-value",
        message: `A definition's name is lower-case words joined by hyphens (like "open-deal"); got ${JSON.stringify(name)}`,
      });
    else if (Object.hasOwn(shared, name))
      issues.push({
        path: formatPath(["define", name]),
        code: "duplicate-id",
        message: `"${name}" is already a shared definition (frameworks/shared.definitions.json); use {"ref": "${name}"}, or choose another name`,
      });
    else out[name] = body;
  }
  return out;
}
