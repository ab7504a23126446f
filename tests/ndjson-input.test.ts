import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type InputLine, ndjsonLines } from "../src/node/ndjson-input.js";

async function collect(chunks: Uint8Array[]): Promise<InputLine[]> {
  const out: InputLine[] = [];
  for await (const line of ndjsonLines(
    (async function* () {
      yield* chunks;
    })(),
  ))
    out.push(line);
  return out;
}

describe("NDJSON input: the same lines however the bytes are cut", () => {
  it("any lines (unicode, CR, a bad byte), any chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 8 }), fc.constant("bad")), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (lines, crlf, bom, cuts) => {
          const clean = lines.map((l) => l.replace(/[\r\n]/g, ""));
          const parts = clean.map((l) =>
            l === "bad" ? Buffer.from([0x7b, 0xff, 0x7d]) : Buffer.from(l, "utf8"),
          );
          const eol = Buffer.from(crlf ? "\r\n" : "\n");
          const bytes = Buffer.concat([
            ...(bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : []),
            ...parts.flatMap((p) => [p, eol]),
          ]);
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let at = 0;
          for (const p of [...points, bytes.length]) {
            chunks.push(bytes.subarray(at, p));
            at = p;
          }
          const expected = clean.map((l) => (l === "bad" ? { bad: "not valid UTF-8 text" } : l));
          expect(await collect(chunks)).toEqual(expected);
        },
      ),
      { numRuns: 500, seed: 20261128 },
    );
  });

  it("a last line without a newline still counts", async () => {
    expect(await collect([Buffer.from('{"a":1}\n{"b":2}')])).toEqual(['{"a":1}', '{"b":2}']);
  });
});
