import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { QualifyConfig } from "../config/define-config.js";
import { didYouMean } from "../validation/did-you-mean.js";
import type { Issue } from "../validation/issue.js";
import { loadFile } from "./read-input.js";

/** The config file names looked for, in this order, in the working directory and each one above it. */
export const CONFIG_NAMES = ["qualify.config.mjs", "qualify.config.js", "qualify.config.json"] as const;
const KEYS = [
  "frameworks",
  "plugins",
  "disable",
  "coreRules",
  "mode",
  "codegen",
  "budget",
  "compact",
] as const;

/** The nearest config file from `cwd` upwards, or undefined. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** A loaded config: its options, and the directory its relative paths resolve from. */
export type LoadedConfig =
  | { ok: true; config: QualifyConfig; dir: string; file: string }
  | { ok: false; issues: Issue[] };

/**
 * Loads a config file (`.mjs`/`.js`: the default export; `.json`: the object) and checks its shape:
 * every problem with its path and the file, unknown keys with "did you mean".
 */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  const path = resolve(file);
  let value: unknown;
  if (/\.json$/i.test(path)) {
    const loaded = await loadFile(path);
    if (!loaded.ok)
      return { ok: false, issues: [{ path: "", file, code: "unreadable", message: loaded.message }] };
    value = loaded.value;
  } else {
    try {
      value = ((await import(pathToFileURL(path).href)) as { default?: unknown }).default;
    } catch (e) {
      const missing = (e as { code?: string }).code === "ERR_MODULE_NOT_FOUND" && !existsSync(path);
      return {
        ok: false,
        issues: [
          {
            path: "",
            file,
            code: "unreadable",
            message: missing ? "no such file" : `cannot load it: ${(e as Error).message}`,
          },
        ],
      };
    }
  }
  const issues = checkConfig(value).map((i) => ({ ...i, file }));
  return issues.length > 0
    ? { ok: false, issues }
    : { ok: true, config: value as QualifyConfig, dir: dirname(path), file };
}

function checkConfig(value: unknown): Issue[] {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return [
      {
        path: "",
        code: "invalid-type",
        message: "A config is an object (the default export of a .mjs or .js file, or a .json object)",
      },
    ];
  const issues: Issue[] = [];
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if ((KEYS as readonly string[]).includes(key)) continue;
    const suggestion = didYouMean(key, KEYS);
    issues.push({
      path: key,
      code: "unknown-field",
      message: `Unknown config key "${key}"${suggestion ? `; did you mean "${suggestion}"?` : `; allowed: ${KEYS.join(", ")}`}`,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  const list = (key: string, ok: (x: unknown) => boolean, what: string) => {
    if (v[key] === undefined) return;
    if (!Array.isArray(v[key]))
      return issues.push({ path: key, code: "invalid-type", message: `Expected a list of ${what}` });
    (v[key] as unknown[]).forEach((x, i) => {
      if (!ok(x)) issues.push({ path: `${key}[${i}]`, code: "invalid-type", message: `Expected ${what}` });
    });
  };
  const isObj = (x: unknown) => typeof x === "object" && x !== null && !Array.isArray(x);
  list(
    "frameworks",
    (x) => typeof x === "string" || isObj(x),
    "framework ids, framework file paths or framework objects",
  );
  list("plugins", (x) => typeof x === "string" || isObj(x), "plugin module specifiers or plugin objects");
  list("disable", (x) => typeof x === "string", "finding, collateral, question or rule ids");
  if (v.coreRules !== undefined && typeof v.coreRules !== "boolean")
    issues.push({ path: "coreRules", code: "invalid-type", message: "Expected true or false" });
  if (v.mode !== undefined && v.mode !== "compiled" && v.mode !== "interpreter")
    issues.push({ path: "mode", code: "invalid-value", message: 'Expected "compiled" or "interpreter"' });
  if (v.codegen !== undefined && typeof v.codegen !== "boolean")
    issues.push({ path: "codegen", code: "invalid-type", message: "Expected true or false" });
  if (v.budget !== undefined && !isObj(v.budget))
    issues.push({ path: "budget", code: "invalid-type", message: "Expected { steps, perItem }" });
  return issues;
}
