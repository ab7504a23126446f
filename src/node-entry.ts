// `qualify` for Node as an ES module (dist/index.js). The build replaces this file with a facade made
// from src/core.ts and src/index.ts (tsup.config.ts, `facade`): scoring at import, with no zod; each other
// export made on first use. Read from source (tests, tools), it is the whole API.
export * from "./index.js";
