import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";

// YAML is read only when a file is YAML: the parser is loaded then, not at every start (about 40 ms).
type YamlParse = (text: string, options: { schema: "core" }) => unknown;
const parseYaml: YamlParse = (text, options) =>
  (createRequire(import.meta.url)("yaml") as { parse: YamlParse }).parse(text, options);

/** A file's parsed content, or why it could not be read. */
export type Loaded = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads all of stdin as bytes. */
export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Bytes as text: UTF-8, a leading byte-order mark dropped (editors on Windows write one). Invalid UTF-8
 * is an error that says where, never silently replaced with U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    return { ok: false, message: `not valid UTF-8 text (first bad byte at offset ${firstBadByte(bytes)})` };
  }
}

/** The offset of the first byte that does not decode as UTF-8. */
function firstBadByte(bytes: Uint8Array): number {
  let [lo, hi] = [0, bytes.length];
  // The longest prefix that decodes: a binary search over prefixes (a prefix cut mid-character also fails,
  // so the answer is within 3 bytes; step back to the character start).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/** Parses text as JSON, or as YAML when the name says so or the text is not JSON. */
export function parseText(text: string, name: string): Loaded {
  if (text.trim() === "") return { ok: false, message: "no input: the file is empty" };
  const yaml = /\.ya?ml$/i.test(name);
  if (!yaml) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (e) {
      if (/\.json$/i.test(name)) return { ok: false, message: `not valid JSON: ${(e as Error).message}` };
    }
  }
  try {
    // The core schema: dates stay strings (as the deal model wants), `yes` stays a string, even under a
    // `%YAML 1.1` directive.
    return { ok: true, value: parseYaml(text, { schema: "core" }) };
  } catch (e) {
    return {
      ok: false,
      message: `not valid ${yaml ? "YAML" : "JSON or YAML"}: ${(e as Error).message.split("\n")[0]}`,
    };
  }
}

/** Why a path cannot be read as a file, in words (ENOENT: "no such file"...). */
export function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "EACCES") return "permission denied";
  return `cannot read it (${code ?? (e as Error).message})`;
}

/** Why a file cannot be streamed (missing, a directory, unreadable), or undefined when it can; `-` is stdin. */
export async function streamProblem(name: string): Promise<string | undefined> {
  if (name === "-") return undefined;
  try {
    return (await stat(name)).isDirectory() ? readError({ code: "EISDIR" }) : undefined;
  } catch (e) {
    return readError(e);
  }
}

/** Reads and parses a file, or stdin when the name is `-`. */
export async function loadFile(name: string): Promise<Loaded> {
  let bytes: Uint8Array;
  try {
    if (name !== "-" && (await stat(name)).isDirectory())
      return { ok: false, message: readError({ code: "EISDIR" }) };
    bytes = name === "-" ? await readStdin() : await readFile(name);
  } catch (e) {
    return { ok: false, message: readError(e) };
  }
  if (name === "-" && bytes.length === 0) return { ok: false, message: "no input: stdin was empty" };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  return parseText(decoded.text, name);
}
