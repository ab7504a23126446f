import { defineConfig } from "vitest/config";

// The opt-in engine tests (`npm run test:engines`): too big for every run (chDB is 543 MB).
export default defineConfig({
  test: {
    include: ["tests/engines/**/*.engine.ts"],
    testTimeout: 300_000,
    pool: "forks",
  },
});
