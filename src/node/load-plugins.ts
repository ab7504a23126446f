import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Issue, type Plugin, QualifyError } from "./core.js";

/**
 * A module specifier as `import()` from anywhere understands it: a path (`./acme.mjs`, `../x.js`,
 * `/abs/x.mjs`, or `plugins/acme.mjs` when that file exists) becomes a file URL resolved from `cwd`; a
 * package name or URL stays as it is.
 */
export function resolveSpecifier(specifier: string, cwd: string = process.cwd()): string {
  const path = resolve(cwd, specifier);
  if (specifier.startsWith(".") || isAbsolute(specifier) || existsSync(path)) return pathToFileURL(path).href;
  return specifier;
}

const isPlugin = (v: unknown): v is Plugin =>
  typeof v === "object" && v !== null && typeof (v as { name?: unknown }).name === "string";

/**
 * Imports plugin modules: each default export must be a plugin made with `definePlugin`, or a list of
 * them. Throws one {@link QualifyError} naming every module that could not be loaded, and why.
 */
export async function loadPlugins(specifiers: readonly string[], cwd?: string): Promise<Plugin[]> {
  const plugins: Plugin[] = [];
  const issues: Issue[] = [];
  for (const [i, specifier] of specifiers.entries()) {
    const path = `plugins[${i}]`;
    let loaded: { default?: unknown };
    try {
      loaded = (await import(resolveSpecifier(specifier, cwd))) as { default?: unknown };
    } catch (e) {
      const code = (e as { code?: string }).code;
      issues.push({
        path,
        code: "plugin-not-loaded",
        message:
          code === "ERR_MODULE_NOT_FOUND"
            ? `Cannot find plugin module "${specifier}"`
            : `Plugin module "${specifier}" failed to load: ${(e as Error).message}`,
      });
      continue;
    }
    const value = loaded.default;
    const list = Array.isArray(value) ? value : [value];
    if (value === undefined || !list.every(isPlugin)) {
      issues.push({
        path,
        code: "not-a-plugin",
        message: `Plugin module "${specifier}" must have a default export made with definePlugin (or a list of them)`,
      });
      continue;
    }
    plugins.push(...list);
  }
  if (issues.length > 0) throw new QualifyError("Cannot load plugins", issues, { kind: "invalid-rule-set" });
  return plugins;
}

/** Plugins given as objects or module specifiers, loaded, in the order given. */
export async function materialisePlugins(
  given: ReadonlyArray<Plugin | string>,
  cwd?: string,
): Promise<Plugin[]> {
  const out: Plugin[] = [];
  for (const p of given) out.push(...(typeof p === "string" ? await loadPlugins([p], cwd) : [p]));
  return out;
}
