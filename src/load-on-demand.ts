/** What the loader needs of the runtime: Node's `process` (its version, and `getBuiltinModule`). */
export interface Runtime {
  readonly version?: string;
  readonly getBuiltinModule?: (id: string) => unknown;
}

const NEEDS =
  'Node.js 20.19 or later (process.getBuiltinModule, and require of an ES module); on another runtime, use the package\'s "deno", "bun" or "browser" build';

/**
 * Loads `file`, beside the module at `from` (its `import.meta.url`), synchronously: how the Node ESM build
 * of qualify loads its on-demand module on first need (tsup.config.ts, `lazySides`). A runtime that
 * cannot is told what it needs, never a bare TypeError.
 */
export function loadOnDemand(
  file: string,
  from: string,
  runtime: Runtime | undefined = (globalThis as { process?: Runtime }).process,
): unknown {
  const builtin = runtime?.getBuiltinModule;
  if (typeof builtin !== "function")
    throw new Error(
      `qualify loads ${file} when it is first needed, which takes ${NEEDS}; this runtime has no process.getBuiltinModule`,
    );
  const { createRequire } = builtin("node:module") as {
    createRequire: (from: string) => (id: string) => unknown;
  };
  try {
    return createRequire(from)(`./${file}`);
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === "ERR_REQUIRE_ESM")
      throw new Error(
        `qualify loads ${file} when it is first needed, which takes ${NEEDS}; this is Node.js ${runtime?.version ?? "(unknown)"}`,
        { cause: e },
      );
    throw e;
  }
}
