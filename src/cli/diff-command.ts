import { readFile } from "node:fs/promises";
import { compare, history, isReport, parseReport } from "../compare/compare.js";
import { formatComparisonMarkdown, formatComparisonText, formatHistoryText } from "../compare/format.js";
import { decodeUtf8, loadFile, readError } from "../node/read-input.js";
import type { Issue } from "../validation/issue.js";
import type { Io } from "./commands.js";
import { forMarkdown, forTerminal } from "./escape.js";
import { reportFailure } from "./report-failure.js";
import { type CliSources, cliSetup } from "./setup.js";
import { outputFormat, UsageError } from "./usage.js";

/** The issues an error carries, each naming `file`; anything else is thrown on. */
function withFile(e: unknown, file: string): unknown {
  const issues = (e as { issues?: Issue[] } | null)?.issues;
  return issues ? { issues: issues.map((i) => ({ ...i, file })) } : e;
}

/** Reads an NDJSON history of dated snapshots; problems go to stderr (undefined then). */
async function readHistory(
  file: string,
  io: Io,
): Promise<{ snapshots: unknown[]; lines: number[] } | undefined> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (e) {
    io.err.write(`${forTerminal(file)}: ${readError(e)}\n`);
    return undefined;
  }
  const text = decodeUtf8(raw);
  if (!text.ok) {
    io.err.write(`${forTerminal(file)}: ${text.message}\n`);
    return undefined;
  }
  const snapshots: unknown[] = [];
  const lines: number[] = [];
  // Lines are counted from 1 in the file as it is, blank lines included, so an editor finds them.
  for (const [i, line] of text.text.split("\n").entries()) {
    if (line.trim() === "") continue;
    try {
      snapshots.push(JSON.parse(line));
      lines.push(i + 1);
    } catch (e) {
      io.err.write(`${forTerminal(file)}: line ${i + 1}: not valid JSON: ${(e as Error).message}\n`);
      return undefined;
    }
  }
  return { snapshots, lines };
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
      const read = await readHistory(files[0] as string, io);
      if (!read) return 1;
      let h: ReturnType<typeof history>;
      try {
        h = history(read.snapshots, { qualifier, lines: read.lines });
      } catch (e) {
        return reportFailure(withFile(e, files[0] as string), "Invalid history:", io);
      }
      io.out.write(format === "json" ? `${JSON.stringify(h, null, 2)}\n` : formatHistoryText(h, forTerminal));
      return 0;
    }
    const values: unknown[] = [];
    for (const file of files) {
      const loaded = await loadFile(file);
      if (!loaded.ok) {
        io.err.write(`${forTerminal(file)}: ${loaded.message}\n`);
        return 1;
      }
      // A stored report is checked here, so its problems are named with its file.
      if (isReport(loaded.value)) {
        try {
          parseReport(loaded.value);
        } catch (e) {
          return reportFailure(withFile(e, file), "Not a valid report:", io);
        }
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
