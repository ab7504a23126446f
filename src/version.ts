/** The version of qualify (kept equal to package.json's by a test: tests/generated.test.ts). */
export const QUALIFY_VERSION = "0.1.0";
