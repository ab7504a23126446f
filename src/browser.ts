// biome-ignore-all assist/source/organizeImports: jitless must be evaluated before any zod schema is made
// The browser build (dist/qualify.global.js): zod validates without its JIT, so it never probes
// `new Function`, which a Content-Security-Policy without 'unsafe-eval' reports as a violation on every
// page load. The order matters: jitless first, then every schema. Valid deals stay quick through the
// acceptor generated at build time (no zod for a valid deal).
export { jitless } from "./jitless.js";
export * from "./index.js";
