// biome-ignore-all assist/source/organizeImports: jitless must be evaluated before zod loads
// `qualify` under the `browser` condition (dist/browser.js), for bundlers: the first import sets zod to
// jitless (dist/jitless.js, listed in package.json `sideEffects`, so no bundler drops it), and only then
// does the library, and zod with it, load. ES modules evaluate their imports in order.
import "./jitless.js";

export * from "./index.js";
