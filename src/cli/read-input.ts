import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";

/** A file's parsed content, or why it could not be read. */
export type Loaded = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads all of stdin as text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses text as JSON, or as YAML when the name says so or the text is not JSON. */
export function parseText(text: string, name: string): Loaded {
  const yaml = /\.ya?ml$/i.test(name);
  if (!yaml) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (e) {
      if (/\.json$/i.test(name)) return { ok: false, message: `not valid JSON: ${(e as Error).message}` };
    }
  }
  try {
    return { ok: true, value: parseYaml(text) };
  } catch (e) {
    return {
      ok: false,
      message: `not valid ${yaml ? "YAML" : "JSON or YAML"}: ${(e as Error).message.split("\n")[0]}`,
    };
  }
}

/** Reads and parses a file, or stdin when the name is `-`. */
export async function loadFile(name: string): Promise<Loaded> {
  let text: string;
  try {
    text = name === "-" ? await readStdin() : await readFile(name, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: code === "ENOENT" ? "no such file" : `cannot read it (${code ?? (e as Error).message})`,
    };
  }
  return parseText(text, name);
}
