// lazy-side: jsonLogic
// json-logic-js, for interpreter mode and its own operators: here a plain import; in the ESM build for Node
// (tsup.config.ts, `lazySides`) a synchronous load of dist/on-demand.js on the first call, so a qualifier
// that compiles its rules (the default) never loads it.
import jsonLogic from "json-logic-js";

/** json-logic-js (loaded on first call in the Node ESM build). */
export const jsonLogicLib = (): typeof jsonLogic => jsonLogic;
