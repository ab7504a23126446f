// Types for `qualify/global`: the script dist/qualify.global.js, which sets `globalThis.qualify` to the
// whole API (zod jitless: no eval, no `new Function`, so a strict Content-Security-Policy reports nothing).
// In a page's TypeScript: `/// <reference types="qualify/global" />`, then `qualify.createQualifier()`.
import type * as Qualify from "../dist/index.js";

declare global {
  /** The qualify API, set by the script `qualify/global` (dist/qualify.global.js). */
  var qualify: typeof Qualify;
}
