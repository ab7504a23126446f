import { isUtf8 } from "node:buffer";

/** An input line that is not UTF-8: scored as an error record, never as replaced text. */
export interface BadLine {
  /** Why the line cannot be read. */
  readonly bad: string;
}

/** One line of NDJSON input: its text, or why it could not be decoded. */
export type InputLine = string | BadLine;

/**
 * Splits a byte stream into NDJSON lines: `\n` ends a line, a `\r` before it is dropped (CRLF files), a
 * byte-order mark at the very start is dropped, and a line that is not valid UTF-8 comes out as a
 * {@link BadLine} so it gets its own error record. A last line without a newline still counts.
 */
export async function* ndjsonLines(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<InputLine> {
  let rest: Buffer | undefined;
  let first = true;
  const decode = (bytes: Buffer): InputLine => {
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 13) end -= 1;
    let start = 0;
    if (first) {
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    }
    const line = bytes.subarray(start, end);
    return isUtf8(line) ? line.toString("utf8") : { bad: "not valid UTF-8 text" };
  };
  for await (const piece of input) {
    const chunk =
      typeof piece === "string"
        ? Buffer.from(piece, "utf8")
        : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    const buf = rest && rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    const last = buf.lastIndexOf(10);
    if (last < 0) {
      rest = Buffer.from(buf);
      continue;
    }
    const complete = buf.subarray(0, last);
    if (isUtf8(complete)) {
      // The common case: every complete line of the chunk is valid UTF-8, so it is decoded once and
      // split, not line by line (the main thread feeds the workers: its time per line is the ceiling).
      let text = complete.toString("utf8");
      if (first) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      for (const line of text.split("\n")) yield line.endsWith("\r") ? line.slice(0, -1) : line;
    } else {
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl !== -1 && nl <= last; nl = buf.indexOf(10, start)) {
        yield decode(buf.subarray(start, nl));
        start = nl + 1;
      }
    }
    // The partial line is copied: the stream may reuse its buffer.
    rest = last + 1 < buf.length ? Buffer.from(buf.subarray(last + 1)) : undefined;
  }
  if (rest && rest.length > 0) yield decode(rest);
}
