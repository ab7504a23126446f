// lazy-side: setup
// The one door from the qualifier to the checks of framework files and custom schemas (./setup-side.ts).
// Here it is a plain import; in the ESM build for Node (tsup.config.ts, `lazySides`) this file becomes a
// synchronous load of dist/on-demand.js on the first call, so zod loads only when something needs checking.
import * as setup from "./setup-side.js";

/** Framework and custom-schema checks (loaded on first call in the Node ESM build). */
export const setupSide = (): typeof setup => setup;
