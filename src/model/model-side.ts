// lazy-side: model
// The one door from the scoring path to the model's zod schemas (./lazy-schemas.ts). Here it is a plain
// import; in the ESM build for Node (tsup.config.ts, `lazySides`) this file becomes a synchronous load of
// dist/on-demand.js on the first call, so zod loads only when a schema is first needed.
import * as schemas from "./lazy-schemas.js";

/** The model's schemas the scoring path needs now and then (loaded on first call in the Node ESM build). */
export const modelSchemas = (): typeof schemas => schemas;
