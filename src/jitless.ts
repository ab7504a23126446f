// Imported first by the browser build (src/browser.ts), before zod itself loads: zod reads its global
// config from `globalThis.__zod_globalConfig` when its modules load, and its object schemas decide at
// construction whether to compile themselves with `new Function` (probing for it). Jitless from the
// start, nothing probes.
const config = globalThis as { __zod_globalConfig?: Record<string, unknown> };
config.__zod_globalConfig = Object.assign(config.__zod_globalConfig ?? {}, { jitless: true });

/** True: this build validates without zod's JIT (exported, so that bundlers keep this module and its effect). */
export const jitless = true;
