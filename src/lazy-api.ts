// lazy-side: api
// The public API with its zod schemas (./index.ts), for `dist/index.js` in the ESM build for Node: there,
// this file becomes a synchronous load of dist/on-demand.js on first use (tsup.config.ts, `lazySides`).
import * as api from "./index.js";

/** The whole public API (loaded on first use in the Node ESM build). */
export const publicApi = (): typeof api => api;
