/**
 * `dist/on-demand-setup.js`: checking framework files, loaded by src/engine/lazy-setup.ts on the first
 * file to check. No zod: a file the generated acceptor takes is checked without it; only explaining a
 * rejected one, or reading a custom schema, loads `dist/on-demand.js` (and zod). Not a public entry.
 * @internal
 * @packageDocumentation
 */
export * as setup from "./engine/setup-side.js";
