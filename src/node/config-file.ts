import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { QualifyConfig } from "../config/define-config.js";
import { readOnce } from "../model/json-value.js";
import { CONFIG_OPTIONS, checkOptions, thrownText } from "../validation/check-options.js";
import { formatPath, type Issue } from "../validation/issue.js";
import type { IssueCode } from "../validation/issue-codes.js";
import { loadFile } from "./read-input.js";

/** The config file names looked for, in this order, in the working directory and each one above it. */
export const CONFIG_NAMES = ["qualify.config.mjs", "qualify.config.js", "qualify.config.json"] as const;

/** Longest a config module may take to load (its top-level awaits, a promised default export). */
export const CONFIG_WAIT_MS = 10_000;

/**
 * The nearest config file from `cwd` upwards, stopping at the project root: the first folder with a
 * `package.json` or `.git` is the last one searched, so a config in a parent project or the home
 * directory never applies by accident.
 */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
    if (existsSync(join(dir, "package.json")) || existsSync(join(dir, ".git"))) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** A loaded config: its options, the directory its relative paths resolve from, and how to name it. */
export type LoadedConfig =
  | { ok: true; config: QualifyConfig; dir: string; file: string; name: string }
  | { ok: false; issues: Issue[] };

const failed = (file: string, code: IssueCode, message: string): Extract<LoadedConfig, { ok: false }> => ({
  ok: false,
  issues: [{ path: "", file, code, message }],
});

/** A promise settled within `ms`, or the outcome `timeout`. The timer never outlives the wait. */
async function within<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ value: T } | { error: unknown } | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"timeout">((done) => {
    timer = setTimeout(() => done("timeout"), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ value })), late]);
  } catch (error) {
    return { error };
  } finally {
    clearTimeout(timer);
  }
}

type Failed = Extract<LoadedConfig, { ok: false }>;

/** A module's default export, awaited when it is a promise; anything it throws is an issue. */
async function importDefault(
  path: string,
  file: string,
  waitMs: number,
): Promise<{ ok: true; value: unknown } | Failed> {
  const imported = await within(
    import(pathToFileURL(path).href).then(async (m: { default?: unknown }) => {
      if (!("default" in m)) throw new Error("it has no default export (export default { ... })");
      const value = m.default;
      // `export default loadSettings()` or `export default await ...` both end as the value.
      return typeof (value as { then?: unknown } | null)?.then === "function" ? await value : value;
    }),
    waitMs,
  );
  if (imported === "timeout")
    return failed(
      file,
      "config-timeout",
      `it did not finish loading within ${waitMs / 1000} s (a top-level await or a promised default export that never settles)`,
    );
  if ("error" in imported) {
    const e = imported.error;
    const missing = (e as { code?: string } | null)?.code === "ERR_MODULE_NOT_FOUND" && !existsSync(path);
    return failed(file, "unreadable", missing ? "no such file" : `cannot load it: ${thrownText(e)}`);
  }
  return { ok: true, value: imported.value };
}

/**
 * Loads a config file (`.mjs`/`.js`: the default export, awaited when a promise; `.json`: the object) and
 * checks it as strictly as the options it holds: every problem with its path, unknown keys with "did you
 * mean", nothing coerced. Whatever the file throws, or a load that never ends, is an issue naming it.
 */
export async function loadConfigFile(
  file: string,
  cwd: string,
  waitMs: number = CONFIG_WAIT_MS,
): Promise<LoadedConfig> {
  const path = resolve(cwd, file);
  const name = relative(cwd, path) || path;
  let value: unknown;
  if (/\.json$/i.test(path)) {
    const loaded = await loadFile(path);
    if (!loaded.ok) return failed(name, "unreadable", loaded.message);
    value = loaded.value;
  } else {
    const imported = await importDefault(path, name, waitMs);
    if (!imported.ok) return imported;
    value = imported.value;
  }
  // What is checked is what is used: each key read once, so a getter cannot answer differently later.
  const snapshot = readOnce(value);
  if ("thrown" in snapshot)
    return {
      ok: false,
      issues: [
        {
          path: formatPath(snapshot.path),
          file: name,
          code: "unreadable",
          message: `reading it threw: ${thrownText(snapshot.thrown)}`,
        },
      ],
    };
  const issues = checkOptions(snapshot.value, CONFIG_OPTIONS, "A config");
  if (issues.length > 0) return { ok: false, issues: issues.map((i) => ({ ...i, file: name })) };
  return { ok: true, config: snapshot.value as QualifyConfig, dir: dirname(path), file: path, name };
}
