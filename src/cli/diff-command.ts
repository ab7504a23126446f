import { readFile } from "node:fs/promises";
import { compare, history } from "../compare/compare.js";
import { formatComparisonMarkdown, formatComparisonText, formatHistoryText } from "../compare/format.js";
import type { Io } from "./commands.js";
import { forMarkdown, forTerminal } from "./escape.js";
import { decodeUtf8, loadFile, readError } from "./read-input.js";
import { reportFailure } from "./report-failure.js";
import { type CliSources, cliSetup } from "./setup.js";
import { outputFormat, UsageError } from "./usage.js";

/** Reads an NDJSON history of dated snapshots; problems go to stderr (undefined then). */
async function readHistory(
  file: string,
  io: Io,
): Promise<Array<{ asOf: string; deal: unknown }> | undefined> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (e) {
    io.err.write(`${file}: ${readError(e)}\n`);
    return undefined;
  }
  const text = decodeUtf8(raw);
  if (!text.ok) {
    io.err.write(`${file}: ${text.message}\n`);
    return undefined;
  }
  const out = [];
  for (const [i, line] of text.text.split("\n").entries()) {
    if (line.trim() === "") continue;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      io.err.write(`${file}: line ${i + 1}: not valid JSON: ${(e as Error).message}\n`);
      return undefined;
    }
  }
  return out;
}

/**
 * `qualify diff OLD NEW`: what changed between two snapshots of one deal (deal files, dated deals
 * `{ asOf, deal }`, or stored reports); `qualify diff HISTORY.ndjson`: the trend over dated snapshots.
 */
export async function diff(
  files: readonly string[],
  opts: { format?: string; asOf?: string },
  sources: CliSources,
  io: Io,
): Promise<number> {
  const format = outputFormat(opts.format);
  if (files.length < 1 || files.length > 2)
    throw new UsageError("diff takes two snapshots (OLD NEW), or one NDJSON history of dated snapshots");
  const built = await cliSetup(sources, io);
  if (!built) return 1;
  const { qualifier } = built;
  try {
    if (files.length === 1) {
      const snapshots = await readHistory(files[0] as string, io);
      if (!snapshots) return 1;
      const h = history(snapshots, { qualifier });
      io.out.write(format === "json" ? `${JSON.stringify(h, null, 2)}\n` : formatHistoryText(h, forTerminal));
      return 0;
    }
    const values: unknown[] = [];
    for (const file of files) {
      const loaded = await loadFile(file);
      if (!loaded.ok) {
        io.err.write(`${file}: ${loaded.message}\n`);
        return 1;
      }
      values.push(loaded.value);
    }
    const result = compare(values[0], values[1], { qualifier, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
    io.out.write(
      format === "json"
        ? `${JSON.stringify(result, null, 2)}\n`
        : format === "markdown"
          ? formatComparisonMarkdown(result, forMarkdown)
          : formatComparisonText(result, forTerminal),
    );
    return 0;
  } catch (e) {
    return reportFailure(e, "Cannot compare:", io);
  }
}
