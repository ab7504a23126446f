// The code samples of the README and the guides: every ```ts block (a block fenced ```ts no-run is a
// fragment and is left out). One list for the test that runs them (tests/doc-samples.test.ts) and for
// the type check of `npm run typecheck` (scripts/typecheck-doc-samples.mjs).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** @returns {Array<readonly [string, string]>} [name, source] of each sample. */
export function docSamples(root) {
  const files = [
    "README.md",
    ...readdirSync(join(root, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`),
  ];
  return files.flatMap((file) =>
    [...readFileSync(join(root, file), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map(
      (m, i) => /** @type {const} */ ([`${file} #${i + 1}`, m[1]]),
    ),
  );
}
