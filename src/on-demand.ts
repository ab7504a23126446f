/**
 * `dist/on-demand.js`: what the scoring path loads only on first need (zod and the modules that need it,
 * json-logic-js), through the `lazy-side` files: src/model/model-side.ts, src/engine/lazy-setup.ts,
 * src/engine/json-logic-side.ts, src/lazy-api.ts. Not a public entry.
 * @internal
 * @packageDocumentation
 */
export { default as jsonLogic } from "json-logic-js";
export * as api from "./index.js";
export * as model from "./model/lazy-schemas.js";
export * as custom from "./validation/custom-schema.js";
