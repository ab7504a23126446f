// lazy-side: custom
// The one door to reading custom schemas (./custom-schema.ts: zod, and its JSON Schema reader). Here a
// plain import; in the ESM build for Node (tsup.config.ts, `lazySides`) a synchronous load of the on-demand
// module on the first call, so zod loads only when a custom schema is declared.
import * as custom from "./custom-schema.js";

/** Custom schemas read into the Deal schema (loaded on first call in the Node ESM build). */
export const customSide = (): typeof custom => custom;
